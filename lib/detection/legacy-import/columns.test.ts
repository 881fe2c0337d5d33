import { describe, expect, it } from "vitest";
import { columnLetter, columnOf, looksLikeIdentity } from "./columns";

describe("legacy sheet headers", () => {
  it("maps the template's headers and the report's spelling variants", () => {
    expect(columnOf("Identifiant ménage")).toBe("household");
    expect(columnOf("IDENTIFIANT MENAGE")).toBe("household");
    expect(columnOf("Personne ou dossier")).toBe("household");
    expect(columnOf("Non-connaissance")).toBe("forme:non_connaissance");
    expect(columnOf("non  réception")).toBe("forme:non_reception");
    expect(columnOf("Niveau d’explication (Non-demande)")).toBe("level:non_demande");
    expect(columnOf("Professionnel(le)")).toBe("worker");
    expect(columnOf("Thématique")).toBe("domain");
    expect(columnOf("Acteur(s) public(s) concerné(s)")).toBe("actors");
    expect(columnOf("Temps passé")).toBe("time");
    expect(columnOf("Entraîné par une autre situation")).toBe("caused");
    expect(columnOf("Forme(s) de non-recours")).toBe("formes");
    expect(columnOf("Couleur préférée")).toBeNull();
  });

  it("recognises identity columns, and does not mistake ordinary ones for them", () => {
    for (const h of ["Nom", "Prénom", "NIR", "N° CAF", "Numéro allocataire", "N° sécu", "Numéro de sécurité sociale", "Date de naissance", "Adresse", "Dossier CPAM"]) {
      expect(looksLikeIdentity(h), h).toBe(true);
    }
    for (const h of ["Nombre de personnes", "Couleur", "Non connaissance", "Acteurs CAF"]) expect(looksLikeIdentity(h), h).toBe(false);
  });

  it("names columns by their letters", () => {
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(30)]).toEqual(["A", "Z", "AA", "AD"]);
  });
});
