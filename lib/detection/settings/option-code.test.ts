import { describe, expect, it } from "vitest";
import { sameLabel, slugCode, uniqueCode } from "./option-code";

describe("codes of new list entries", () => {
  it("makes a code from the label: lower case, no accent, underscores", () => {
    expect(slugCode("Pièces justificatives égarées")).toBe("pieces_justificatives_egarees");
    expect(slugCode("  Cœur d'État / Séjour  ")).toBe("coeur_d_etat_sejour");
    expect(slugCode("€€€")).toBe("entree");
  });

  it("caps the code at 40 characters without a trailing underscore", () => {
    const code = slugCode("Un motif vraiment très long qui dépasse la limite de quarante caractères");
    expect(code.length).toBeLessThanOrEqual(40);
    expect(code.endsWith("_")).toBe(false);
  });

  it("never reuses a code already in the list, archived entries included", () => {
    expect(uniqueCode("Civisme", ["civisme"])).toBe("civisme_2");
    expect(uniqueCode("Civisme", ["civisme", "civisme_2"])).toBe("civisme_3");
    expect(uniqueCode("Nouveau motif", ["civisme"])).toBe("nouveau_motif");
    const long = "x".repeat(40);
    expect(uniqueCode(long, [long])).toBe(`${"x".repeat(38)}_2`);
  });

  it("treats labels differing only by case, accents or punctuation as the same entry", () => {
    expect(sameLabel("Écrivains publics", "ecrivains  publics")).toBe(true);
    expect(sameLabel("CAF", "CPAM")).toBe(false);
  });
});
