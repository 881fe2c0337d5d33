import type { Answers } from "@/db/schema/responses";
import { PREFER_NOT } from "./constants";
import type { Flow } from "./flow";

/** One atomic answer value, as stored in response_answers for indexed aggregates. */
export type AnswerRow = { questionId: string; item: string; field: string; value: string | null; num: string | null };

/**
 * Answers → rows. Free text is never copied (it stays in the response's JSON only), and
 * "prefer not to say" is kept as its own value so that denominators can exclude it.
 */
export function flattenAnswers(flow: Flow, answers: Answers): AnswerRow[] {
  const out: AnswerRow[] = [];
  const push = (questionId: string, value: string | null, item = "", field = "", num: string | null = null) =>
    out.push({ questionId, item, field, value, num });
  for (const [id, v] of Object.entries(answers)) {
    const q = flow.questions.get(id);
    if (!q || v === undefined) continue;
    if (v === PREFER_NOT) {
      push(id, PREFER_NOT);
      continue;
    }
    switch (q.type) {
      case "text":
      case "long_text":
        push(id, "answered");
        break;
      case "note":
        break;
      case "number":
      case "year":
      case "decimal":
        push(id, null, "", "", String(v));
        break;
      case "multiple":
        for (const value of v as string[]) push(id, value);
        break;
      case "benefit_grid":
        for (const [row, cells] of Object.entries(v as Record<string, Record<string, string>>)) {
          for (const [col, cell] of Object.entries(cells)) push(id, cell, row, col);
        }
        break;
      case "cascade": {
        const byItem = (q.forEach ? v : { "": v }) as Record<string, Record<string, string>>;
        for (const [item, levels] of Object.entries(byItem)) {
          for (const [level, value] of Object.entries(levels)) push(id, value, item, level);
        }
        break;
      }
      default:
        push(id, String(v));
    }
  }
  return out;
}
