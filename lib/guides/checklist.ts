import { z } from "zod";

export type Answer = "yes" | "no";
export type ChecklistItem = { id: string; question: { fr: string; en?: string }; expected: Answer };
export type ChecklistAnswers = Record<string, Answer | undefined>;
export type ChecklistResult = {
  /** "likely": every condition met ("vous y avez probablement droit"); "missing": at least one is
   * not, whatever is left unanswered; "incomplete": none failed yet, some are unanswered. */
  verdict: "likely" | "missing" | "incomplete";
  /** Ids answered against the expected answer, in checklist order. */
  missing: string[];
  unanswered: string[];
};

/** An all-of checklist: pure, stores nothing about the person. */
export function evaluateChecklist(items: readonly ChecklistItem[], answers: ChecklistAnswers): ChecklistResult {
  const missing: string[] = [];
  const unanswered: string[] = [];
  for (const item of items) {
    // Own keys only: an id like "constructor" must not read a prototype value.
    const answer = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (answer === undefined) unanswered.push(item.id);
    else if (answer !== item.expected) missing.push(item.id);
  }
  // An empty checklist proves nothing: never tell someone they are entitled on no evidence.
  const verdict = missing.length ? "missing" : unanswered.length || !items.length ? "incomplete" : "likely";
  return { verdict, missing, unanswered };
}

/**
 * Parses a form's answers (e.g. Object.fromEntries(formData)): each item's value is "yes", "no" or
 * absent; other keys (CSRF token, button name…) are dropped; any other value is refused.
 */
export function checklistAnswersSchema(items: readonly ChecklistItem[]) {
  const shape: Record<string, z.ZodOptional<z.ZodEnum<{ yes: "yes"; no: "no" }>>> = {};
  for (const item of items) shape[item.id] = z.enum(["yes", "no"]).optional();
  return z.object(shape); // zod objects strip unknown keys by default
}
