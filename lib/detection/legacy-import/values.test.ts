import { describe, expect, it } from "vitest";
import { REASONS } from "../reference";
import { REASON_ALIASES } from "./aliases";
import { matchEntry, parseDate, parseEuros, parseInteger, parseNature, parseTime, parseYesNo } from "./values";

describe("legacy sheet values", () => {
  it("reads euros as people type them, and refuses the rest", () => {
    expect(parseEuros("12 578 €").value).toBe("12578.00");
    expect(parseEuros("12\u00a0578 euros").value).toBe("12578.00");
    expect(parseEuros("206,5").value).toBe("206.50");
    expect(parseEuros("206.25").value).toBe("206.25");
    expect(parseEuros("").value).toBeNull();
    expect(parseEuros("beaucoup").error).toBe("euros");
    expect(parseEuros("-5").error).toBe("euros");
    expect(parseEuros("200000").error).toBe("euros");
  });

  it("reads minutes or keeps the draft's time classes", () => {
    expect(parseTime("45").value).toEqual({ minutes: 45, timeClass: null });
    expect(parseTime("45 min").value).toEqual({ minutes: 45, timeClass: null });
    expect(parseTime("< ½ heure").value).toEqual({ minutes: null, timeClass: "lt_30" });
    expect(parseTime("<1/2 heure").value).toEqual({ minutes: null, timeClass: "lt_30" });
    expect(parseTime("30- 60 minutes").value).toEqual({ minutes: null, timeClass: "30_60" });
    expect(parseTime("30-60 minutes").value).toEqual({ minutes: null, timeClass: "30_60" });
    expect(parseTime("> 1 heure").value).toEqual({ minutes: null, timeClass: "gt_60" });
    expect(parseTime("2000").error).toBe("time");
    expect(parseTime("un moment").error).toBe("time");
  });

  it("reads yes/no, nature, bounded integers and dates", () => {
    expect([parseYesNo("Oui").value, parseYesNo("NON").value, parseYesNo("x").value, parseYesNo("").value]).toEqual([true, false, true, null]);
    expect(parseYesNo("peut-être").error).toBe("yesNo");
    expect([parseNature("Financière").value, parseNature("non-financière").value]).toEqual([true, false]);
    expect(parseInteger("3", 1, 30).value).toBe(3);
    expect(parseInteger("0", 1, 30).error).toBe("integer");
    expect(parseInteger("2,5", 1, 30).error).toBe("integer");
    expect(parseDate("05/03/2015", "2026-01-01").value).toBe("2015-03-05");
    expect(parseDate("2015-03-05", "2026-01-01").value).toBe("2015-03-05");
    expect(parseDate("42064", "2026-01-01").value).toBe("2015-03-01");
    expect(parseDate("31/02/2015", "2026-01-01").error).toBe("date");
    expect(parseDate("01/01/2030", "2026-01-01").error).toBe("dateRange");
  });

  it("matches list values by label, code, loose spelling or the report's variants", () => {
    const nd = REASONS.filter((r) => r.parent === "non_demande");
    const nr = REASONS.filter((r) => r.parent === "non_reception");
    expect(matchEntry("Manque de capacités", nd, REASON_ALIASES)?.code).toBe("manque_capacites");
    expect(matchEntry("MANQUE DE CAPACITES (connaissances, savoir faire, confiance, soutien, …)", nd, REASON_ALIASES)?.code).toBe("manque_capacites");
    expect(matchEntry("Désaccord sur les conditions/principes de l'offre", nd, REASON_ALIASES)?.code).toBe("desaccord");
    expect(matchEntry("Attentes d'autres prestations/prestations différentes", nd, REASON_ALIASES)?.code).toBe("attente_autres_prestations");
    expect(matchEntry("lenteurs administratives", nr, REASON_ALIASES)?.code).toBe("lenteur_administrative");
    expect(matchEntry("pieces_manquantes", nr)?.code).toBe("pieces_manquantes");
    expect(matchEntry("Pièces manquantes", nd, REASON_ALIASES)).toBeNull(); // a reason of another forme
  });
});
