/**
 * Security headers of every answer (pages, route handlers, exports), set by proxy.ts.
 * Pure functions of the request's path, the nonce and the configuration, unit-tested.
 */

export type HeaderOptions = {
  /** Served over HTTPS (NEXTAUTH_URL or the request say so): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Next's development server evaluates code (React's debug stacks): 'unsafe-eval' there only. */
  dev?: boolean;
  /** Optional raster base map of the dashboard (BAROMETRE_BASEMAP_URL): its origin may be fetched. */
  basemapUrl?: string;
  /** OpenID Connect issuer (OIDC_ISSUER): the sign-in form may lead there. */
  oidcIssuer?: string;
};

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const o = new URL(url.replace(/\{[a-z]\}/g, "0")).origin;
    return o === "null" ? null : o;
  } catch {
    return null;
  }
}

/**
 * The Content-Security-Policy. Scripts: only those carrying this answer's nonce (Next adds it to
 * its own) and what they load ('strict-dynamic'). Styles: 'unsafe-inline' because React renders
 * style attributes (the map, the charts), which nonces cannot cover; no script can be injected
 * through them. The map (maplibre-gl) runs its worker from /maplibre-gl-worker.mjs or a blob:
 * URL and draws images from data: and blob: URLs.
 */
export function contentSecurityPolicy(nonce: string, opts: HeaderOptions): string {
  const basemap = originOf(opts.basemapUrl);
  const oidc = originOf(opts.oidcIssuer);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", ...(basemap ? [basemap] : [])],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(basemap ? [basemap] : []), ...(opts.dev ? ["ws:"] : [])],
    ["worker-src", "'self'", "blob:"],
    ["child-src", "'self'", "blob:"],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...(oidc ? [oidc] : [])],
    ["frame-ancestors", "'none'"],
    ["manifest-src", "'self'"],
  ];
  if (opts.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * Paths that carry a private token (an appointment's private link, an agent's calendar feed, the
 * feed URL shown once): no Referer at all leaves them. Elsewhere only the origin leaves the site.
 */
export function referrerPolicy(pathname: string, search = ""): string {
  if (/^\/t\/[^/]+\/rendez-vous\/g\//.test(pathname) || pathname.startsWith("/api/rendez-vous/agenda/")) return "no-referrer";
  if (/[?&]flux=/.test(search)) return "no-referrer";
  // The one-time link of a staff invitation (lib/people/invitations.ts): never sent to another
  // site, not even its origin; "no-referrer" would make the form's post carry `Origin: null`,
  // which the cross-site guard refuses.
  if (pathname === "/connexion/invitation") return "same-origin";
  return "strict-origin-when-cross-origin";
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()", "geolocation=()", "gyroscope=()",
  "magnetometer=()", "microphone=()", "midi=()", "payment=()", "usb=()", "browsing-topics=()",
].join(", ");

/** Every header but the CSP (which needs the nonce of HTML answers). */
export function securityHeaders(pathname: string, search: string, opts: HeaderOptions): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": referrerPolicy(pathname, search),
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per answer: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
