import ExcelJS from "exceljs";
import type { Condition, LocalizedText, Option, QuestionnaireDefinition, QuestionOf } from "@/lib/questionnaire/definition-schema";
import type { Question } from "@/lib/questionnaire/definition-schema";
import { INTEGER_BOUND, LONG_TEXT_MAX, OTHER_LABEL, OTHER_TEXT_LABEL, OTHER_VALUE, otherQuestionId, TEXT_MAX } from "./compile";

const sameText = (a: LocalizedText | undefined, b: LocalizedText) => !!a && a.fr === b.fr && a.en === b.en;

/** A choice question followed by the "Autre" choice and text question that `or_other` makes. */
function isOrOther(q: Question, next: Question | undefined): boolean {
  if (q.type !== "single" && q.type !== "multiple") return false;
  const last = q.options[q.options.length - 1];
  if (!last || last.value !== OTHER_VALUE || !sameText(last.label, OTHER_LABEL) || last.showIf || last.exclusive) return false;
  if (!next || next.id !== otherQuestionId(q.id) || next.type !== "text" || next.maxLength !== TEXT_MAX || !next.required) return false;
  if (!sameText(next.label, OTHER_TEXT_LABEL) || next.help || next.constraint || next.preferNot) return false;
  const s = next.showIf;
  return !!s && "q" in s && s.q === q.id && s.value === OTHER_VALUE && s.op === (q.type === "single" ? "eq" : "includes") && !s.item && !s.field;
}

/**
 * A module definition → an XLSForm workbook (survey, choices, settings) that the compiler reads
 * back to the same definition. Only what the XLSForm subset can say is exported; anything else
 * (grids, cascades, "prefer not to say"…) throws, so a download never silently loses a rule.
 */
export class ExportError extends Error {}

const SURVEY = ["type", "name", "label::fr", "label::en", "hint::fr", "hint::en", "required", "relevant", "constraint",
  "constraint_message::fr", "constraint_message::en", "choice_filter", "appearance", "parameters"] as const;
type SurveyRow = Partial<Record<(typeof SURVEY)[number], string>>;

const literal = (v: string | number | undefined) => (typeof v === "number" ? String(v) : `'${String(v ?? "")}'`);
const OPS = { eq: "=", neq: "!=", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

/** A condition as an XLSForm expression (`self` is written `.`). */
export function expressionOf(c: Condition, self?: string, nested = false): string {
  if ("all" in c || "any" in c) {
    const items = "all" in c ? c.all : c.any;
    const text = items.map((x) => expressionOf(x, self, true)).join("all" in c ? " and " : " or ");
    return nested && items.length > 1 ? `(${text})` : text;
  }
  if ("not" in c) return `not(${expressionOf(c.not, self)})`;
  if (c.item !== undefined || c.field !== undefined) throw new ExportError(`condition on a cell of ${c.q}`);
  const ref = c.q === self ? "." : `\${${c.q}}`;
  switch (c.op) {
    case "answered":
      return `${ref} != ''`;
    case "includes":
      return `selected(${ref}, ${literal(c.value)})`;
    case "in":
    case "not_in": {
      const text = (c.values ?? []).map((v) => `${ref} = ${literal(v)}`).join(" or ");
      return c.op === "in" ? (nested ? `(${text})` : text) : `not(${text})`;
    }
    default:
      return `${ref} ${OPS[c.op]} ${literal(c.value)}`;
  }
}

const lt = (row: SurveyRow, base: "label" | "hint" | "constraint_message", text?: LocalizedText) => {
  if (!text) return;
  row[`${base}::fr`] = text.fr;
  row[`${base}::en`] = text.en;
};

type ChoiceRow = { list: string; option: Option; filter?: string };

/** choice_filter for a question whose options carry conditions: one column, or one shared condition. */
function filterOf(q: QuestionOf<"single"> | QuestionOf<"multiple">): { expression?: string; column?: string; values?: Map<string, string> } {
  const conditions = q.options.map((o) => o.showIf);
  if (conditions.every((c) => !c)) return {};
  const texts = conditions.map((c) => (c ? expressionOf(c) : ""));
  if (texts.every((t) => t === texts[0])) return { expression: texts[0] };
  // Per-option tests on one earlier question: a filter column of the choices sheet.
  const leaves = conditions.map((c) => (c && "q" in c && (c.op === "eq" || c.op === "includes") && !c.item && !c.field ? c : null));
  const first = leaves[0];
  if (first && leaves.every((l) => l && l.q === first.q && l.op === first.op)) {
    const column = `filter_${q.id}`;
    const values = new Map(q.options.map((o, i) => [o.value, String(leaves[i]!.value)]));
    return { column, values, expression: first.op === "eq" ? `${column} = \${${first.q}}` : `selected(\${${first.q}}, ${column})` };
  }
  throw new ExportError(`options of ${q.id}: conditions the choice_filter subset cannot express`);
}

export function definitionToRows(def: QuestionnaireDefinition) {
  const survey: SurveyRow[] = [];
  const choices: ChoiceRow[] = [];
  const filterColumns: string[] = [];
  const filterValues = new Map<string, Map<string, string>>(); // list → value → cell

  for (const s of def.sections) {
    const group: SurveyRow = { type: "begin_group", name: s.id };
    lt(group, "label", s.title);
    lt(group, "hint", s.intro);
    if (s.showIf) group.relevant = expressionOf(s.showIf);
    survey.push(group);
    for (let index = 0; index < s.questions.length; index++) {
      let q = s.questions[index];
      const orOther = isOrOther(q, s.questions[index + 1]);
      if (orOther && (q.type === "single" || q.type === "multiple")) {
        q = { ...q, options: q.options.slice(0, -1) } as typeof q;
        index += 1; // the "Autre : précisez" question is written by `or_other`
      }
      if (q.preferNot) throw new ExportError(`${q.id}: "prefer not to say"`);
      const row: SurveyRow = { name: q.id, required: q.required ? "yes" : "" };
      lt(row, "label", q.label);
      lt(row, "hint", q.help);
      if (q.showIf) row.relevant = expressionOf(q.showIf);
      if (q.constraint) {
        row.constraint = expressionOf(q.constraint.test, q.id);
        lt(row, "constraint_message", q.constraint.message);
      }
      switch (q.type) {
        case "single":
        case "multiple": {
          if (q.type === "multiple" && q.max !== undefined) throw new ExportError(`${q.id}: maximum number of choices`);
          row.type = `${q.type === "single" ? "select_one" : "select_multiple"} ${q.id}${orOther ? " or_other" : ""}`;
          if (q.type === "single" && q.display === "select") row.appearance = "minimal";
          const filter = filterOf(q);
          if (filter.expression) row.choice_filter = filter.expression;
          if (filter.column) {
            filterColumns.push(filter.column);
            filterValues.set(q.id, filter.values!);
          }
          for (const o of q.options) choices.push({ list: q.id, option: o, filter: filter.values?.get(o.value) });
          break;
        }
        case "number":
          if (q.min !== -INTEGER_BOUND || q.max !== INTEGER_BOUND) {
            // Bounds other than the compiler's own become part of the constraint.
            const bounds: Condition = { all: [{ q: q.id, op: "gte", value: q.min }, { q: q.id, op: "lte", value: q.max }] };
            row.constraint = expressionOf(q.constraint ? { all: [bounds, q.constraint.test] } : bounds, q.id);
          }
          if (q.unit) throw new ExportError(`${q.id}: unit`);
          row.type = "integer";
          break;
        case "decimal":
          if (q.min !== undefined || q.max !== undefined) throw new ExportError(`${q.id}: decimal bounds`);
          row.type = "decimal";
          break;
        case "date":
          row.type = "date";
          break;
        case "note":
          row.type = "note";
          row.required = "";
          break;
        case "text":
        case "long_text":
          row.type = "text";
          if (q.type === "long_text") row.appearance = "multiline";
          if (q.maxLength !== (q.type === "long_text" ? LONG_TEXT_MAX : TEXT_MAX)) row.parameters = `max-length=${q.maxLength}`;
          break;
        default:
          throw new ExportError(`${q.id}: type ${q.type}`);
      }
      survey.push(row);
    }
    survey.push({ type: "end_group" });
  }
  return { survey, choices, filterColumns };
}

/** The workbook as .xlsx bytes. */
export async function exportXlsform(def: QuestionnaireDefinition, opts: { version?: string } = {}): Promise<Uint8Array> {
  const { survey, choices, filterColumns } = definitionToRows(def);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Baromètre du non-recours";
  const s = wb.addWorksheet("survey");
  s.addRow([...SURVEY]);
  for (const r of survey) s.addRow(SURVEY.map((h) => r[h] ?? ""));
  const c = wb.addWorksheet("choices");
  c.addRow(["list_name", "name", "label::fr", "label::en", "exclusive", ...filterColumns]);
  for (const r of choices) {
    c.addRow([
      r.list, r.option.value, r.option.label.fr, r.option.label.en, r.option.exclusive ? "yes" : "",
      ...filterColumns.map((col) => (col === `filter_${r.list}` ? r.filter ?? "" : "")),
    ]);
  }
  const st = wb.addWorksheet("settings");
  st.addRow(["form_title", "form_title::en", "form_id", "version", "default_language"]);
  st.addRow([def.title.fr, def.title.en, def.key, opts.version ?? "", "fr"]);
  for (const ws of [s, c, st]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => { col.width = 22; });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
