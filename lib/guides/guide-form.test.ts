import { describe, expect, it } from "vitest";
import { SEEDED_GUIDES } from "./content";
import { pensionInvalidite } from "./content/pension_invalidite";
import { guideFormValues, parseGuideForm, stripTags } from "./guide-form";

/** A FormData from the form's values, as the browser would post it. */
function formOf(values: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

describe("the guide edit form", () => {
  it.each(SEEDED_GUIDES.map((g) => [g.code, g] as const))("round-trips the seeded sheet %s", (code, guide) => {
    const r = parseGuideForm(code, formOf(guideFormValues(guide, guide.title, 3, "2026-11-30")));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.guide).toEqual({ ...guide, status: "to_check" });
      expect(r.baseVersion).toBe(3);
    }
  });

  it("strips HTML from every text", () => {
    const values = guideFormValues(pensionInvalidite, pensionInvalidite.title, 0, "2026-11-30");
    values.whatItIs_fr = "Une aide <script>alert(1)</script>pour <b>vous</b>.";
    values.steps = "<img src=x onerror=alert(1)>Remplir le formulaire | Fill in the form";
    const r = parseGuideForm("pension_invalidite", formOf(values));
    expect(r.ok && r.guide.whatItIs.fr).toBe("Une aide alert(1)pour vous.");
    expect(r.ok && r.guide.steps[0]).toEqual({ fr: "Remplir le formulaire", en: "Fill in the form" });
    expect(stripTags("moins de 25 ans < 30")).toBe("moins de 25 ans < 30");
    // A stray "<" before a word is text: the rest of the field is kept.
    expect(stripTags("revenus <plafond du foyer")).toBe("revenus <plafond du foyer");
    expect(stripTags("<b>gras</b> <<i>i>x")).toBe("gras x");
  });

  it("names the fields in French, with no-break spaces", () => {
    const values = guideFormValues(pensionInvalidite, pensionInvalidite.title, 0, "2026-11-30");
    Object.assign(values, { title_en: "", checklist: "seul | peut-être | Une seule question", documents: "", form_number: "11174-05", amount_asOf: "2026-02-30", organisms: ["Mairie"], lastCheckedOn: "hier" });
    const r = parseGuideForm("pension_invalidite", formOf(values));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual(["amount_asOf", "amount_fr", "amount_source", "checklist", "documents", "form_number", "lastCheckedOn", "organisms", "title_en"].sort());
      expect(r.errors.title_en).toBe("Titre en anglais\u00a0: obligatoire.");
      expect(r.values.checklist).toBe("seul | peut-être | Une seule question");
    }
  });

  it("refuses a bad answer word, a duplicate id, and a forged base version", () => {
    const values = guideFormValues(pensionInvalidite, pensionInvalidite.title, 0, "2026-11-30");
    const r1 = parseGuideForm("pension_invalidite", formOf({ ...values, checklist: "a | oui | A ?\na | oui | B ?" }));
    expect(!r1.ok && r1.errors.checklist).toBeTruthy();
    const r2 = parseGuideForm("pension_invalidite", formOf({ ...values, documents: "photocopie | Carte" }));
    expect(!r2.ok && r2.errors.documents).toBeTruthy();
    const r3 = parseGuideForm("pension_invalidite", formOf({ ...values, baseVersion: "-1" }));
    expect(!r3.ok && r3.errors.form).toBeTruthy();
  });

  it("an amount is all or nothing", () => {
    const values = guideFormValues(pensionInvalidite, pensionInvalidite.title, 0, "2026-11-30");
    const none = parseGuideForm("pension_invalidite", formOf({ ...values, amount_fr: "", amount_en: "", amount_asOf: "", amount_source: "" }));
    expect(none.ok && none.guide.amount).toBeNull();
    const half = parseGuideForm("pension_invalidite", formOf({ ...values, amount_fr: "Environ 800 €", amount_asOf: "", amount_source: "" }));
    expect(!half.ok && Object.keys(half.errors)).toEqual(expect.arrayContaining(["amount_asOf", "amount_source"]));
  });

  it("starts an empty template for a benefit without a sheet, which must be completed", () => {
    const values = guideFormValues(null, { fr: "Aide à la cantine", en: "School meals aid" }, 0, "2026-11-30");
    expect(values.title_fr).toBe("Aide à la cantine");
    const r = parseGuideForm("aide_cantine", formOf(values));
    expect(!r.ok && Object.keys(r.errors)).toEqual(expect.arrayContaining(["whatItIs_fr", "checklist", "documents", "steps", "where_fr"]));
  });
});
