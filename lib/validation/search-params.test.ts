import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionalParam, parseSearchParams } from "./search-params";

const schema = z.object({ from: optionalParam(z.string().regex(/^\d{4}$/, "Année invalide.")), to: optionalParam(z.string().regex(/^\d{4}$/, "Année invalide.")) });

describe("search parameters through a schema", () => {
  it("treats a blank value as absent and ignores unknown keys", () => {
    expect(parseSearchParams(schema, new URLSearchParams("from=&x=1&to=2026"))).toEqual({ ok: true, data: { to: "2026" } });
  });
  it("takes a page's first value of an array", () => {
    expect(parseSearchParams(schema, { from: ["2025", "bad"] })).toEqual({ ok: true, data: { from: "2025" } });
  });
  it("returns each distinct message once, with the values read", () => {
    const r = parseSearchParams(schema, { from: "x", to: "y" });
    expect(r).toEqual({ ok: false, errors: ["Année invalide."], flat: { from: "x", to: "y" } });
  });
});
