import type {
  Condition, LocalizedText, Option, Question, QuestionnaireDefinition, QuestionnaireInput,
} from "@/lib/questionnaire/definition-schema";
import { questionnaireSchema } from "@/lib/questionnaire/definition-schema";
import { compileExpression, compileNode, ExpressionError, parseExpression, type ExprContext, type RefInfo } from "./expressions";
import { columnLetter, MAX_ISSUES, XlsformError, type XlsformIssue, type XlsformPlace } from "./issues";
import { dataRows, LIMITS, readHeaders, type Row, type SheetData, type WorkbookData } from "./sheets";

/**
 * XLSForm (survey, choices, settings as text cells) → a module definition of the questionnaire
 * engine. Pure. Every fault is collected with its sheet, row and column and thrown together as
 * an XlsformError; nothing is guessed.
 */
export type CompileOptions = {
  /** The common questionnaire the module follows: its ids are taken, its questions may be read. */
  common?: QuestionnaireDefinition;
};
export type CompiledModule = { definition: QuestionnaireInput; version?: string; title: string };

const NAME = /^[a-z][a-z0-9_]*$/;
const CHOICE = /^[a-z0-9][a-z0-9_]*$/;
const META_TYPES = new Set(["start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email", "audit"]);
export const INTEGER_BOUND = 999_999_999;
export const TEXT_MAX = 200;
export const LONG_TEXT_MAX = 1000;
const LABEL_MAX = 1000;
export const OTHER_VALUE = "other";
export const OTHER_LABEL: LocalizedText = { fr: "Autre", en: "Other" };
export const OTHER_TEXT_LABEL: LocalizedText = { fr: "Autre : précisez", en: "Other: please specify" };
export const otherQuestionId = (id: string) => `${id}_other`;

type Choice = { option: Option; row: Row };

class Collector {
  readonly issues: XlsformIssue[] = [];
  add(place: XlsformPlace, code: XlsformIssue["code"], params?: XlsformIssue["params"]) {
    this.issues.push({ ...place, code, ...(params ? { params } : {}) });
    if (this.issues.length >= MAX_ISSUES) {
      this.issues.push({ sheet: place.sheet, code: "too_many_issues", params: { max: MAX_ISSUES } });
      throw new XlsformError(this.issues);
    }
  }
}

function truthy(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (["yes", "true", "1", "true()", "oui", "vrai"].includes(v)) return true;
  if (["", "no", "false", "0", "false()", "non", "faux"].includes(v)) return false;
  return undefined;
}

function localized(row: Row, base: string, defaultLang: string): { fr?: string; en?: string } {
  const fr = row.get(base, "fr") || (defaultLang === "fr" ? row.get(base) : "");
  const en = row.get(base, "en") || (defaultLang === "en" ? row.get(base) : "");
  return { fr: fr || undefined, en: en || undefined };
}

/** The text of a localized column; English falls back to French. */
function text(row: Row, base: string, lang: string): LocalizedText | undefined {
  const t = localized(row, base, lang);
  return t.fr ? { fr: t.fr, en: t.en ?? t.fr } : undefined;
}

function refInfoOf(q: Question): RefInfo {
  switch (q.type) {
    case "single":
    case "multiple":
      return { id: q.id, kind: q.type, values: q.options.map((o) => o.value) };
    case "yes_no":
      return { id: q.id, kind: "single", values: q.dontKnow ? ["yes", "no", "dk"] : ["yes", "no"] };
    case "neighbourhood":
      return { id: q.id, kind: "open_choice" };
    case "number":
    case "year":
      return { id: q.id, kind: "number" };
    case "decimal":
      return { id: q.id, kind: "decimal" };
    case "text":
    case "long_text":
      return { id: q.id, kind: "text" };
    case "date":
      return { id: q.id, kind: "date" };
    default:
      return { id: q.id, kind: "composite" };
  }
}

function checkSheetSize(sheet: SheetData, maxRows: number, out: Collector) {
  if (sheet.rows.length - 1 > maxRows) out.add({ sheet: sheet.name }, "too_many_rows", { max: maxRows });
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  if (width > LIMITS.columns) out.add({ sheet: sheet.name }, "too_many_columns", { max: LIMITS.columns });
  sheet.rows.forEach((cells, i) => cells.forEach((c, j) => {
    if (c && c.length > LIMITS.cellChars) {
      out.add({ sheet: sheet.name, row: i + 1, column: columnLetter(j) }, "cell_too_long", { max: LIMITS.cellChars });
    }
  }));
}

function readSettings(sheet: SheetData | undefined, out: Collector) {
  if (!sheet) {
    out.add({ sheet: "settings" }, "missing_sheet", { name: "settings" });
    return null;
  }
  checkSheetSize(sheet, LIMITS.settingsRows, out);
  const { headers, issues } = readHeaders(sheet);
  issues.forEach((i) => out.add(i, i.code, i.params));
  const row = dataRows(sheet, headers)[0];
  const place = (base: string) => ({ sheet: sheet.name, row: row?.number ?? 2, column: headers.find((h) => h.base === base)?.letter ?? base });
  const key = row?.get("form_id") ?? "";
  if (!key) out.add(place("form_id"), "missing_setting", { name: "form_id" });
  else if (!NAME.test(key) || key.length > 40 || key === "common") out.add(row!.place("form_id"), "bad_form_id", { value: key });
  const lang = row?.get("default_language") ? (languageOf(row.get("default_language"))) : "fr";
  const title = row ? text(row, "form_title", lang) : undefined;
  if (!title) out.add(place("form_title"), "missing_setting", { name: "form_title" });
  return { key, title: title ?? { fr: key, en: key }, version: row?.get("version") || undefined, lang };
}

function languageOf(raw: string) {
  const m = /\(([a-z-]+)\)\s*$/i.exec(raw.trim());
  const v = (m ? m[1] : raw).trim().toLowerCase();
  return v.startsWith("en") || v === "english" || v === "anglais" ? "en" : "fr";
}

function readChoices(sheet: SheetData | undefined, lang: string, out: Collector): Map<string, Choice[]> {
  const lists = new Map<string, Choice[]>();
  if (!sheet) return lists;
  checkSheetSize(sheet, LIMITS.choicesRows, out);
  const { headers, issues } = readHeaders(sheet);
  issues.forEach((i) => out.add(i, i.code, i.params));
  for (const base of ["list_name", "name"]) {
    if (!headers.some((h) => h.base === base)) out.add({ sheet: sheet.name, row: 1 }, "missing_column", { name: base });
  }
  if (!headers.some((h) => h.base === "label")) out.add({ sheet: sheet.name, row: 1 }, "missing_column", { name: "label::fr" });
  for (const row of dataRows(sheet, headers)) {
    const list = row.get("list_name");
    const value = row.get("name");
    if (!list) { out.add(row.place("list_name"), "missing_name"); continue; }
    if (!value) { out.add(row.place("name"), "missing_name"); continue; }
    if (!CHOICE.test(value) || value.length > 60) { out.add(row.place("name"), "bad_choice_name", { value }); continue; }
    const label = text(row, "label", lang);
    if (!label) { out.add(row.place("label", "fr"), "missing_label", { name: value }); continue; }
    if (label.fr.length > LABEL_MAX || label.en.length > LABEL_MAX) { out.add(row.place("label", "fr"), "label_too_long", { max: LABEL_MAX }); continue; }
    const choices = lists.get(list) ?? [];
    if (choices.some((c) => c.option.value === value)) { out.add(row.place("name"), "duplicate_choice", { value, list }); continue; }
    const exclusive = truthy(row.get("exclusive"));
    choices.push({ option: { value, label, ...(exclusive ? { exclusive: true } : {}) }, row });
    lists.set(list, choices);
  }
  return lists;
}

type OpenSection = { id: string; title: LocalizedText; intro?: LocalizedText; showIf?: Condition; questions: QuestionnaireInput["sections"][number]["questions"]; row?: Row };

export function compileXlsform(workbook: WorkbookData, options: CompileOptions = {}): CompiledModule {
  return compileInner(workbook, options, new Collector());
}

function compileInner(workbook: WorkbookData, options: CompileOptions, out: Collector): CompiledModule {
  const survey = workbook.get("survey");
  const settings = readSettings(workbook.get("settings"), out);
  const lang = settings?.lang ?? "fr";
  if (!survey) {
    out.add({ sheet: "survey" }, "missing_sheet", { name: "survey" });
    throw new XlsformError(out.issues);
  }
  checkSheetSize(survey, LIMITS.surveyRows, out);
  const lists = readChoices(workbook.get("choices"), lang, out);
  const { headers, issues } = readHeaders(survey);
  issues.forEach((i) => out.add(i, i.code, i.params));
  for (const base of ["type", "name"]) {
    if (!headers.some((h) => h.base === base)) out.add({ sheet: survey.name, row: 1 }, "missing_column", { name: base });
  }
  if (!headers.some((h) => h.base === "label")) out.add({ sheet: survey.name, row: 1 }, "missing_column", { name: "label::fr" });
  if (out.issues.length) throw new XlsformError(out.issues);

  const rows = dataRows(survey, headers).filter((r) => r.get("type") !== "");
  const key = settings?.key ?? "module";
  const formTitle = settings?.title ?? { fr: key, en: key };

  // Names: the common questionnaire's are taken; every survey name is known up front so that a
  // reference to a later question says so instead of "unknown".
  const known = new Map<string, RefInfo>();
  for (const s of options.common?.sections ?? []) for (const q of s.questions) known.set(q.id, refInfoOf(q));
  const reserved = new Set([...known.keys(), ...(options.common?.sections ?? []).map((s) => s.id)]);
  const laterNames = new Set(rows.map((r) => r.get("name")).filter(Boolean));
  const used = new Set<string>();
  const processed = new Set<string>();
  const lookup = (name: string) =>
    known.get(name) ?? (processed.has(name) ? ("broken" as const) : laterNames.has(name) ? ("later" as const) : undefined);
  // A reference to a question whose own row was refused: that row's fault is enough.
  const report = (row: Row, column: string, err: ExpressionError) => {
    if (!err.params.broken) out.add(row.place(column), err.code, err.params);
  };

  const sections: OpenSection[] = [];
  let group: OpenSection | null = null;
  let loose: OpenSection | null = null;
  let looseCount = 0;

  const expr = (row: Row, column: string, source: string, ctx: ExprContext): Condition | undefined => {
    try {
      return compileExpression(source, ctx);
    } catch (err) {
      if (err instanceof ExpressionError) report(row, column, err);
      else throw err;
      return undefined;
    }
  };

  const claimName = (row: Row, name: string): boolean => {
    if (!name) { out.add(row.place("name"), "missing_name"); return false; }
    if (!NAME.test(name) || name.length > 60) { out.add(row.place("name"), "bad_name", { value: name }); return false; }
    if (reserved.has(name)) { out.add(row.place("name"), "reserved_name", { value: name }); return false; }
    if (used.has(name)) { out.add(row.place("name"), "duplicate_name", { value: name }); return false; }
    used.add(name);
    return true;
  };

  const target = (): OpenSection => {
    if (group) return group;
    if (!loose) {
      looseCount += 1;
      loose = { id: looseCount === 1 ? `${key}_main` : `${key}_main_${looseCount}`, title: formTitle, questions: [] };
      if (!claimSectionId(loose.id)) loose.id = `${loose.id}_${looseCount}`;
      sections.push(loose);
    }
    return loose;
  };
  const claimSectionId = (id: string) => {
    if (used.has(id) || reserved.has(id) || laterNames.has(id)) return false;
    used.add(id);
    return true;
  };

  for (const row of rows) {
    const type = row.get("type").toLowerCase().replace(/\s+/g, " ");
    const words = type.split(" ");
    const name = row.get("name");
    if (name) processed.add(name);

    if (type === "begin_group" || type === "begin group") {
      if (group) { out.add(row.place("type"), "nested_group", { name: group.id }); continue; }
      loose = null;
      if (!claimName(row, name)) continue;
      const title = text(row, "label", lang);
      if (!title) out.add(row.place("label", "fr"), "missing_label", { name });
      const relevant = row.get("relevant");
      const showIf = relevant ? expr(row, "relevant", relevant, { lookup }) : undefined;
      const intro = text(row, "hint", lang);
      group = { id: name, title: title ?? { fr: name, en: name }, questions: [], row, ...(intro ? { intro } : {}), ...(showIf ? { showIf } : {}) };
      sections.push(group);
      continue;
    }
    if (type === "end_group" || type === "end group") {
      if (!group) { out.add(row.place("type"), "stray_end_group"); continue; }
      group = null;
      continue;
    }
    if (META_TYPES.has(type)) continue;

    const base = words[0];
    const isSelect = base === "select_one" || base === "select_multiple";
    const known_types = ["integer", "decimal", "text", "date", "note"];
    const shapeOk = isSelect
      ? words.length === 2 || (words.length === 3 && words[2] === "or_other")
      : words.length === 1 && known_types.includes(base);
    if (!shapeOk) {
      out.add(row.place("type"), "unknown_type", { type: row.get("type") });
      continue;
    }
    if (!claimName(row, name)) continue;
    const label = text(row, "label", lang);
    if (!label) { out.add(row.place("label", "fr"), "missing_label", { name }); continue; }
    if (label.fr.length > LABEL_MAX || label.en.length > LABEL_MAX) { out.add(row.place("label", "fr"), "label_too_long", { max: LABEL_MAX }); continue; }
    const help = text(row, "hint", lang);
    const requiredRaw = row.get("required");
    const required = truthy(requiredRaw);
    if (required === undefined) out.add(row.place("required"), "bad_required", { value: requiredRaw });
    const relevantRaw = row.get("relevant");
    const showIf = relevantRaw ? expr(row, "relevant", relevantRaw, { lookup, own: name }) : undefined;
    const appearance = row.get("appearance").toLowerCase();

    const common = { id: name, label, ...(help ? { help } : {}), ...(showIf ? { showIf } : {}) };
    let question: Question | QuestionnaireInput["sections"][number]["questions"][number];
    let info: RefInfo;
    let follow: QuestionnaireInput["sections"][number]["questions"][number] | null = null;

    if (isSelect) {
      const listName = words[1];
      const choices = lists.get(listName);
      if (!choices) { out.add(row.place("type"), "unknown_list", { list: listName }); continue; }
      let opts: Option[] = choices.map((c) => ({ ...c.option }));
      const orOther = words[2] === "or_other";
      if (orOther) {
        if (opts.some((o) => o.value === OTHER_VALUE)) { out.add(row.place("type"), "other_exists", { list: listName }); continue; }
        opts.push({ value: OTHER_VALUE, label: OTHER_LABEL });
      }
      if (opts.length < 2) { out.add(row.place("type"), "short_list", { list: listName }); continue; }
      const filter = row.get("choice_filter");
      if (filter) {
        try {
          const tree = parseExpression(filter);
          opts = opts.map((o) => {
            const choice = choices.find((c) => c.option.value === o.value);
            const column = (col: string) => {
              if (col === "name") return o.value;
              if (!choice) return undefined; // the added "other" has no cells: always offered
              return choice.row.header(col) ? choice.row.get(col) : undefined;
            };
            if (!choice) return o;
            return { ...o, showIf: compileNode(tree, { lookup, own: name, column }) };
          });
        } catch (err) {
          if (!(err instanceof ExpressionError)) throw err;
          report(row, "choice_filter", err);
          continue;
        }
      }
      info = { id: name, kind: base === "select_one" ? "single" : "multiple", values: opts.map((o) => o.value) };
      question = base === "select_one"
        ? { ...common, type: "single", options: opts, required: !!required, ...(appearance.includes("minimal") ? { display: "select" as const } : {}) }
        : { ...common, type: "multiple", options: opts, required: !!required };
      if (orOther) {
        follow = {
          id: otherQuestionId(name), type: "text", maxLength: TEXT_MAX, required: true, label: OTHER_TEXT_LABEL,
          showIf: base === "select_one" ? { q: name, op: "eq", value: OTHER_VALUE } : { q: name, op: "includes", value: OTHER_VALUE },
        };
      }
    } else if (base === "integer") {
      info = { id: name, kind: "number" };
      question = { ...common, type: "number", min: -INTEGER_BOUND, max: INTEGER_BOUND, required: !!required };
    } else if (base === "decimal") {
      info = { id: name, kind: "decimal" };
      question = { ...common, type: "decimal", required: !!required };
    } else if (base === "date") {
      info = { id: name, kind: "date" };
      question = { ...common, type: "date", required: !!required };
    } else if (base === "note") {
      info = { id: name, kind: "composite" };
      question = { ...common, type: "note", required: false };
    } else {
      info = { id: name, kind: "text" };
      const multiline = appearance.includes("multiline");
      let maxLength = multiline ? LONG_TEXT_MAX : TEXT_MAX;
      const params = row.get("parameters");
      if (params) {
        const m = /^max[-_]length\s*=\s*(\d{1,4})$/i.exec(params.trim());
        const n = m ? Number(m[1]) : NaN;
        if (!(n >= 1 && n <= 2000)) { out.add(row.place("parameters"), "bad_parameters", { value: params }); continue; }
        maxLength = n;
      }
      question = { ...common, type: multiline ? "long_text" : "text", maxLength, required: !!required };
    }

    const constraintRaw = row.get("constraint");
    if (constraintRaw && base !== "note") {
      const test = expr(row, "constraint", constraintRaw, { lookup, self: info });
      const message = text(row, "constraint_message", lang);
      if (test) question = { ...question, constraint: { test, ...(message ? { message } : {}) } } as typeof question;
    }

    target().questions.push(question);
    known.set(name, info);
    if (follow) {
      if (!claimName(row, follow.id)) continue;
      target().questions.push(follow);
      known.set(follow.id, { id: follow.id, kind: "text" });
    }
  }
  if (group) out.add({ sheet: survey.name, row: (group as OpenSection).row?.number }, "unclosed_group", { name: (group as OpenSection).id });
  for (const s of sections) {
    if (s.questions.length === 0 && s.row) out.add(s.row.place("type"), "empty_group", { name: s.id });
  }
  if (!sections.some((s) => s.questions.length)) out.add({ sheet: survey.name }, "no_questions");
  if (out.issues.length) throw new XlsformError(out.issues);

  const definition: QuestionnaireInput = {
    key,
    title: formTitle,
    sections: sections.map(({ row: _row, ...s }) => s),
  };
  questionnaireSchema.parse(definition); // the compiler's output is always valid, or this is a bug
  return { definition, version: settings?.version, title: formTitle.fr };
}
