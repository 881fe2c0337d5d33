import { describe, expect, it } from "vitest";
import { findIdentifiers } from "./identifiers";
import { memoryTextSchema } from "./interpellations/schema";

describe("identifiers in a fiche mémoire", () => {
  it("finds e-mail addresses and French phone numbers however they are written", () => {
    expect(findIdentifiers("Écrire à jean.dupont@example.fr pour la suite")).toEqual(["email"]);
    expect(findIdentifiers("rappeler au 06 12 34 56 78 demain")).toEqual(["phone"]);
    expect(findIdentifiers("tél. 04.76.00.00.00")).toEqual(["phone"]);
    expect(findIdentifiers("portable +33 6 12 34 56 78")).toEqual(["phone"]);
    expect(findIdentifiers("0612345678")).toEqual(["phone"]);
  });

  it("finds a NIR (the CPAM number) with or without spaces, and a CAF file number", () => {
    expect(findIdentifiers("NIR 1 85 05 78 006 084 36")).toEqual(["nir"]);
    expect(findIdentifiers("sécu 2850578006084")).toEqual(["nir"]);
    expect(findIdentifiers("n° allocataire CAF 1234567")).toEqual(["file_number"]);
    expect(findIdentifiers("dossier 98765432")).toEqual(["file_number"]);
  });

  it("leaves the ordinary content of a case alone: dates, years, amounts, counts", () => {
    const text = "Mère seule, 3 enfants, arrivée en 2015 2016. Dossier déposé le 12/03/2015, APL de 245,50 € "
      + "par mois non perçue pendant 14 mois, soit 3 437 €. Aide de 1 200 € accordée. Rendez-vous à 14h30.";
    expect(findIdentifiers(text)).toEqual([]);
  });

  it("the memory text schema refuses a text with an identifier, an empty one or a too long one", () => {
    expect(memoryTextSchema.safeParse("Personne âgée, ASPA jamais demandée.").success).toBe(true);
    const refused = memoryTextSchema.safeParse("Appeler Mme X au 0476000000");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe("identifier_phone");
    expect(memoryTextSchema.safeParse("   ").error?.issues[0].message).toBe("memory_text");
    expect(memoryTextSchema.safeParse("a".repeat(1201)).success).toBe(false);
  });
});
