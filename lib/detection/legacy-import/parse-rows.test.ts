import { describe, expect, it } from "vitest";
import { mergeLists } from "../options";
import { parseLegacyRows, type ParseContext } from "./parse-rows";

const ctx: ParseContext = {
  lists: mergeLists([], [{ code: "rsa", labelFr: "RSA", archived: false }]),
  services: [
    { id: "svc-asf", code: "asf", label: "Aide sociale facultative", instructsOptionalAid: true, archived: false },
    { id: "svc-ep", code: "ep", label: "Écrivains publics", instructsOptionalAid: false, archived: false },
  ],
  areas: [{ id: "area-1", code: "3818501", name: "Secteur 1" }],
  today: "2026-01-01",
};
const H = ["Identifiant ménage", "Date", "Service détecteur", "Territoire d'intervention", "Prestation", "Non réception", "Non demande", "Abandon",
  "Entraînée par une autre situation", "Situation à l'origine (n° de ligne)", "Temps passé (minutes)", "Demande d'ASF induite", "Montant ASF accordé (€)"];

describe("parseLegacyRows", () => {
  it("reads valid rows into codes, links, and keys identical rows apart", () => {
    const r = parseLegacyRows([
      H,
      ["M-1", "05/03/2015", "ASF", "Secteur 1", "RSA", "Pièces manquantes", "", "", "", "", "20", "oui", "250 €"],
      ["M-1", "06/03/2015", "Aide sociale facultative", "3818501", "CMU-C", "", "manque de capacités", "Manque de capacités", "oui", "2", "< ½ heure", "non", ""],
      ["M-2", "07/03/2015", "EP", "", "AAH", "x", "", "", "", "", "30", "", ""],
      ["M-2", "07/03/2015", "EP", "", "AAH", "x", "", "", "", "", "30", "", ""],
    ], ctx);
    expect(r.problems).toEqual([]);
    expect(r.situations).toHaveLength(4);
    const [a, b, c, d] = r.situations;
    expect(a).toMatchObject({ householdCode: "M-1", detectedOn: "2015-03-05", serviceId: "svc-asf", sectorId: "area-1", financial: true, benefitCode: "rsa",
      formes: [{ forme: "non_reception", reason: "pieces_manquantes", level: null }], timeMinutes: 20, optionalAidRequested: true, optionalAidGranted: "250.00" });
    expect(b).toMatchObject({ benefitCode: "c2s", causedFlag: true, originRow: 2, timeMinutes: null, timeClass: "lt_30",
      formes: [{ forme: "non_demande", reason: "manque_capacites" }, { forme: "abandon", reason: "abandon_manque_capacites" }] });
    expect(c.formes).toEqual([{ forme: "non_reception", reason: null, level: null }]);
    expect(c.idempotencyKey).toMatch(/^import:[0-9a-f]{64}$/);
    expect(d.idempotencyKey).not.toBe(c.idempotencyKey);
    // The same file read again gives the same keys.
    expect(parseLegacyRows([H, ["M-2", "07/03/2015", "EP", "", "AAH", "x", "", "", "", "", "30", "", ""]], ctx).situations[0].idempotencyKey).toBe(c.idempotencyKey);
  });

  it("lists every problem by row and column, and refuses only the faulty rows", () => {
    const r = parseLegacyRows([
      H,
      ["M-1", "32/13/2015", "Mairie", "Secteur 9", "Loto", "Malchance", "", "", "peut-être", "", "2 h", "", ""],
      ["", "05/03/2015", "EP", "", "RSA", "", "", "", "", "", "", "oui", "100"],
      ["M-3", "05/03/2015", "EP", "", "RSA", "x", "", "", "oui", "5", "", "", ""],
      ["M-4", "05/03/2015", "EP", "", "RSA", "x", "", "", "", "", "", "", ""],
      ["M-5", "05/03/2015", "EP", "", "RSA", "x", "", "", "", "", "", "", ""],
    ], ctx);
    const at = (row: number) => r.problems.filter((p) => p.row === row).map((p) => [p.column, p.code]);
    expect(at(2)).toEqual([
      ["B (Date)", "date"], ["C (Service détecteur)", "service"], ["D (Territoire d'intervention)", "sector"], ["E (Prestation)", "benefit"],
      ["F (Non réception)", "reason"], ["I (Entraînée par une autre situation)", "yesNo"], ["K (Temps passé (minutes))", "time"],
    ]);
    expect(at(3)).toEqual([["A (Identifiant ménage)", "required"], ["", "noForme"].map((v) => v || null), ["L (Demande d'ASF induite)", "aidNotInstructing"]]);
    expect(at(4)).toEqual([["J (Situation à l'origine (n° de ligne))", "originHousehold"]]);
    expect(r.situations.map((s) => s.householdCode)).toEqual(["M-4", "M-5"]);
    expect(r.refusedRows).toBe(3);
  });

  it("refuses a file with an identity column or without a required column, and notes unknown ones", () => {
    const r = parseLegacyRows([["Identifiant ménage", "Nom", "Date", "Couleur"], ["M-1", "Dupont", "05/03/2015", "bleu"]], ctx);
    expect(r.problems.map((p) => [p.level, p.code, p.column])).toEqual([
      ["error", "identityColumn", "B (Nom)"], ["warning", "unknownColumn", "D (Couleur)"], ["error", "missingColumn", null],
    ]);
    expect(r.situations).toEqual([]);
  });

  it("accepts several formes in one cell and flags a domain on a financial benefit", () => {
    const r = parseLegacyRows([
      ["Identifiant ménage", "Date", "Service", "Formes", "Nature", "Prestation", "Thématique"],
      ["M-1", "2015-03-05", "EP", "Non-connaissance ; non demande", "financière", "RSA", "Santé"],
    ], ctx);
    expect(r.situations[0].formes.map((f) => f.forme)).toEqual(["non_connaissance", "non_demande"]);
    expect(r.situations[0].domain).toBeNull();
    expect(r.problems).toEqual([{ level: "warning", code: "domainOnFinancial", row: 2, column: "G (Thématique)" }]);
  });
});
