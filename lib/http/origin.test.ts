import { afterEach, describe, expect, it, vi } from "vitest";
import { crossSiteRefusal, isSameOriginRequest } from "./origin";

const post = (headers: Record<string, string>, url = "http://localhost:3000/api/kiosks") =>
  new Request(url, { method: "POST", headers: { host: new URL(url).host, ...headers } });

describe("isSameOriginRequest", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("accepts safe methods whatever their origin", () => {
    expect(isSameOriginRequest(new Request("http://localhost:3000/t/x", { headers: { origin: "https://evil.example" } }))).toBe(true);
  });

  it("accepts a post from the portal's own origin (its host, or NEXTAUTH_URL)", () => {
    expect(isSameOriginRequest(post({ origin: "http://localhost:3000" }))).toBe(true);
    vi.stubEnv("NEXTAUTH_URL", "https://barometre.example.org/");
    expect(isSameOriginRequest(post({ origin: "https://barometre.example.org" }, "http://127.0.0.1:3000/api/kiosks"))).toBe(true);
  });

  it("refuses another port of the same host, another site, and an opaque origin", () => {
    expect(isSameOriginRequest(post({ origin: "http://localhost:3001" }))).toBe(false);
    expect(isSameOriginRequest(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null" }))).toBe(false);
  });

  it("falls back on Sec-Fetch-Site when there is no Origin", () => {
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("accepts a request from no browser page at all (neither header)", () => {
    expect(isSameOriginRequest(post({}))).toBe(true);
  });

  it("answers 403 with a French message", async () => {
    const res = crossSiteRefusal();
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/ne provient pas du portail/);
  });
});
