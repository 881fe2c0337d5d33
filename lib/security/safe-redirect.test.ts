import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const origin = "http://localhost:3000";
const resolve = (t: unknown) => safeRedirectPath(t, { origin, fallback: "/staff" });

/** What a browser does with the answer: the page it lands on must be on the portal. */
const landsOn = (path: string) => new URL(path, origin).origin;

describe("safeRedirectPath", () => {
  it("keeps the portal's own paths, with query and fragment", () => {
    expect(resolve("/staff/rappels?statut=ouvert#x")).toBe("/staff/rappels?statut=ouvert#x");
    expect(resolve("/t/montpellier")).toBe("/t/montpellier");
    expect(resolve("http://localhost:3000/staff/journal")).toBe("/staff/journal");
  });

  it.each([
    "/\\example.org/", // callbackUrl=/%5Cexample.org/ once decoded
    "/%5Cexample.org/",
    "/\t/example.org/", // callbackUrl=/%09/example.org/
    "/\n/example.org",
    "\t//example.org",
    "//example.org",
    "///example.org",
    "/x/..//example.org",
    "/.//example.org",
    "\\\\example.org",
    "https://example.org/staff",
    "http://localhost:3001/staff",
    "http://user@localhost:3000/staff",
    "javascript:alert(1)",
    "data:text/html,x",
    " //example.org",
    "",
    null,
    42,
  ])("never leaves the portal: %j", (target) => {
    const out = resolve(target);
    expect(out.startsWith("/")).toBe(true);
    expect(landsOn(out)).toBe(origin);
    expect(new URL(out, origin).host).toBe("localhost:3000");
    expect(out).not.toMatch(/^\/[\\/]/);
  });

  it("falls back for another origin and without an origin accepts paths only", () => {
    expect(resolve("https://example.org/")).toBe("/staff");
    expect(safeRedirectPath("http://localhost:3000/staff")).toBe("/");
    expect(safeRedirectPath("/staff/journal")).toBe("/staff/journal");
  });
});
