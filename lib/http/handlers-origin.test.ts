import { describe, expect, it, vi } from "vitest";
import { respondentHandler } from "@/lib/respondent/handler";
import { staffFormHandler } from "./staff-handler";

/** Issue 10, item 3: the shared wrappers refuse a cross-site post before reading or changing anything. */
describe("shared route-handler wrappers", () => {
  const post = (origin: Record<string, string>) => new Request("http://localhost:3000/api/rappels/x/prendre", {
    method: "POST", headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded", ...origin }, body: "a=b",
  });

  it("staff handlers: 403 in French for another origin, the handler never runs", async () => {
    const fn = vi.fn(async () => new Response("fait"));
    const handler = staffFormHandler(fn);
    const variants: Record<string, string>[] = [{ origin: "http://localhost:3001" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of variants) {
      const res = await handler(post(headers), { params: Promise.resolve({}) });
      expect(res.status).toBe(403);
      expect(await res.text()).toBe("Requête refusée : elle ne provient pas du portail.");
    }
    expect(fn).not.toHaveBeenCalled();
    expect((await handler(post({ origin: "http://localhost:3000" }), { params: Promise.resolve({}) })).status).toBe(200);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("respondent handlers: the same, before the territory or the draft are even looked up (no database here)", async () => {
    const fn = vi.fn(async () => new Response("fait"));
    const res = await respondentHandler(fn)(post({ origin: "https://evil.example" }), { params: Promise.resolve({ slug: "montpellier" }) });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/ne provient pas du portail/);
    expect(fn).not.toHaveBeenCalled();
  });
});
