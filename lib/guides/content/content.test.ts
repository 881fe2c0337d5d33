import { describe, expect, it } from "vitest";
import { BENEFITS } from "../../questionnaire/content/benefits";
import { evaluateChecklist, type ChecklistAnswers } from "../checklist";
import { benefitGuideSchema, LIFE_MOMENTS, AUDIENCES, type BenefitGuide } from "../guide-schema";
import { SEEDED_GUIDES } from "./index";

const CODES = [
  "rsa",
  "prime_activite",
  "c2s",
  "aides_logement",
  "aspa",
  "aah",
  "allocations_familiales",
  "cheque_energie",
  "retraite_reversion",
  "pension_invalidite",
  "aide_facultative",
];

/** Every French string of a guide, with where it sits. */
function frenchStrings(guide: BenefitGuide): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (k === "fr" && typeof x === "string") out.push([`${path}.fr`, x]);
        else walk(x, `${path}.${k}`);
      }
  };
  walk(guide, guide.code);
  return out;
}

describe("seeded benefit guides", () => {
  it.each(SEEDED_GUIDES.map((g) => [g.code, g] as const))("%s parses with the schema", (_code, guide) => {
    const parsed = benefitGuideSchema.safeParse(guide);
    expect(parsed.success ? "ok" : parsed.error.issues).toBe("ok");
  });

  it("holds the 11 codes, each once", () => {
    const codes = SEEDED_GUIDES.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...CODES].sort());
  });

  it("has a guide for every benefit of the questionnaire's catalogue", () => {
    const codes = new Set(SEEDED_GUIDES.map((g) => g.code));
    expect(BENEFITS.length).toBeGreaterThan(0);
    for (const b of BENEFITS) expect(codes, b.value).toContain(b.value);
  });

  it("keeps checklist ids unique within each guide", () => {
    for (const g of SEEDED_GUIDES) {
      const ids = g.checklist.map((i) => i.id);
      expect(new Set(ids).size, g.code).toBe(ids.length);
    }
  });

  it("offers at least one guide for each life moment and each audience", () => {
    for (const m of LIFE_MOMENTS) expect(SEEDED_GUIDES.some((g) => g.lifeMoments.includes(m)), m).toBe(true);
    for (const a of AUDIENCES) expect(SEEDED_GUIDES.some((g) => g.audiences.includes(a)), a).toBe(true);
  });

  it("says « likely » when every box is answered as expected, and names a failed condition", () => {
    for (const g of SEEDED_GUIDES) {
      const answers: ChecklistAnswers = Object.fromEntries(g.checklist.map((i) => [i.id, i.expected]));
      expect(evaluateChecklist(g.checklist, answers), g.code).toEqual({ verdict: "likely", missing: [], unanswered: [] });
      const first = g.checklist[0];
      const wrong: ChecklistAnswers = { ...answers, [first.id]: first.expected === "yes" ? "no" : "yes" };
      expect(evaluateChecklist(g.checklist, wrong).missing, g.code).toEqual([first.id]);
    }
  });

  it("marks every seeded guide « to check » by the CCAS, last checked on 2026-11-30", () => {
    for (const g of SEEDED_GUIDES) {
      expect(g.status, g.code).toBe("to_check");
      expect(g.lastCheckedOn, g.code).toBe("2026-11-30");
    }
  });

  it("follows the KIT TZNR's pension d'invalidité sheet (form 11174*05)", () => {
    const g = SEEDED_GUIDES.find((x) => x.code === "pension_invalidite")!;
    expect(g.form.number).toBe("11174*05");
    expect(g.title.fr).toBe("La Pension d'Invalidité");
    expect(g.checklist.map((i) => i.question.fr)).toEqual([
      "Vous êtes en emploi ou en recherche d'emploi\u00a0?",
      "Vos difficultés de santé impactent vos revenus professionnels\u00a0?",
      "Vous êtes protégé par la Sécurité sociale depuis plus de 12 mois\u00a0?",
    ]);
    expect(g.documents).toHaveLength(6);
    expect(g.steps.map((s) => s.fr)).toEqual([
      "Remplir le document\u00a0: Formulaire 11174*05",
      "Envoyer le dossier avec les photocopies à votre organisme",
    ]);
  });

  it("gives amounts only with their date and source", () => {
    for (const g of SEEDED_GUIDES) {
      if (g.amount) {
        expect(g.amount.source.length, g.code).toBeGreaterThan(0);
        expect(g.amount.asOf <= g.lastCheckedOn, g.code).toBe(true);
      }
    }
  });

  it("uses French typography: a no-break space before : ? ; ! and inside « »", () => {
    const bad: string[] = [];
    for (const g of SEEDED_GUIDES)
      for (const [where, s] of frenchStrings(g))
        if (/(^|[^\u00a0\u202f])[:?;!]/.test(s.replace(/https?:\/\/\S+/g, "")) || /«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/.test(s))
          bad.push(`${where}: ${s}`);
    expect(bad).toEqual([]);
  });
});

describe("benefit guide schema", () => {
  const valid = SEEDED_GUIDES[0];
  it("refuses a malformed cerfa number, duplicate checklist ids, a non-existent date, too few items", () => {
    expect(benefitGuideSchema.safeParse({ ...valid, form: { ...valid.form, number: "11174-05" } }).success).toBe(false);
    expect(
      benefitGuideSchema.safeParse({ ...valid, checklist: [valid.checklist[0], valid.checklist[0]] }).success,
    ).toBe(false);
    expect(benefitGuideSchema.safeParse({ ...valid, lastCheckedOn: "2026-02-30" }).success).toBe(false);
    expect(benefitGuideSchema.safeParse({ ...valid, checklist: [valid.checklist[0]] }).success).toBe(false);
    expect(benefitGuideSchema.safeParse({ ...valid, audiences: ["retraités"] }).success).toBe(false);
    expect(benefitGuideSchema.safeParse({ ...valid, lifeMoments: ["je_demenage"] }).success).toBe(false);
  });
});
