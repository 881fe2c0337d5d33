// zod/mini: the same checks as zod, tree-shaken to a few KB in the browser bundle.
import * as z from "zod/mini";
import type { Answers } from "@/db/schema/responses";
import { evaluate, isAnswered, rowMatches } from "./conditions";
import { DONT_KNOW, OUTSIDE_TERRITORY, PREFER_NOT } from "./constants";
import type { LocalizedText, Question, QuestionOf, Section } from "./definition-schema";
import { cascadeItems, cascadeOptionsAt, resolveVisibility, type Flow } from "./flow";
import { fieldName } from "./form-fields";

/** What validation needs besides the definition: the territory's choices and the clock. */
export type EngineContext = { neighbourhoodCodes: string[]; now: Date };

/** An error is a message key (translated by the caller) attached to one form field. */
export type FieldError = {
  field: string; key: ErrorKey; params?: Record<string, number>;
  /** The definition's own message (a failed `constraint`), preferred over the key's text when set. */
  message?: LocalizedText;
};
export type ErrorKey =
  | "required" | "choice" | "number" | "range" | "too_long" | "exclusive" | "too_many" | "cascade_level"
  | "decimal" | "date" | "constraint";

/** "YYYY-MM-DD" naming a real calendar day. */
export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const yesNoValues = (q: QuestionOf<"yes_no">) => (q.dontKnow ? ["yes", "no", "dk"] : ["yes", "no"]);

// Schemas are built once per question (and per year / neighbourhood list where they depend on them).
const schemaCache = new WeakMap<Question, { key: string; schema: z.ZodMiniType }>();

function cachedAnswerSchema(q: Question, ctx: EngineContext): z.ZodMiniType {
  const key = q.type === "year" ? String(ctx.now.getUTCFullYear()) : q.type === "neighbourhood" ? ctx.neighbourhoodCodes.join("|") : "";
  const hit = schemaCache.get(q);
  if (hit && hit.key === key) return hit.schema;
  const schema = answerSchema(q, ctx);
  schemaCache.set(q, { key, schema });
  return schema;
}

/** The zod schema of one complete, non-empty answer. */
export function answerSchema(q: Question, ctx: EngineContext): z.ZodMiniType {
  const orPreferNot = (s: z.ZodMiniType) => (q.preferNot ? z.union([z.literal(PREFER_NOT), s]) : s);
  const oneOf = (values: string[]) => z.enum(values as [string, ...string[]]);
  switch (q.type) {
    case "single":
      return orPreferNot(oneOf(q.options.map((o) => o.value)));
    case "yes_no":
      return orPreferNot(oneOf(yesNoValues(q)));
    case "neighbourhood":
      return orPreferNot(oneOf([...ctx.neighbourhoodCodes, OUTSIDE_TERRITORY, DONT_KNOW]));
    case "multiple": {
      const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.value));
      return orPreferNot(
        z.array(oneOf(q.options.map((o) => o.value))).check(
          z.minLength(1),
          z.maxLength(q.max ?? q.options.length),
          z.refine((vs) => vs.length === 1 || !vs.some((v) => exclusive.has(v)), { params: { exclusive: true } }),
        ),
      );
    }
    case "number":
      return orPreferNot(z.int().check(z.minimum(q.min), z.maximum(q.max)));
    case "year":
      return orPreferNot(z.int().check(z.minimum(q.min), z.maximum(ctx.now.getUTCFullYear() + q.maxOffset)));
    case "decimal": {
      const checks = [
        ...(q.min !== undefined ? [z.minimum(q.min)] : []),
        ...(q.max !== undefined ? [z.maximum(q.max)] : []),
      ];
      return orPreferNot(checks.length ? z.number().check(...checks) : z.number());
    }
    case "date":
      return orPreferNot(z.string().check(z.refine(isIsoDate)));
    case "note":
      return z.never();
    case "text":
    case "long_text":
      return orPreferNot(z.string().check(z.trim(), z.minLength(1), z.maxLength(q.maxLength)));
    case "benefit_grid":
    case "cascade":
      // Composite answers are checked cell by cell in validateQuestion.
      return z.record(z.string(), z.unknown());
  }
}

/** The bounds a number or year question accepts (a year's maximum moves with the clock). */
export function numberBounds(q: QuestionOf<"number"> | QuestionOf<"year">, now: Date): { min: number; max: number } {
  return q.type === "number" ? { min: q.min, max: q.max } : { min: q.min, max: now.getUTCFullYear() + q.maxOffset };
}

function issueToError(field: string, q: Question, issue: z.core.$ZodIssue | undefined, ctx: EngineContext): FieldError {
  if (!issue) return { field, key: "choice" };
  if (q.type === "date") return { field, key: "date" };
  if (q.type === "decimal") {
    if ((issue.code === "too_small" || issue.code === "too_big") && q.min !== undefined && q.max !== undefined) {
      return { field, key: "range", params: { min: q.min, max: q.max } };
    }
    return { field, key: "decimal" };
  }
  if (issue.code === "custom") return { field, key: "exclusive" };
  if (q.type === "number" || q.type === "year") {
    if (issue.code === "too_small" || issue.code === "too_big") {
      // The bounds come from the question itself, never from the issue (which may not carry them).
      return { field, key: "range", params: numberBounds(q, ctx.now) };
    }
    return { field, key: "number" };
  }
  if (issue.code === "too_big") {
    return q.type === "multiple"
      ? { field, key: "too_many", params: { max: q.max ?? q.options.length } }
      : { field, key: "too_long", params: { max: "maxLength" in q ? q.maxLength : 0 } };
  }
  return { field, key: "choice" };
}

function validateGrid(q: QuestionOf<"benefit_grid">, value: unknown): FieldError[] {
  const cells = (value ?? {}) as Record<string, Record<string, string>>;
  const errors: FieldError[] = [];
  for (const row of q.rows) {
    const kept: Record<string, string> = {};
    for (const col of q.columns) {
      if (!rowMatches(kept, col.showIf)) continue;
      const field = fieldName(q.id, row.value, col.id);
      const v = cells[row.value]?.[col.id];
      if (v === undefined) {
        if (q.required) errors.push({ field, key: "required" });
      } else if (!col.options.some((o) => o.value === v)) errors.push({ field, key: "choice" });
      else kept[col.id] = v;
    }
  }
  return errors;
}

function validateCascade(flow: Flow, q: QuestionOf<"cascade">, value: unknown, answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  const items = cascadeItems(flow, q, answers);
  const byItem = (q.forEach ? value ?? {} : { "": value ?? {} }) as Record<string, Record<string, string>>;
  for (const item of items) {
    const chosen = byItem[item] ?? {};
    const path: (string | undefined)[] = [];
    for (let depth = 0; depth < q.levels.length; depth++) {
      const level = q.levels[depth];
      const options = cascadeOptionsAt(q, path, depth);
      if (options.length === 0) break; // a leaf was chosen above: nothing more to ask
      const field = fieldName(q.id, item, level.id);
      const v = chosen[level.id];
      if (v === undefined) {
        if (q.required && level.required) errors.push({ field, key: depth === 0 ? "required" : "cascade_level" });
        break;
      }
      if (!options.some((o) => o.value === v)) {
        errors.push({ field, key: "choice" });
        break;
      }
      path.push(v);
    }
  }
  return errors;
}

export function validateQuestion(
  flow: Flow, q: Question, value: unknown, answers: Answers, ctx: EngineContext,
): FieldError[] {
  if (q.type === "benefit_grid") return isAnswered(value) || q.required ? validateGrid(q, value) : [];
  if (q.type === "cascade") return isAnswered(value) || q.required ? validateCascade(flow, q, value, answers) : [];
  if (q.type === "note") return [];
  const field = fieldName(q.id);
  if (!isAnswered(value)) return q.required ? [{ field, key: "required" }] : [];
  const result = cachedAnswerSchema(q, ctx).safeParse(value);
  if (!result.success) return [issueToError(field, q, result.error.issues[0], ctx)];
  if (value === PREFER_NOT) return [];
  if ((q.type === "single" || q.type === "multiple") && q.options.some((o) => o.showIf)) {
    // Options filtered by earlier answers (choice_filter): one not offered is not a choice.
    const offered = new Set(offeredOptions(q, answers).map((o) => o.value));
    if ((Array.isArray(value) ? value : [value]).some((v) => !offered.has(String(v)))) return [{ field, key: "choice" }];
  }
  if (q.constraint && !evaluate(q.constraint.test, { ...answers, [q.id]: value })) {
    return [{ field, key: "constraint", ...(q.constraint.message ? { message: q.constraint.message } : {}) }];
  }
  return [];
}

/** The options of a choice question offered given the answers so far (choice_filter). */
export function offeredOptions<O extends { showIf?: Parameters<typeof evaluate>[0] }>(q: { options: O[] }, answers: Answers): O[] {
  return q.options.filter((o) => evaluate(o.showIf, answers));
}

/**
 * Validates one section as the person would see it after posting: the section's new values
 * are merged over earlier answers, visibility is recomputed, and only visible questions count.
 */
export function validateSection(
  flow: Flow, section: Section, answersSoFar: Answers, posted: Answers, ctx: EngineContext,
): { answers: Answers; errors: FieldError[] } {
  const merged: Answers = { ...answersSoFar };
  for (const [id, v] of Object.entries(posted)) {
    if (v === undefined) delete merged[id];
    else merged[id] = v;
  }
  const visible = resolveVisibility(flow, merged);
  const errors: FieldError[] = [];
  for (const q of section.questions) {
    if (!visible.questions.has(q.id)) continue;
    errors.push(...validateQuestion(flow, q, merged[q.id], visible.answers, ctx));
  }
  return { answers: visible.answers, errors };
}

/** Full check before a response is stored: every visible question of every visible section. */
export function validateAll(flow: Flow, answers: Answers, ctx: EngineContext) {
  const visible = resolveVisibility(flow, answers);
  const errors: (FieldError & { section: string })[] = [];
  for (const s of visible.sections) {
    for (const q of s.questions) {
      if (!visible.questions.has(q.id)) continue;
      for (const e of validateQuestion(flow, q, visible.answers[q.id], visible.answers, ctx)) {
        errors.push({ ...e, section: s.id });
      }
    }
  }
  return { answers: visible.answers, sections: visible.sections, errors };
}
