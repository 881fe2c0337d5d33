/**
 * Cross-site request forgery guard for route handlers (server actions are checked by Next).
 *
 * A state-changing request (anything but GET, HEAD, OPTIONS) is accepted only when the browser
 * says it comes from the portal itself: its `Origin` header, or when a browser sends none, its
 * `Sec-Fetch-Site` header. The portal's own origins are NEXTAUTH_URL's, BAROMETRE_PUBLIC_URL's
 * and the one the request was addressed to (its Host). A request with neither header does not
 * come from a browser page (curl, a calendar app): no ambient credentials to abuse, accepted.
 */
export const CROSS_SITE_MESSAGE = "Requête refusée : elle ne provient pas du portail.";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origins this portal answers as. */
export function ownOrigins(request: Request): Set<string> {
  const out = new Set<string>();
  for (const u of [process.env.NEXTAUTH_URL, process.env.BAROMETRE_PUBLIC_URL]) {
    const o = originOf(u);
    if (o) out.add(o);
  }
  const url = new URL(request.url);
  out.add(url.origin);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(/:$/, "");
    const o = originOf(`${proto}://${host.split(",")[0].trim()}`);
    if (o) out.add(o);
  }
  return out;
}

/** True when the request may change state: a safe method, or a same-origin browser request. */
export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin !== null) return ownOrigins(request).has(origin);
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none";
  return true;
}

export function crossSiteRefusal(): Response {
  return new Response(CROSS_SITE_MESSAGE, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store, max-age=0" },
  });
}
