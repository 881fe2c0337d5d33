import { describe, expect, it } from "vitest";
import { questionnaireSchema, type QuestionnaireInput } from "@/lib/questionnaire/definition-schema";
import { buildChoiceCatalogue } from "./choice-catalogue";
import { parseDashboardFilters } from "./filters";
import { parseIndicator, usesBenefit } from "./indicators";

const l = (fr: string) => ({ fr, en: `${fr} (en)` });
const def = (key: string, sections: QuestionnaireInput["sections"]) => questionnaireSchema.parse({ key, title: l(key), sections });
const common = def("common", [{
  id: "profil", title: l("Profil"),
  questions: [
    { id: "sex", type: "single", label: l("Sexe"), preferNot: true, options: [{ value: "femme", label: l("Femme") }, { value: "homme", label: l("Homme") }] },
    { id: "birth_year", type: "year", label: l("Année"), min: 1900 },
    { id: "difficulty_phone", type: "yes_no", label: l("Téléphone") },
  ],
}]);
const moduleV1 = def("essai", [{
  id: "lieux", title: l("Lieux"),
  questions: [{ id: "places", type: "multiple", label: l("Lieux connus"), options: [{ value: "mpt", label: l("MPT") }, { value: "none", label: l("Aucun"), exclusive: true }] }],
}]);
const moduleV2 = def("essai", [
  { id: "acces", title: l("Accès"), questions: [{ id: "online", type: "yes_no", label: l("En ligne ?"), dontKnow: true }] },
  { id: "lieux2", title: l("Lieux d'aide"), questions: [{ id: "places", type: "multiple", label: l("Lieux que vous connaissez"), options: [{ value: "ccas", label: l("CCAS") }, { value: "mpt", label: l("Maison pour tous") }] }] },
]);

describe("the catalogue of choice questions", () => {
  const c = buildChoiceCatalogue([
    { source: "common", definition: common }, { source: "module", definition: moduleV1 }, { source: "module", definition: moduleV2 },
  ]);

  it("keeps single, multiple and yes/no questions, common first, and never offers prefer-not or don't-know", () => {
    expect(c.questions.map((q) => `${q.source}:${q.section.id}:${q.id}:${q.options.map((o) => o.value).join("|")}`)).toEqual([
      "common:profil:sex:femme|homme", "common:profil:difficulty_phone:yes|no", "module:acces:online:yes|no", "module:lieux2:places:ccas|mpt|none",
    ]);
  });
  it("names a question, its section and its options after the latest version that has it; dropped options keep their last label", () => {
    const places = c.questions.find((q) => q.id === "places")!;
    expect(places.label.fr).toBe("Lieux que vous connaissez");
    expect(places.section.title.fr).toBe("Lieux d'aide");
    expect(places.options.map((o) => o.label.fr)).toEqual(["CCAS", "Maison pour tous", "Aucun"]);
  });
});

describe("choice indicators", () => {
  it("parse as question and option, and ignore the benefit filter", () => {
    const d = parseIndicator("q.places.mpt");
    expect(d).toEqual({ kind: "choice", question: "places", option: "mpt" });
    expect(usesBenefit(d!)).toBe(false);
  });
  it("are accepted by the view's parameters when well formed, refused otherwise", () => {
    expect(parseDashboardFilters(new URLSearchParams("indicator=q.places.1_5&benefit=tarif_social"))).toMatchObject({ ok: true, filters: { indicator: "q.places.1_5", benefit: "tarif_social" } });
    for (const bad of ["q.places", "q.Places.mpt", "q.places.mpt.x", "q..mpt"]) {
      expect(parseDashboardFilters(new URLSearchParams(`indicator=${bad}`))).toMatchObject({ ok: false, errors: ["Indicateur inconnu."] });
    }
    expect(parseDashboardFilters(new URLSearchParams("benefit=RSA'--"))).toMatchObject({ ok: false, errors: ["Prestation inconnue."] });
  });
});
