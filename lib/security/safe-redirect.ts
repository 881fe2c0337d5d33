/**
 * Where to send the browser after sign-in or a language change: a path of the portal itself,
 * never another site. The target is resolved the way a browser would (WHATWG URL: backslashes
 * read as slashes, tabs and newlines dropped, percent-escapes kept), against a placeholder
 * origin; anything that does not land on that origin — or on the portal's own origin when given
 * — falls back. The result is re-serialised from the parsed URL, so what the browser receives is
 * exactly what was checked (e.g. `/%5Cexample.org/`, `/\texample…`, `//x`, `/..//x`, `javascript:`).
 */
const PLACEHOLDER = "http://portal.invalid";

export function safeRedirectPath(target: unknown, opts: { origin?: string | null; fallback?: string } = {}): string {
  const fallback = opts.fallback ?? "/";
  if (typeof target !== "string" || target === "" || target.length > 2000) return fallback;
  const own = originOf(opts.origin);
  let url: URL;
  try {
    url = new URL(target, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER && url.origin !== own) return fallback;
  if (url.username || url.password) return fallback;
  const path = url.pathname + url.search + url.hash;
  // A path that a browser would read as protocol-relative ("//host", "/\host") is not a path.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

function originOf(origin: string | null | undefined): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}
