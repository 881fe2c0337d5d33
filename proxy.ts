import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { contentSecurityPolicy, newNonce, securityHeaders, type HeaderOptions } from "@/lib/security/headers";

/**
 * Runs before every page, route handler and file (Next 16's successor of middleware.ts):
 * 1. refuses state-changing requests that come from another origin (route handlers have no
 *    CSRF check of their own; the shared handler wrappers check again);
 * 2. sets the security headers, and a Content-Security-Policy with a fresh nonce that Next reads
 *    from the request's CSP header and puts on its own scripts (the pages are dynamic).
 */
export function proxy(request: NextRequest) {
  if (!isSameOriginRequest(request)) return withHeaders(request, crossSiteRefusal(), null);
  const nonce = newNonce();
  const opts = options(request);
  const csp = contentSecurityPolicy(nonce, opts);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(request, res, csp);
}

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
