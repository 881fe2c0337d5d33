import { describe, expect, it } from "vitest";
import { assembleDossier, dossierStatus, type DossierSituation } from "./assemble";

const base: DossierSituation = {
  id: "", detectedOn: "2015-03-01", financial: null, benefitCode: null, domain: null, intensity: null, status: "open", resolution: null,
  openedMonthly: null, timeMinutes: null, missedMonthly: null, missedMonths: null, optionalAidRequested: null, optionalAidGranted: null,
  summary: null, formes: [],
};
const s = (id: string, over: Partial<DossierSituation>): DossierSituation => ({ ...base, id, ...over });
const groupOf = (code: string) => ({ rsa: "rsa", aides_logement: "prestations_familiales", c2s: "assurance_maladie" } as Record<string, string>)[code] ?? "autres";

// Five situations, counted by hand below.
const rows = [
  s("a", {
    financial: true, benefitCode: "rsa", intensity: "complete", timeMinutes: 30, missedMonthly: 545.1, missedMonths: 6, optionalAidRequested: true, optionalAidGranted: 150,
    formes: [{ forme: "non_reception", reason: "pieces_manquantes" }, { forme: "abandon", reason: null }], status: "resolved", resolution: "right_opened", openedMonthly: 545.1,
  }),
  s("b", {
    financial: true, benefitCode: "aides_logement", intensity: "partial", timeMinutes: 45, missedMonthly: 200.2,
    formes: [{ forme: "non_reception", reason: "pieces_manquantes" }], status: "in_progress",
  }),
  s("c", {
    financial: true, benefitCode: "aides_logement", timeMinutes: 15, optionalAidGranted: 0.1,
    formes: [{ forme: "non_reception", reason: "lenteur_administrative" }, { forme: "non_connaissance", reason: "manque_information" }], status: "resolved", resolution: "not_resolved",
  }),
  s("d", { financial: false, domain: "sante", intensity: "complete", formes: [{ forme: "non_demande", reason: "civisme" }], optionalAidGranted: 0.2 }),
  s("e", { financial: true, status: "resolved", resolution: "right_opened", openedMonthly: null }),
];

describe("interpellation dossier assembly", () => {
  const f = assembleDossier(rows, groupOf);

  it("counts each forme over all situations, several per situation, reasons within each, abandon apart", () => {
    expect(f.total).toBe(5);
    expect(f.formes).toEqual([
      { forme: "non_connaissance", count: 1, reasons: [{ code: "manque_information", count: 1 }], noReason: 0 },
      { forme: "non_reception", count: 3, reasons: [{ code: "pieces_manquantes", count: 2 }, { code: "lenteur_administrative", count: 1 }], noReason: 0 },
      { forme: "non_demande", count: 1, reasons: [{ code: "civisme", count: 1 }], noReason: 0 },
      { forme: "abandon", count: 1, reasons: [], noReason: 1 },
    ]);
    expect(f.withoutForme).toBe(1);
  });

  it("splits financial and non-financial, groups benefits as the report does, and counts non-answers apart", () => {
    expect(f.financial).toEqual({ financial: 4, nonFinancial: 1, unknown: 0 });
    expect(f.groups).toEqual([{ code: "prestations_familiales", count: 2 }, { code: "rsa", count: 1 }]);
    expect(f.groupUnknown).toBe(1);
    expect(f.domains).toEqual([{ code: "sante", count: 1 }]);
    expect(f.intensity).toEqual({ complete: 2, partial: 1, unknown: 2 });
  });

  it("sums the CCAS's time and money with their denominators, in exact cents", () => {
    expect(f.cost).toEqual({
      minutes: 90, minutesAnswered: 3, aidRequested: 1, aidGrantedCount: 3, aidGranted: 150.3,
      missedMonthly: 745.3, missedMonthlyAnswered: 2, missedTotal: 3270.6, missedTotalAnswered: 1,
    });
  });

  it("tells how many situations then got resolved, with which resolution, and the rights opened", () => {
    expect(f.outcome).toEqual({
      open: 1, inProgress: 1, resolved: 3,
      resolutions: [{ code: "right_opened", count: 2 }, { code: "not_resolved", count: 1 }],
      rightsOpened: 2, openedMonthly: 545.1,
    });
  });

  it("an empty period gives zeros, not an error", () => {
    const empty = assembleDossier([], groupOf);
    expect(empty.total).toBe(0);
    expect(empty.formes).toEqual([]);
    expect(empty.cost.missedTotal).toBe(0);
  });

  it("a dossier is a draft, then sent, then answered", () => {
    expect(dossierStatus({ sentOn: null, answeredOn: null, answer: null })).toBe("draft");
    expect(dossierStatus({ sentOn: "2016-01-10", answeredOn: null, answer: null })).toBe("sent");
    expect(dossierStatus({ sentOn: "2016-01-10", answeredOn: "2016-02-01", answer: "Réponse" })).toBe("answered");
  });
});
