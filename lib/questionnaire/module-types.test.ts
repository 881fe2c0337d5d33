import { describe, expect, it } from "vitest";
import { questionnaireSchema, type QuestionnaireInput } from "./definition-schema";
import { buildFlow, checkFlow, resolveVisibility } from "./flow";
import { formatAnswer } from "./format";
import { fieldName, parseSection, readerFromValues } from "./form-fields";
import { validateAll, validateSection } from "./validate";

/** Decimal, date and note questions, constraints and filtered options (the XLSForm subset). */
const def = questionnaireSchema.parse({
  key: "testmod",
  title: { fr: "Module", en: "Module" },
  sections: [
    {
      id: "s1",
      title: { fr: "Partie", en: "Part" },
      questions: [
        { id: "intro", type: "note", label: { fr: "À lire", en: "To read" } },
        {
          id: "rent", type: "decimal", label: { fr: "Loyer", en: "Rent" },
          constraint: { test: { q: "rent", op: "lt", value: 5000 }, message: { fr: "Moins de 5000 €", en: "Under €5000" } },
        },
        { id: "arrived", type: "date", label: { fr: "Arrivée", en: "Arrival" }, required: false },
        {
          id: "area", type: "single", label: { fr: "Secteur", en: "Area" },
          options: [{ value: "n", label: { fr: "Nord", en: "North" } }, { value: "s", label: { fr: "Sud", en: "South" } }],
        },
        {
          id: "place", type: "single", label: { fr: "Lieu", en: "Place" },
          options: [
            { value: "p1", label: { fr: "Lieu nord", en: "North place" }, showIf: { q: "area", op: "eq", value: "n" } },
            { value: "p2", label: { fr: "Lieu sud", en: "South place" }, showIf: { q: "area", op: "eq", value: "s" } },
            { value: "p3", label: { fr: "Partout", en: "Anywhere" } },
          ],
        },
      ],
    },
  ],
} satisfies QuestionnaireInput);
const common = questionnaireSchema.parse({
  key: "common", title: { fr: "C", en: "C" },
  sections: [{ id: "c", title: { fr: "C", en: "C" }, questions: [{ id: "c1", type: "text", maxLength: 10, required: false, label: { fr: "C", en: "C" } }] }],
});
const flow = buildFlow(common, def);
const ctx = { neighbourhoodCodes: [], now: new Date("2026-06-01") };
const section = def.sections[0];

function post(values: Record<string, string>) {
  const posted = parseSection(flow, section, readerFromValues(values), {});
  return validateSection(flow, section, {}, posted, ctx);
}

describe("module question types", () => {
  it("reads a decimal with a comma or a point, a date typed the French way, and asks nothing of a note", () => {
    const ok = post({ [fieldName("rent")]: "612,50", [fieldName("arrived")]: "03/02/2025", [fieldName("area")]: "n", [fieldName("place")]: "p1" });
    expect(ok.errors).toEqual([]);
    expect(ok.answers).toMatchObject({ rent: 612.5, arrived: "2025-02-03", place: "p1" });
    expect(ok.answers.intro).toBeUndefined();
    expect(post({ [fieldName("rent")]: "6.5", [fieldName("area")]: "s", [fieldName("place")]: "p3" }).answers.rent).toBe(6.5);
  });

  it("refuses a bad decimal and an impossible date", () => {
    const bad = post({ [fieldName("rent")]: "douze", [fieldName("arrived")]: "2025-02-30", [fieldName("area")]: "n", [fieldName("place")]: "p1" });
    expect(bad.errors.map((e) => e.key)).toEqual(["decimal", "date"]);
  });

  it("checks the constraint on the server and carries its own message", () => {
    const bad = post({ [fieldName("rent")]: "9000", [fieldName("area")]: "n", [fieldName("place")]: "p1" });
    expect(bad.errors).toEqual([{ field: fieldName("rent"), key: "constraint", message: { fr: "Moins de 5000 €", en: "Under €5000" } }]);
  });

  it("offers only the options that the choice filter allows, and refuses another one", () => {
    const bad = post({ [fieldName("rent")]: "10", [fieldName("area")]: "n", [fieldName("place")]: "p2" });
    expect(bad.errors).toEqual([{ field: fieldName("place"), key: "choice" }]);
    // An earlier answer changed: a choice no longer offered is dropped, then asked again.
    const visible = resolveVisibility(flow, { rent: 10, area: "s", place: "p1" });
    expect(visible.answers.place).toBeUndefined();
    expect(validateAll(flow, { rent: 10, area: "s", place: "p1" }, ctx).errors.map((e) => e.key)).toEqual(["required"]);
  });

  it("formats decimals and dates for the review page in French", () => {
    const strings = { yes: "Oui", no: "Non", dontKnow: "?", preferNot: "-", outside: "-" };
    expect(formatAnswer(flow, flow.questions.get("rent")!, 612.5, {}, "fr", strings, () => undefined)).toEqual(["612,5"]);
    expect(formatAnswer(flow, flow.questions.get("arrived")!, "2025-02-03", {}, "fr", strings, () => undefined)).toEqual(["03/02/2025"]);
  });

  it("refuses a choice filter or a constraint that reads a later question", () => {
    const forward = questionnaireSchema.parse({
      ...def,
      sections: [{ ...def.sections[0], questions: [...def.sections[0].questions].reverse() }],
    });
    const problems = checkFlow(buildFlow(common, forward));
    expect(problems).toContain("question place: choice filter on area, not asked before");
  });
});
