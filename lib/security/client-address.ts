import { createHash, createHmac } from "node:crypto";

/**
 * The client's address as far as the portal can know it, for rate limiting only.
 *
 * Next's route handlers and server actions do not expose the socket. `next start` fills
 * `X-Forwarded-For` with the socket's address only when the request has none, so the header is
 * the client's own word unless a reverse proxy in front sets it. `TRUSTED_PROXY_HOPS` says how
 * many proxies we trust (0 by default): with N ≥ 1 the address is the N-th entry from the right
 * (the one our outermost trusted proxy appended); with 0 it is the last entry (the socket when
 * the client sent no header — a client that forges the header only escapes the per-address
 * limits, never the per-account, per-code or per-contact ones). Deploy behind a proxy that
 * appends the real address and set TRUSTED_PROXY_HOPS=1. See docs/decisions/0008-rate-limits.md.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>, trustedHops = trustedProxyHops()): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw ?? "";
  const entries = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return "unknown";
  const index = entries.length - Math.max(1, trustedHops);
  return normalizeAddress(entries[Math.max(0, index)]);
}

export function trustedProxyHops(): number {
  const n = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; IPv6 grouped per /64 (one home or office network). */
export function normalizeAddress(address: string): string {
  const a = address.toLowerCase().replace(/^::ffff:/, "").replace(/^\[|\]$/g, "").slice(0, 64);
  if (!a.includes(":")) return a;
  const groups = expandIpv6(a);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : a;
}

function expandIpv6(a: string): string[] | null {
  const [head, tail] = a.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  if (a.includes("::")) {
    const fill = 8 - h.length - t.length;
    if (fill < 0) return null;
    return [...h, ...Array(fill).fill("0"), ...t];
  }
  return h.length === 8 ? h : null;
}

/**
 * A keyed hash (never the value in clear) for limiter keys and logs: HMAC-SHA-256 with the
 * server's secret, truncated; without any secret (tests), a plain hash.
 */
export function keyedHash(purpose: string, value: string): string {
  const secret = process.env.BAROMETRE_CONTACT_KEY || process.env.NEXTAUTH_SECRET;
  const h = secret ? createHmac("sha256", secret) : createHash("sha256");
  return h.update(`${purpose}:${value}`).digest("base64url").slice(0, 22);
}

/** The hashed client address of a request. */
export const addressKey = (headers: Headers | Record<string, string | string[] | undefined>) => keyedHash("addr", clientAddress(headers));
