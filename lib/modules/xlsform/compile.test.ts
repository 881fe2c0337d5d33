import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { questionnaireSchema, type Question } from "@/lib/questionnaire/definition-schema";
import { compileXlsform } from "./compile";
import { formatIssue } from "./format-issue";
import { XlsformError, type XlsformIssue } from "./issues";
import type { WorkbookData } from "./sheets";

const common = questionnaireSchema.parse(commonQuestionnaire);
const SURVEY_HEAD = ["type", "name", "label::fr", "label::en", "hint::fr", "required", "relevant", "constraint", "constraint_message::fr", "choice_filter", "appearance", "parameters"];
const CHOICES_HEAD = ["list_name", "name", "label::fr", "label::en", "area", "exclusive"];
const COLORS = [["colors", "red", "Rouge", "Red"], ["colors", "blue", "Bleu", "Blue"], ["colors", "none", "Aucune", "None", "", "yes"]];

type SurveyRow = Partial<Record<(typeof SURVEY_HEAD)[number], string>>;
function book(survey: SurveyRow[], opts: { choices?: string[][]; settings?: string[][]; surveyHead?: string[] } = {}): WorkbookData {
  const head = opts.surveyHead ?? SURVEY_HEAD;
  return new Map([
    ["survey", { name: "survey", rows: [head, ...survey.map((r) => head.map((h) => r[h] ?? ""))] }],
    ["choices", { name: "choices", rows: [CHOICES_HEAD, ...(opts.choices ?? COLORS)] }],
    ["settings", { name: "settings", rows: opts.settings ?? [["form_title", "form_title::en", "form_id", "version"], ["Module test", "Test module", "testmod", "2026-11"]] }],
  ]);
}
const q = (type: string, name: string, extra: SurveyRow = {}): SurveyRow => ({ type, name, "label::fr": `Libellé ${name}`, "label::en": `Label ${name}`, ...extra });

function compile(wb: WorkbookData) {
  return compileXlsform(wb, { common });
}
function issuesOf(wb: WorkbookData): XlsformIssue[] {
  try {
    compile(wb);
  } catch (err) {
    if (err instanceof XlsformError) return err.issues;
    throw err;
  }
  throw new Error("expected a refusal");
}
const questions = (wb: WorkbookData): Question[] =>
  questionnaireSchema.parse(compile(wb).definition).sections.flatMap((s) => s.questions);

describe("XLSForm compiler: constructs", () => {
  it("reads settings: form_id is the module key, form_title its title (English falls back to French)", () => {
    const out = compile(book([q("text", "t1")]));
    expect(out.definition.key).toBe("testmod");
    expect(out.definition.title).toEqual({ fr: "Module test", en: "Test module" });
    expect(out.version).toBe("2026-11");
    const fr = compile(book([q("text", "t1")], { settings: [["form_title", "form_id"], ["Seulement", "m2"]] }));
    expect(fr.definition.title).toEqual({ fr: "Seulement", en: "Seulement" });
  });

  it("turns each group into a section and questions outside a group into a default section", () => {
    const def = compile(book([
      q("note", "intro"),
      q("begin_group", "g1", { "hint::fr": "Introduction" }),
      q("integer", "n1"),
      { type: "end_group" },
      q("date", "d1"),
    ])).definition;
    expect(def.sections.map((s) => [s.id, s.questions.map((x) => x.id)])).toEqual([
      ["testmod_main", ["intro"]], ["g1", ["n1"]], ["testmod_main_2", ["d1"]],
    ]);
    expect(def.sections[1].title).toEqual({ fr: "Libellé g1", en: "Label g1" });
    expect(def.sections[1].intro).toEqual({ fr: "Introduction", en: "Introduction" });
    expect(def.sections[0].title.fr).toBe("Module test");
  });

  it("maps every supported type onto the engine's question types", () => {
    const qs = questions(book([
      q("select_one colors", "s1", { required: "yes" }),
      q("select_multiple colors", "m1", { required: "TRUE" }),
      q("select_one colors", "s2", { appearance: "minimal" }),
      q("integer", "i1", { required: "1" }),
      q("decimal", "dec1"),
      q("text", "t1"),
      q("text", "t2", { appearance: "multiline" }),
      q("text", "t3", { parameters: "max-length=50" }),
      q("date", "d1"),
      q("note", "n1"),
    ]));
    expect(qs.map((x) => [x.id, x.type, x.required])).toEqual([
      ["s1", "single", true], ["m1", "multiple", true], ["s2", "single", false], ["i1", "number", true],
      ["dec1", "decimal", false], ["t1", "text", false], ["t2", "long_text", false], ["t3", "text", false],
      ["d1", "date", false], ["n1", "note", false],
    ]);
    expect(qs[2]).toMatchObject({ display: "select" });
    expect(qs[7]).toMatchObject({ maxLength: 50 });
    expect(qs[1]).toMatchObject({ options: [{ value: "red" }, { value: "blue" }, { value: "none", exclusive: true }] });
    expect(qs[0]).toMatchObject({ label: { fr: "Libellé s1", en: "Label s1" }, options: [{ label: { fr: "Rouge", en: "Red" } }, {}, {}] });
  });

  it("accepts a plain label column (default language) and a missing English label falls back to French", () => {
    const head = ["type", "name", "label", "hint::Français (fr)"];
    const wb = book([{ type: "text", name: "t1", label: "Bonjour", "hint::Français (fr)": "Aide" }], { surveyHead: head });
    expect(questions(wb)[0]).toMatchObject({ label: { fr: "Bonjour", en: "Bonjour" }, help: { fr: "Aide", en: "Aide" } });
  });

  it("compiles relevant expressions into conditions", () => {
    const qs = questions(book([
      q("select_one colors", "c1"),
      q("select_multiple colors", "c2"),
      q("integer", "n1"),
      q("text", "a", { relevant: "${c1} = 'red'" }),
      q("text", "b", { relevant: "${c1} != 'red' and selected(${c2}, 'blue')" }),
      q("text", "c", { relevant: "not(${n1} > 3) or (${n1} >= 10 and ${n1} < 20) or ${n1} <= -1" }),
      q("text", "d", { relevant: "${c2} != '' and not(selected(${c2}, 'none'))" }),
      q("text", "e", { relevant: "selected(${c1}, 'blue') or ${household_type} = 'alone'" }),
      q("text", "f", { relevant: "${n1} = 2 or 5 < ${n1} or ${a} = ''" }),
      q("text", "g", { relevant: "${c1} = “red”" }),
    ]));
    const byId = Object.fromEntries(qs.map((x) => [x.id, x.showIf]));
    expect(byId.a).toEqual({ q: "c1", op: "eq", value: "red" });
    expect(byId.b).toEqual({ all: [{ q: "c1", op: "neq", value: "red" }, { q: "c2", op: "includes", value: "blue" }] });
    expect(byId.c).toEqual({ any: [
      { not: { q: "n1", op: "gt", value: 3 } },
      { all: [{ q: "n1", op: "gte", value: 10 }, { q: "n1", op: "lt", value: 20 }] },
      { q: "n1", op: "lte", value: -1 },
    ] });
    expect(byId.d).toEqual({ all: [{ q: "c2", op: "answered" }, { not: { q: "c2", op: "includes", value: "none" } }] });
    expect(byId.e).toEqual({ any: [{ q: "c1", op: "eq", value: "blue" }, { q: "household_type", op: "eq", value: "alone" }] });
    expect(byId.f).toEqual({ any: [{ q: "n1", op: "eq", value: 2 }, { q: "n1", op: "gt", value: 5 }, { not: { q: "a", op: "answered" } }] });
    expect(byId.g).toEqual({ q: "c1", op: "eq", value: "red" });
  });

  it("turns a group's relevant into the section's condition", () => {
    const def = compile(book([q("select_one colors", "c1"), q("begin_group", "g", { relevant: "${c1} = 'blue'" }), q("text", "t"), { type: "end_group" }])).definition;
    expect(def.sections[1].showIf).toEqual({ q: "c1", op: "eq", value: "blue" });
  });

  it("compiles a constraint on the value itself, with its localized message", () => {
    const qs = questions(book([
      q("integer", "n1", { constraint: ". >= 0 and . <= 15", "constraint_message::fr": "Entre 0 et 15" }),
      q("decimal", "r", { constraint: ". < 5000" }),
    ]));
    expect(qs[1].constraint).toEqual({ test: { q: "r", op: "lt", value: 5000 } });
    expect(qs[0].constraint).toEqual({
      test: { all: [{ q: "n1", op: "gte", value: 0 }, { q: "n1", op: "lte", value: 15 }] },
      message: { fr: "Entre 0 et 15", en: "Entre 0 et 15" },
    });
  });

  it("compiles choice_filter over a column of the choices sheet, and a plain condition", () => {
    const choices = [
      ["areas", "north", "Nord", "North"], ["areas", "south", "Sud", "South"],
      ["places", "p1", "Lieu 1", "Place 1", "north"], ["places", "p2", "Lieu 2", "Place 2", "south"], ["places", "p3", "Lieu 3", "Place 3", "north"],
    ];
    const qs = questions(book([
      q("select_one areas", "area"),
      q("select_one places", "place", { choice_filter: "area = ${area}" }),
      q("select_multiple places", "places", { choice_filter: "${area} = 'south'" }),
    ], { choices }));
    expect(qs[1]).toMatchObject({ options: [
      { value: "p1", showIf: { q: "area", op: "eq", value: "north" } },
      { value: "p2", showIf: { q: "area", op: "eq", value: "south" } },
      { value: "p3", showIf: { q: "area", op: "eq", value: "north" } },
    ] });
    expect(qs[2]).toMatchObject({ options: [{ showIf: { q: "area", op: "eq", value: "south" } }, {}, {}] });
  });

  it("adds an \"other\" choice and a required free-text follow-up for or_other", () => {
    const qs = questions(book([q("select_one colors or_other", "c1"), q("select_multiple colors or_other", "c2")]));
    expect(qs.map((x) => x.id)).toEqual(["c1", "c1_other", "c2", "c2_other"]);
    expect(qs[0]).toMatchObject({ options: [{}, {}, {}, { value: "other", label: { fr: "Autre", en: "Other" } }] });
    expect(qs[1]).toMatchObject({ type: "text", required: true, showIf: { q: "c1", op: "eq", value: "other" } });
    expect(qs[3]).toMatchObject({ showIf: { q: "c2", op: "includes", value: "other" } });
  });

  it("ignores metadata rows that ask the person nothing, and rows without a type", () => {
    expect(questions(book([{ type: "start", name: "start" }, q("text", "t1"), { name: "comment only" }])).map((x) => x.id)).toEqual(["t1"]);
  });
});

describe("XLSForm compiler: refusals name sheet, row and column", () => {
  const one = (wb: WorkbookData) => {
    const issues = issuesOf(wb);
    return issues.map((i) => ({ code: i.code, sheet: i.sheet, row: i.row, column: i.column?.split(" ")[0] }));
  };

  it.each([
    ["an unknown type", [q("geopoint", "where")], { code: "unknown_type", row: 2, column: "A" }],
    ["select_one without a list", [q("select_one", "s")], { code: "unknown_type", row: 2, column: "A" }],
    ["an unknown list", [q("select_one shapes", "s")], { code: "unknown_list", row: 2, column: "A" }],
    ["a duplicate name", [q("text", "t"), q("text", "t")], { code: "duplicate_name", row: 3, column: "B" }],
    ["a name of the common questionnaire", [q("text", "sex")], { code: "reserved_name", row: 2, column: "B" }],
    ["a name with capitals", [q("text", "Ville")], { code: "bad_name", row: 2, column: "B" }],
    ["a missing name", [{ type: "text", "label::fr": "x" }], { code: "missing_name", row: 2, column: "B" }],
    ["a missing label", [{ type: "text", name: "t", "label::en": "x" }], { code: "missing_label", row: 2, column: "C" }],
    ["a bad required", [q("text", "t", { required: "maybe" })], { code: "bad_required", row: 2, column: "F" }],
    ["an unknown function", [q("integer", "n"), q("text", "t", { relevant: "count-selected(${n}) > 1" })], { code: "expr_function", row: 3, column: "G" }],
    ["a reference to an unknown question", [q("text", "t", { relevant: "${ghost} = 'a'" })], { code: "expr_unknown_ref", row: 2, column: "G" }],
    ["a reference to a later question", [q("text", "t", { relevant: "${u} = 'a'" }), q("text", "u")], { code: "expr_later_ref", row: 2, column: "G" }],
    ["a relevant on itself", [q("text", "t", { relevant: "${t} = 'a'" })], { code: "expr_self_ref", row: 2, column: "G" }],
    ["a value not in the list", [q("select_one colors", "c"), q("text", "t", { relevant: "${c} = 'green'" })], { code: "expr_value", row: 3, column: "G" }],
    ["a number compared with text", [q("integer", "n"), q("text", "t", { relevant: "${n} > 'a'" })], { code: "expr_type", row: 3, column: "G" }],
    ["= on a multiple choice", [q("select_multiple colors", "c"), q("text", "t", { relevant: "${c} = 'red'" })], { code: "expr_type", row: 3, column: "G" }],
    ["two questions compared", [q("integer", "n"), q("integer", "m", { constraint: ". < ${n}" })], { code: "expr_type", row: 3, column: "H" }],
    ["a dot outside a constraint", [q("text", "t", { relevant: ". = 'a'" })], { code: "expr_dot", row: 2, column: "G" }],
    ["broken syntax", [q("integer", "n"), q("text", "t", { relevant: "${n} > " })], { code: "expr_syntax", row: 3, column: "G" }],
    ["an unbalanced parenthesis", [q("integer", "n"), q("text", "t", { relevant: "(${n} > 1" })], { code: "expr_syntax", row: 3, column: "G" }],
    ["a grid of the common questionnaire", [q("text", "t", { relevant: "${benefits} = 'a'" })], { code: "expr_composite_ref", row: 2, column: "G" }],
    ["an unknown filter column", [q("select_one colors", "c"), q("select_one colors", "d", { choice_filter: "shade = ${c}" })], { code: "expr_column", row: 3, column: "J" }],
    ["an empty filter cell", [q("select_one colors", "c"), q("select_one colors", "d", { choice_filter: "area = ${c}" })], { code: "expr_filter_empty", row: 3, column: "J" }],
    ["nested groups", [q("begin_group", "g1"), q("begin_group", "g2"), q("text", "t"), { type: "end_group" }], { code: "nested_group", row: 3, column: "A" }],
    ["an end_group without a group", [q("text", "t"), { type: "end_group" }], { code: "stray_end_group", row: 3, column: "A" }],
    ["an empty group", [q("text", "t"), q("begin_group", "g1"), { type: "end_group" }], { code: "empty_group", row: 3, column: "A" }],
    ["a bad parameter", [q("text", "t", { parameters: "rows=3" })], { code: "bad_parameters", row: 2, column: "L" }],
  ] as const)("refuses %s", (_, survey, expected) => {
    expect(one(book(survey as unknown as SurveyRow[]))).toContainEqual({ sheet: "survey", ...expected });
  });

  it("reports a refused row once, not again at each question that reads it", () => {
    const issues = issuesOf(book([q("geopoint", "g"), q("text", "t", { relevant: "${g} = 'a'" }), q("text", "u", { relevant: "${zz} = 'a'" })]));
    expect(issues.map((i) => [i.row, i.code])).toEqual([[2, "unknown_type"], [4, "expr_unknown_ref"]]);
  });

  it("refuses an unclosed group and a form without questions", () => {
    expect(issuesOf(book([q("begin_group", "g1"), q("text", "t")])).map((i) => i.code)).toContain("unclosed_group");
    expect(issuesOf(book([{ type: "start", name: "start" }])).map((i) => i.code)).toContain("no_questions");
  });

  it("refuses faults of the choices sheet at their row", () => {
    const issues = issuesOf(book([q("select_one colors", "c")], {
      choices: [["colors", "red", "Rouge"], ["colors", "red", "Rouge encore"], ["colors", "Bleu clair", "Bleu"], ["colors", "green", ""], ["solo", "x", "X"]],
    }));
    expect(issues.map((i) => [i.sheet, i.row, i.code])).toEqual([
      ["choices", 3, "duplicate_choice"], ["choices", 4, "bad_choice_name"], ["choices", 5, "missing_label"],
    ]);
    expect(issuesOf(book([q("select_one solo", "c")], { choices: [["solo", "x", "X"]] })).map((i) => i.code)).toContain("short_list");
    expect(issuesOf(book([q("select_one colors or_other", "c")], { choices: [["colors", "other", "Autre"], ["colors", "a", "A"]] })).map((i) => i.code)).toContain("other_exists");
  });

  it("refuses missing sheets, columns, settings and duplicate headers", () => {
    const wb = book([q("text", "t")]);
    wb.delete("settings");
    expect(issuesOf(wb)).toContainEqual({ sheet: "settings", code: "missing_sheet", params: { name: "settings" } });
    const noSurvey = book([]);
    noSurvey.delete("survey");
    expect(issuesOf(noSurvey).map((i) => i.code)).toContain("missing_sheet");
    expect(issuesOf(book([{ type: "text" }], { surveyHead: ["type", "label::fr"] })).map((i) => i.code)).toEqual(["missing_column"]);
    expect(issuesOf(book([{ type: "text" }], { surveyHead: ["type", "name", "label::fr", "Label::FR"] }))[0]).toMatchObject({ code: "duplicate_column", row: 1, column: "D (Label::FR)" });
    expect(issuesOf(book([q("text", "t")], { settings: [["form_title", "form_id"], ["Titre", "Mon Module"]] }))[0]).toMatchObject({ sheet: "settings", row: 2, code: "bad_form_id" });
    expect(issuesOf(book([q("text", "t")], { settings: [["form_title", "form_id"], ["Titre", "common"]] }))[0]).toMatchObject({ code: "bad_form_id" });
    expect(issuesOf(book([q("text", "t")], { settings: [["form_id"], ["mod"]] }))[0]).toMatchObject({ code: "missing_setting", params: { name: "form_title" } });
  });

  it("refuses too many columns and too long labels", () => {
    const wide = book([q("text", "t")], { surveyHead: [...SURVEY_HEAD, ...Array.from({ length: 60 }, (_, i) => `extra${i}`)] });
    expect(issuesOf(wide).map((i) => i.code)).toContain("too_many_columns");
    expect(issuesOf(book([q("text", "t", { "label::fr": "x".repeat(1500) })]))[0]).toMatchObject({ code: "label_too_long", row: 2 });
  });

  it("refuses too many rows and too long cells", () => {
    const many = Array.from({ length: 1001 }, (_, i) => q("text", `t${i}`));
    expect(issuesOf(book(many)).map((i) => i.code)).toContain("too_many_rows");
    expect(issuesOf(book([q("text", "t", { "label::fr": "x".repeat(5000) })]))[0]).toMatchObject({ code: "cell_too_long", row: 2, column: "C" });
  });

  it("collects several faults at once, and says so in French with the place", () => {
    const issues = issuesOf(book([q("geopoint", "g"), q("text", "t", { relevant: "${nope} = 'a'" })]));
    expect(issues).toHaveLength(2);
    const t = translatorFor("fr");
    expect(formatIssue(t, issues[1])).toBe(
      "Feuille « survey », ligne 3, colonne G (relevant) : La question « nope » n'existe pas.".replace(/« /g, "«\u00a0").replace(/ »/g, "\u00a0»").replace(/ :/g, "\u00a0:"),
    );
  });
});
