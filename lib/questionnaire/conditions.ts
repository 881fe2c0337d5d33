import type { Answers } from "@/db/schema/responses";
import type { Condition, LeafCondition, RowCondition } from "./definition-schema";

/** Pure evaluation of display conditions over answers. Unanswered never satisfies a test. */

type Cell = string | number | string[] | undefined;

export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value as object).length > 0;
  return true;
}

function lookup(answers: Answers, c: LeafCondition): Cell {
  let v: unknown = answers[c.q];
  if (c.item !== undefined) v = (v as Record<string, unknown> | undefined)?.[c.item];
  if (c.field !== undefined) v = (v as Record<string, unknown> | undefined)?.[c.field];
  return v as Cell;
}

function testValue(v: Cell, op: LeafCondition["op"], value?: string | number, values?: string[]) {
  if (!isAnswered(v)) return false;
  switch (op) {
    case "answered":
      return true;
    case "eq":
      return v === value;
    case "neq":
      return v !== value;
    case "in":
      return typeof v === "string" && (values ?? []).includes(v);
    case "not_in":
      return typeof v === "string" && !(values ?? []).includes(v);
    case "includes":
      return Array.isArray(v) && v.includes(String(value));
    case "gt":
      return typeof v === "number" && v > Number(value);
    case "gte":
      return typeof v === "number" && v >= Number(value);
    case "lt":
      return typeof v === "number" && v < Number(value);
    case "lte":
      return typeof v === "number" && v <= Number(value);
  }
}

export function evaluate(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  if ("all" in condition) return condition.all.every((c) => evaluate(c, answers));
  if ("any" in condition) return condition.any.some((c) => evaluate(c, answers));
  if ("not" in condition) return !evaluate(condition.not, answers);
  return testValue(lookup(answers, condition), condition.op, condition.value, condition.values);
}

/** All row conditions hold for one grid row (e.g. `known = yes` and `received in [no, dk]`). */
export function rowMatches(row: Record<string, string> | undefined, conditions: RowCondition[] | undefined) {
  if (!conditions) return true;
  return conditions.every((c) => testValue(row?.[c.field], c.op, c.value, c.values));
}

/** The question ids a condition reads, to check that it only looks backwards. */
export function referencedQuestions(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ("all" in condition) return condition.all.flatMap(referencedQuestions);
  if ("any" in condition) return condition.any.flatMap(referencedQuestions);
  if ("not" in condition) return referencedQuestions(condition.not);
  return [condition.q];
}
