import { describe, expect, it } from "vitest";
import { COMMON_CODES, gridRows, mergeCatalogue, moveEntry, newBenefitSchema, type CatalogueEntry } from "./catalogue-rules";

const extra = (code: string, position: number, archivedAt: Date | null = null): CatalogueEntry =>
  ({ id: code, code, kind: "extra", labelFr: `Aide ${code}`, labelEn: "", position, archivedAt });

describe("a territory's benefit catalogue", () => {
  it("always holds the nine common benefits, in the questionnaire's order when never edited", () => {
    const c = mergeCatalogue([]);
    expect(c.map((e) => e.code)).toEqual(COMMON_CODES);
    expect(COMMON_CODES.slice(0, 2)).toEqual(["rsa", "prime_activite"]);
    expect(gridRows(c)).toHaveLength(9);
  });
  it("keeps the stored order, adds the missing common ones, never archives a common one", () => {
    const stored: CatalogueEntry[] = [
      { id: "1", code: "prime_activite", kind: "common", labelFr: "x", labelEn: "x", position: 0, archivedAt: new Date() },
      extra("bourse_locale", 1),
      extra("ancienne", 2, new Date()),
    ];
    const c = mergeCatalogue(stored);
    expect(c.slice(0, 3).map((e) => e.code)).toEqual(["prime_activite", "bourse_locale", "ancienne"]);
    expect(c).toHaveLength(11);
    expect(c[0]).toMatchObject({ labelFr: "Prime d'activité", archivedAt: null });
    const rows = gridRows(c);
    expect(rows.map((r) => r.value)).not.toContain("ancienne");
    expect(rows[1]).toEqual({ value: "bourse_locale", label: { fr: "Aide bourse_locale", en: "Aide bourse_locale" } });
  });
  it("moves an entry up or down, not past an end", () => {
    const c = mergeCatalogue([]);
    expect(moveEntry(c, "prime_activite", "up")!.slice(0, 2)).toEqual([{ code: "prime_activite", position: 0 }, { code: "rsa", position: 1 }]);
    expect(moveEntry(c, "rsa", "up")).toBeNull();
    expect(moveEntry(c, "retraite_reversion", "down")).toBeNull();
  });
  it("validates a new benefit's code and labels", () => {
    expect(newBenefitSchema.safeParse({ code: "aide_cantine", labelFr: "Aide à la cantine", labelEn: "" }).success).toBe(true);
    expect(newBenefitSchema.safeParse({ code: "Aide cantine", labelFr: "Aide", labelEn: "" }).error?.issues[0].message).toBe("code");
    expect(newBenefitSchema.safeParse({ code: "aide_cantine", labelFr: "", labelEn: "" }).error?.issues[0].message).toBe("labelFr");
  });
});
