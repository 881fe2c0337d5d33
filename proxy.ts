import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { contentSecurityPolicy, newNonce, securityHeaders, type HeaderOptions } from "@/lib/security/headers";

/**
 * Runs before every page, route handler and file (Next 16's successor of middleware.ts):
 * 1. refuses state-changing requests that come from another origin (route handlers have no
 *    CSRF check of their own; the shared handler wrappers check again), and server-action
 *    bodies over the limit (413, where Next answered 500);
 * 2. sets the security headers, and a Content-Security-Policy with a fresh nonce that Next reads
 *    from the request's CSP header and puts on its own scripts (the pages are dynamic).
 */
export function proxy(request: NextRequest) {
  if (!isSameOriginRequest(request)) return withHeaders(request, crossSiteRefusal(), null);
  // A server action's body over Next's limit (next.config.ts) was a 500: a clear 413 instead.
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return withHeaders(request, new Response(ACTION_TOO_LARGE, {
      status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    }), null);
  }
  const nonce = newNonce();
  const opts = options(request);
  const csp = contentSecurityPolicy(nonce, opts);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The root layout draws the territory's header and footer and the staff navigation from the path.
  requestHeaders.set("x-pathname", request.nextUrl.pathname);
  requestHeaders.set("x-search", request.nextUrl.search);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(request, res, csp);
}

/** The same as `experimental.serverActions.bodySizeLimit` ("64kb") in next.config.ts. */
const ACTION_BODY_LIMIT = 64 * 1024;
const ACTION_TOO_LARGE = "Formulaire trop volumineux.";

function options(request: NextRequest): HeaderOptions {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return {
    https: request.nextUrl.protocol === "https:" || forwarded === "https" || (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    dev: process.env.NODE_ENV === "development",
    basemapUrl: process.env.BAROMETRE_BASEMAP_URL,
    oidcIssuer: process.env.OIDC_ISSUER,
  };
}

function withHeaders<R extends Response>(request: NextRequest, res: R, csp: string | null): R {
  const opts = options(request);
  for (const [k, v] of Object.entries(securityHeaders(request.nextUrl.pathname, request.nextUrl.search, opts))) res.headers.set(k, v);
  res.headers.set("Content-Security-Policy", csp ?? contentSecurityPolicy(newNonce(), opts));
  return res;
}

export const config = {
  // Next's hashed static files carry no page and need no nonce.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
