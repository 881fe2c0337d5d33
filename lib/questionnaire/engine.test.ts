import { describe, expect, it } from "vitest";
import { evaluate, rowMatches } from "./conditions";
import { questionnaireSchema, type QuestionnaireInput } from "./definition-schema";
import { flattenAnswers } from "./flatten";
import { errorFieldLabel } from "./error-labels";
import { buildFlow, cascadeItems, checkFlow, partialFlow, resolveVisibility, sectionPosition } from "./flow";
import { fieldName, parseSection, postedToFormValues, preferNotField, readerFromFormData, readerFromValues, sectionFormValues } from "./form-fields";
import { validateAll, validateSection, type EngineContext } from "./validate";

const yes = { value: "yes", label: { fr: "Oui", en: "Yes" } };
const no = { value: "no", label: { fr: "Non", en: "No" } };
const L = (s: string) => ({ fr: s, en: s });

const common: QuestionnaireInput = {
  key: "common",
  title: L("Test"),
  sections: [
    {
      id: "you", title: L("You"),
      questions: [
        { id: "household", type: "single", preferNot: true, label: L("Household"), options: [
          { value: "alone", label: L("Alone") }, { value: "parent", label: L("Parent") }] },
        { id: "children", type: "number", min: 0, max: 15, label: L("Children"), showIf: { q: "household", op: "eq", value: "parent" } },
        { id: "birth", type: "year", min: 1910, maxOffset: -15, preferNot: true, label: L("Birth") },
        { id: "helpers", type: "multiple", label: L("Helpers"), options: [
          { value: "nobody", label: L("Nobody"), exclusive: true }, { value: "family", label: L("Family") }, { value: "ccas", label: L("CCAS") }] },
        { id: "comment", type: "long_text", maxLength: 20, required: false, label: L("Comment") },
      ],
    },
    {
      id: "benefits", title: L("Benefits"),
      questions: [{
        id: "grid", type: "benefit_grid", label: L("Grid"),
        rows: [{ value: "rsa", label: L("RSA") }, { value: "aah", label: L("AAH") }],
        columns: [
          { id: "known", label: L("Known"), options: [yes, no] },
          { id: "received", label: L("Received"), options: [yes, no], showIf: [{ field: "known", op: "eq", value: "yes" }] },
        ],
      }],
    },
    {
      id: "reasons", title: L("Reasons"),
      questions: [{
        id: "why", type: "cascade", label: L("Why"),
        levels: [{ id: "forme", label: L("Forme") }, { id: "raison", label: L("Raison") }, { id: "niveau", label: L("Niveau"), required: false }],
        options: [
          { value: "non_demande", label: L("ND"), children: [
            { value: "capacites", label: L("Cap"), children: [{ value: "confiance", label: L("Conf") }] },
            { value: "civisme", label: L("Civ") }] },
          { value: "non_connaissance", label: L("NC") },
        ],
        forEach: { q: "grid", where: [{ field: "known", op: "eq", value: "yes" }, { field: "received", op: "eq", value: "no" }] },
      }],
    },
    {
      id: "where", title: L("Where"),
      questions: [{ id: "neighbourhood", type: "neighbourhood", label: L("Neighbourhood") }],
    },
  ],
};
const flow = buildFlow(questionnaireSchema.parse(common));
const ctx: EngineContext = { neighbourhoodCodes: ["IRIS1", "IRIS2"], now: new Date("2026-06-01T00:00:00Z") };
const section = (id: string) => flow.sections.find((s) => s.id === id)!;
const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return readerFromFormData(f);
};
const complete = {
  household: "parent", children: 2, birth: 1980, helpers: ["family", "ccas"],
  grid: { rsa: { known: "yes", received: "no" }, aah: { known: "no" } },
  why: { rsa: { forme: "non_demande", raison: "capacites", niveau: "confiance" } },
  neighbourhood: "IRIS2",
};

describe("conditions", () => {
  it("never satisfies a test on an unanswered question", () => {
    expect(evaluate({ q: "household", op: "neq", value: "alone" }, {})).toBe(false);
    expect(evaluate({ not: { q: "household", op: "eq", value: "alone" } }, {})).toBe(true);
    expect(evaluate({ all: [{ q: "a", op: "gte", value: 3 }, { q: "b", op: "includes", value: "x" }] }, { a: 3, b: ["x"] })).toBe(true);
    expect(evaluate({ any: [{ q: "a", op: "lt", value: 3 }, { q: "g", item: "rsa", field: "known", op: "eq", value: "yes" }] },
      { a: 3, g: { rsa: { known: "yes" } } })).toBe(true);
    expect(rowMatches({ known: "yes", received: "dk" }, [{ field: "received", op: "in", values: ["no", "dk"] }])).toBe(true);
  });
});

describe("flow", () => {
  it("refuses a condition that looks forward", () => {
    const bad = structuredClone(common);
    bad.sections[0].questions[0].showIf = { q: "birth", op: "answered" };
    expect(checkFlow(buildFlow(questionnaireSchema.parse(bad)))).toEqual(["question household: condition on birth, not asked before"]);
    expect(checkFlow(flow)).toEqual([]);
  });

  it("drops answers hidden by a changed earlier answer, grid cells and cascade rows included", () => {
    const changed = {
      ...complete, household: "alone",
      grid: { rsa: { known: "no", received: "no" }, aah: { known: "no" } },
    };
    const v = resolveVisibility(flow, changed);
    expect(v.answers.children).toBeUndefined();
    expect(v.answers.grid).toEqual({ rsa: { known: "no" }, aah: { known: "no" } });
    expect(v.answers.why).toBeUndefined();
    expect(v.sections.map((s) => s.id)).toEqual(["you", "benefits", "where"]); // no benefit to explain
    expect(sectionPosition(v.sections, "benefits")).toMatchObject({ index: 1, total: 3, previous: "you", next: "where" });
  });

  it("asks the cascade once per benefit known but not received", () => {
    const q = section("reasons").questions[0];
    if (q.type !== "cascade") throw new Error();
    expect(cascadeItems(flow, q, { grid: { rsa: { known: "yes", received: "no" }, aah: { known: "yes", received: "no" } } })).toEqual(["rsa", "aah"]);
    expect(cascadeItems(flow, q, { grid: { rsa: { known: "yes", received: "yes" } } })).toEqual([]);
  });

  it("keeps a partial flow's outside answers as settled", () => {
    const p = partialFlow(flow, "reasons");
    expect(p.questions.has("grid")).toBe(true);
    expect(resolveVisibility(p, complete).questions.has("why")).toBe(true);
  });
});

describe("parsing posted fields", () => {
  it("reads numbers leniently and keeps nonsense for a clear error", () => {
    const parse = (v: string) => parseSection(flow, section("you"), form([[fieldName("birth"), v]]), {}).birth;
    expect(parse(" 1 980 ")).toBe(1980);
    expect(parse("1980,0")).toBe(1980);
    expect(parse("l'an 80")).toBe("l'an 80");
    expect(parse("")).toBeUndefined();
  });

  it("reads prefer-not, de-duplicated multiple choices and cascade radios of the right parent", () => {
    const you = parseSection(flow, section("you"), form([
      [preferNotField("birth"), "on"], [fieldName("birth"), "1980"], [fieldName("helpers"), "ccas"], [fieldName("helpers"), "ccas"],
    ]), {});
    expect(you.birth).toBe("prefer_not");
    expect(you.helpers).toEqual(["ccas"]);
    const answers = { grid: { rsa: { known: "yes", received: "no" } } };
    const why = parseSection(flow, section("reasons"), form([
      [fieldName("why", "rsa", "forme"), "non_demande"], [fieldName("why", "rsa", "raison"), "non_connaissance:capacites"],
    ]), answers).why;
    expect(why).toEqual({ rsa: { forme: "non_demande" } }); // a raison under another forme reads as missing
  });

  it("round-trips stored answers through the form", () => {
    for (const s of flow.sections) {
      const values = sectionFormValues(flow, s, complete);
      const posted = parseSection(flow, s, readerFromValues(values), complete);
      for (const q of s.questions) expect(posted[q.id]).toEqual((complete as Record<string, unknown>)[q.id]);
      const asPosted = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
      expect(postedToFormValues(s, asPosted)).toEqual(values);
    }
  });
});

describe("validation", () => {
  const errorsOf = (id: string, posted: Record<string, unknown>, before: Record<string, unknown> = {}) =>
    validateSection(flow, section(id), before, posted, ctx).errors.map((e) => `${e.field}:${e.key}${e.params ? JSON.stringify(e.params) : ""}`);

  it("requires visible questions only, and checks ranges with their bounds", () => {
    expect(errorsOf("you", { household: "alone", birth: 2012, helpers: ["nobody", "ccas"] })).toEqual([
      'q__birth:range{"min":1910,"max":2011}', "q__helpers:exclusive",
    ]);
    expect(errorsOf("you", { household: "parent", birth: "abc", helpers: ["ccas"], comment: "x".repeat(21) })).toEqual([
      "q__children:required", "q__birth:number", 'q__comment:too_long{"max":20}',
    ]);
    // Too small names both bounds too (a birth year "54" once read "between 1910 and 0").
    expect(errorsOf("you", { household: "alone", birth: 54, helpers: ["ccas"] })).toEqual(['q__birth:range{"min":1910,"max":2011}']);
    expect(errorsOf("you", { household: "nope", birth: "prefer_not", helpers: ["ccas"] })).toEqual(["q__household:choice"]);
  });

  it("checks grid cells only where their column applies", () => {
    expect(errorsOf("benefits", { grid: { rsa: { known: "yes" }, aah: { known: "no" } } })).toEqual(["q__grid__rsa__received:required"]);
    expect(errorsOf("benefits", { grid: { rsa: { known: "no", received: "maybe" }, aah: { known: "no" } } })).toEqual([]);
  });

  it("asks for the next cascade level until a leaf, never for an optional one", () => {
    const before = { grid: { rsa: { known: "yes", received: "no" } } };
    expect(errorsOf("reasons", {}, before)).toEqual(["q__why__rsa__forme:required"]);
    expect(errorsOf("reasons", { why: { rsa: { forme: "non_demande" } } }, before)).toEqual(["q__why__rsa__raison:cascade_level"]);
    expect(errorsOf("reasons", { why: { rsa: { forme: "non_demande", raison: "capacites" } } }, before)).toEqual([]);
    expect(errorsOf("reasons", { why: { rsa: { forme: "non_connaissance" } } }, before)).toEqual([]);
    expect(errorsOf("reasons", { why: { rsa: { forme: "non_demande", raison: "invented" } } }, before)).toEqual(["q__why__rsa__raison:choice"]);
  });

  it("accepts the territory's neighbourhoods and the built-in choices only", () => {
    expect(errorsOf("where", { neighbourhood: "IRIS1" })).toEqual([]);
    expect(errorsOf("where", { neighbourhood: "outside" })).toEqual([]);
    expect(errorsOf("where", { neighbourhood: "IRIS9" })).toEqual(["q__neighbourhood:choice"]);
  });

  it("validates a whole response and names the first incomplete section", () => {
    expect(validateAll(flow, complete, ctx).errors).toEqual([]);
    const { neighbourhood: _, ...missing } = complete;
    expect(validateAll(flow, missing, ctx).errors[0]).toMatchObject({ section: "where", key: "required" });
  });
});

describe("flattening for aggregates", () => {
  it("writes one row per atomic value and never copies free text", () => {
    const rows = flattenAnswers(flow, { ...complete, comment: "my name is…", birth: "prefer_not" });
    const r = (q: string) => rows.filter((x) => x.questionId === q).map((x) => [x.item, x.field, x.value, x.num].join("/"));
    expect(r("comment")).toEqual(["//answered/"]);
    expect(r("birth")).toEqual(["//prefer_not/"]);
    expect(r("children")).toEqual(["///2"]);
    expect(r("helpers")).toEqual(["//family/", "//ccas/"]);
    expect(r("grid")).toEqual(["rsa/known/yes/", "rsa/received/no/", "aah/known/no/"]);
    expect(r("why")).toEqual(["rsa/forme/non_demande/", "rsa/raison/capacites/", "rsa/niveau/confiance/"]);
    expect(rows.some((x) => x.value?.includes("my name"))).toBe(false);
  });
});

describe("error summary labels", () => {
  it("names the question, and the row and column of a grid or cascade cell", () => {
    expect(errorFieldLabel(flow, "q__birth", "fr")).toBe(L("Birth").fr);
    expect(errorFieldLabel(flow, "q__grid__rsa__received", "fr")).toBe([L("Grid").fr, L("RSA").fr, L("Received").fr].join(" — "));
    expect(errorFieldLabel(flow, "q__why__rsa__forme", "fr")).toBe([L("Why").fr, L("RSA").fr, L("Forme").fr].join(" — "));
    expect(errorFieldLabel(flow, "q__nope", "fr")).toBe("");
  });
});
