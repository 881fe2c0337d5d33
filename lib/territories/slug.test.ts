import { describe, expect, it } from "vitest";
import { slugProblem, suggestSlug } from "./slug";

describe("territory slugs", () => {
  it("accepts lowercase letters, digits and single hyphens", () => {
    for (const s of ["montpellier", "saint-etienne", "grand-lyon-2", "ab"]) expect(slugProblem(s)).toBeNull();
  });
  it("refuses anything else, with the reason", () => {
    for (const s of ["Montpellier", "saint_etienne", "-lyon", "lyon-", "a--b", "2lyon", "a", "é", "x".repeat(41), "", "a b"]) expect(slugProblem(s)).toBe("format");
    for (const s of ["api", "staff", "connexion", "admin"]) expect(slugProblem(s)).toBe("reserved");
  });
  it("suggests a slug from a name", () => {
    expect(suggestSlug("Saint-Étienne Métropole")).toBe("saint-etienne-metropole");
    expect(slugProblem(suggestSlug("  Île de Ré !"))).toBeNull();
  });
});
