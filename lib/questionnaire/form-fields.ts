import type { Answers } from "@/db/schema/responses";
import { PREFER_NOT } from "./constants";
import type { Question, Section } from "./definition-schema";
import { cascadeItems, type Flow } from "./flow";

/**
 * Form field names and the parsing of a posted section back into answers. The same code runs
 * on the server (FormData) and in the browser (react-hook-form values). Names avoid dots,
 * which react-hook-form would read as nested paths.
 */
const SEP = "__";

export function fieldName(questionId: string, item?: string, field?: string): string {
  return ["q", questionId, item || undefined, field].filter((p) => p !== undefined).join(SEP);
}
export function preferNotField(questionId: string): string {
  return `pn${SEP}${questionId}`;
}
/** Cascade radios below the first level post "parent:value", so that one group is unambiguous. */
export function cascadeValue(parent: string, value: string) {
  return `${parent}:${value}`;
}

export type FieldReader = (name: string) => string[];

export function readerFromFormData(form: FormData): FieldReader {
  return (name) => form.getAll(name).filter((v): v is string => typeof v === "string");
}
export function readerFromValues(values: Record<string, unknown>): FieldReader {
  return (name) => {
    const v = values[name];
    if (v === undefined || v === null || v === false) return [];
    if (Array.isArray(v)) return v.map(String);
    if (v === true) return ["on"];
    return [String(v)];
  };
}

const first = (values: string[]) => values.map((v) => v.trim()).find((v) => v !== "");

function parseNumber(raw: string | undefined): number | string | undefined {
  if (raw === undefined) return undefined;
  // Accept "3", " 3 ", "1 200" and "3,0"; anything else is kept as text for a clear error.
  const compact = raw.replace(/\s/g, "").replace(/,0+$/, "");
  return /^-?\d{1,9}$/.test(compact) ? Number(compact) : raw;
}

function parseDecimal(raw: string | undefined): number | string | undefined {
  if (raw === undefined) return undefined;
  // "3,5", "3.5", "1 200,50", "-2": a French comma or a point; anything else stays text for a clear error.
  const compact = raw.replace(/\s/g, "").replace(",", ".");
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(compact) ? Number(compact) : raw;
}

function parseDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // A date field posts "YYYY-MM-DD"; a browser without one may get "31/12/2026".
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  return fr ? `${fr[3]}-${fr[2].padStart(2, "0")}-${fr[1].padStart(2, "0")}` : raw.trim();
}

function parseQuestion(flow: Flow, q: Question, read: FieldReader, answers: Answers): unknown {
  const preferNot = q.preferNot && read(preferNotField(q.id)).length > 0;
  switch (q.type) {
    case "single":
    case "yes_no":
    case "neighbourhood":
      return first(read(fieldName(q.id)));
    case "multiple": {
      const values = read(fieldName(q.id)).filter((v) => v !== "");
      if (values.includes(PREFER_NOT)) return PREFER_NOT;
      return values.length ? [...new Set(values)] : undefined;
    }
    case "number":
    case "year":
      return preferNot ? PREFER_NOT : parseNumber(first(read(fieldName(q.id))));
    case "decimal":
      return preferNot ? PREFER_NOT : parseDecimal(first(read(fieldName(q.id))));
    case "date":
      return preferNot ? PREFER_NOT : parseDate(first(read(fieldName(q.id))));
    case "note":
      return undefined;
    case "text":
    case "long_text":
      return preferNot ? PREFER_NOT : first(read(fieldName(q.id)));
    case "benefit_grid": {
      const out: Record<string, Record<string, string>> = {};
      for (const row of q.rows) {
        for (const col of q.columns) {
          const v = first(read(fieldName(q.id, row.value, col.id)));
          if (v !== undefined) (out[row.value] ??= {})[col.id] = v;
        }
      }
      return Object.keys(out).length ? out : undefined;
    }
    case "cascade": {
      const parseItem = (item: string) => {
        const out: Record<string, string> = {};
        q.levels.forEach((level, depth) => {
          const raw = first(read(fieldName(q.id, item, level.id)));
          if (raw === undefined) return;
          if (depth === 0) out[level.id] = raw;
          else {
            // Keep only a choice that belongs to the chosen parent; a mismatch reads as missing.
            const sep = raw.lastIndexOf(":");
            const parent = sep >= 0 ? raw.slice(0, sep) : undefined;
            if (parent === out[q.levels[depth - 1].id]) out[level.id] = raw.slice(sep + 1);
          }
        });
        return Object.keys(out).length ? out : undefined;
      };
      if (!q.forEach) return parseItem("");
      const out: Record<string, Record<string, string>> = {};
      for (const item of cascadeItems(flow, q, answers)) {
        const v = parseItem(item);
        if (v) out[item] = v;
      }
      return Object.keys(out).length ? out : undefined;
    }
  }
}

/**
 * Reads every question of a section from posted fields. `answers` are the answers so far
 * (for cascades that repeat over an earlier grid). Missing values come back undefined.
 */
export function parseSection(flow: Flow, section: Section, read: FieldReader, answers: Answers): Answers {
  const out: Answers = {};
  const merged = { ...answers };
  for (const q of section.questions) {
    const v = parseQuestion(flow, q, read, merged);
    out[q.id] = v;
    if (v === undefined) delete merged[q.id];
    else merged[q.id] = v;
  }
  return out;
}

/** The inverse of parseSection: form values to pre-fill a section from stored answers. */
export function sectionFormValues(flow: Flow, section: Section, answers: Answers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of section.questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    if (v === PREFER_NOT && q.type !== "single" && q.type !== "yes_no" && q.type !== "multiple") {
      out[preferNotField(q.id)] = "on";
      continue;
    }
    if (q.type === "multiple") out[fieldName(q.id)] = v === PREFER_NOT ? [PREFER_NOT] : (v as string[]);
    else if (q.type === "benefit_grid") {
      for (const [row, cells] of Object.entries(v as Record<string, Record<string, string>>)) {
        for (const [col, cell] of Object.entries(cells)) out[fieldName(q.id, row, col)] = cell;
      }
    } else if (q.type === "cascade") {
      const byItem = (q.forEach ? v : { "": v }) as Record<string, Record<string, string>>;
      for (const [item, levels] of Object.entries(byItem)) {
        q.levels.forEach((level, depth) => {
          const chosen = levels[level.id];
          if (chosen === undefined) return;
          out[fieldName(q.id, item, level.id)] =
            depth === 0 ? chosen : cascadeValue(levels[q.levels[depth - 1].id], chosen);
        });
      }
    } else out[fieldName(q.id)] = String(v);
  }
  return out;
}

/** Posted values (every field a list) back to form values: lists only for multiple choices. */
export function postedToFormValues(section: Section, posted: Record<string, string[]>): Record<string, string | string[]> {
  const lists = new Set(section.questions.filter((q) => q.type === "multiple").map((q) => fieldName(q.id)));
  return Object.fromEntries(Object.entries(posted).map(([k, v]) => [k, lists.has(k) ? v : v[0] ?? ""]));
}
