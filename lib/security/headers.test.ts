import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, referrerPolicy, securityHeaders } from "./headers";

describe("contentSecurityPolicy", () => {
  it("allows only this answer's scripts, no framing, and what the map needs", () => {
    const csp = contentSecurityPolicy("abc", { https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("adds the base map's and the identity provider's origins, and upgrades under HTTPS", () => {
    const csp = contentSecurityPolicy("n", { https: true, basemapUrl: "https://tiles.example.org/{z}/{x}/{y}.png", oidcIssuer: "https://sso.example.org/realms/x" });
    expect(csp).toContain("connect-src 'self' https://tiles.example.org");
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org");
    expect(csp).toContain("form-action 'self' https://sso.example.org");
    expect(csp).toContain("upgrade-insecure-requests");
  });
});

describe("securityHeaders", () => {
  it("forbids framing and sniffing, and sends HSTS under HTTPS only", () => {
    const plain = securityHeaders("/staff", "", { https: false });
    expect(plain["X-Frame-Options"]).toBe("DENY");
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("/staff", "", { https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });

  it("sends no Referer from pages that carry a private token", () => {
    expect(referrerPolicy("/t/montpellier/rendez-vous/g/abcdef")).toBe("no-referrer");
    expect(referrerPolicy("/api/rendez-vous/agenda/abcdef.ics")).toBe("no-referrer");
    expect(referrerPolicy("/connexion/invitation", "?jeton=abc")).toBe("same-origin");
    expect(referrerPolicy("/staff/rendez-vous", "?flux=abc")).toBe("no-referrer");
    expect(referrerPolicy("/t/montpellier")).toBe("strict-origin-when-cross-origin");
  });

  it("draws a fresh nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
