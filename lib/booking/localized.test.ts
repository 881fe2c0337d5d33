import { describe, expect, it } from "vitest";
import { motiveText, placeAccessNotes } from "./localized";

describe("translatable booking content", () => {
  const motive = { name: "Étude de droits", nameEn: "Benefits review", instructions: "Apportez : une pièce d'identité", instructionsEn: null };
  it("shows the English text on English pages, the French one otherwise or when missing", () => {
    expect(motiveText(motive, "en")).toEqual({ name: "Benefits review", instructions: "Apportez\u00a0: une pièce d'identité" });
    expect(motiveText(motive, "fr").name).toBe("Étude de droits");
    expect(placeAccessNotes({ accessNotes: "Plain-pied", accessNotesEn: "Step-free access" }, "en")).toBe("Step-free access");
    expect(placeAccessNotes({ accessNotes: "Plain-pied", accessNotesEn: " " }, "en")).toBe("Plain-pied");
    expect(placeAccessNotes({ accessNotes: null }, "fr")).toBeNull();
  });
});
