import type { Answers } from "@/db/schema/responses";
import { mulberry32 } from "@/lib/random/mulberry32";
import { rowMatches } from "./conditions";
import { PREFER_NOT } from "./constants";
import type { CascadeOption, Question } from "./definition-schema";
import { cascadeItems, resolveVisibility, type Flow } from "./flow";
import { offeredOptions } from "./validate";

/** Picks one element; the default always picks the first, a seeded random makes varied data. */
export type Pick = <T>(items: T[]) => T;
const firstPick: Pick = (items) => items[0];

function sampleQuestion(flow: Flow, q: Question, answers: Answers, neighbourhoods: string[], pick: Pick, now: Date): unknown {
  const choices = (values: string[]) => pick(values.filter((v) => v !== PREFER_NOT));
  switch (q.type) {
    case "single":
      return choices(offeredOptions(q, answers).map((o) => o.value));
    case "yes_no":
      return choices(q.dontKnow ? ["yes", "no", "dk"] : ["yes", "no"]);
    case "neighbourhood":
      return pick(neighbourhoods);
    case "multiple": {
      const plain = offeredOptions(q, answers).filter((o) => !o.exclusive).map((o) => o.value);
      if (plain.length === 0) return undefined;
      const a = pick(plain);
      const b = pick(plain);
      return a === b ? [a] : [a, b];
    }
    case "number":
      return Math.min(q.max, Math.max(q.min, 2));
    case "decimal":
      return Math.min(q.max ?? 2.5, Math.max(q.min ?? 2.5, 2.5));
    case "date":
      return q.required ? "2026-01-15" : undefined;
    case "note":
      return undefined;
    case "year":
      return Math.min(now.getUTCFullYear() + q.maxOffset, Math.max(q.min, 1975 + pick([0, 5, 10, 20, 30])));
    case "text":
    case "long_text":
      return q.required ? "Réponse d'exemple" : undefined;
    case "benefit_grid": {
      const out: Record<string, Record<string, string>> = {};
      for (const row of q.rows) {
        const cells: Record<string, string> = {};
        for (const col of q.columns) {
          if (rowMatches(cells, col.showIf)) cells[col.id] = pick(col.options.map((o) => o.value));
        }
        out[row.value] = cells;
      }
      return out;
    }
    case "cascade": {
      const one = () => {
        const out: Record<string, string> = {};
        let options: CascadeOption[] | undefined = q.options;
        for (const level of q.levels) {
          if (!options?.length) break;
          const o: CascadeOption = pick(options);
          out[level.id] = o.value;
          options = o.children;
        }
        return out;
      };
      if (!q.forEach) return one();
      const items = cascadeItems(flow, q, answers);
      return items.length ? Object.fromEntries(items.map((i) => [i, one()])) : undefined;
    }
  }
}

/**
 * A complete, valid set of answers for a flow: walks the visible questions (visibility
 * changes as answers come in) until nothing new appears. Used by tests, benchmarks and the
 * synthetic data generator.
 */
export function sampleAnswers(flow: Flow, neighbourhoods: string[], pick: Pick = firstPick, now = new Date()): Answers {
  let answers: Answers = {};
  for (let pass = 0; pass < 10; pass++) {
    const visible = resolveVisibility(flow, answers);
    let changed = false;
    for (const s of visible.sections) {
      for (const q of s.questions) {
        if (!visible.questions.has(q.id) || visible.answers[q.id] !== undefined) continue;
        const v = sampleQuestion(flow, q, visible.answers, neighbourhoods, pick, now);
        if (v !== undefined) {
          visible.answers[q.id] = v;
          changed = true;
        }
      }
    }
    answers = resolveVisibility(flow, visible.answers).answers;
    if (!changed) break;
  }
  return answers;
}

/** A reproducible pseudo-random pick (mulberry32), for varied but repeatable data. */
export function seededPick(seed: number): Pick {
  const next = mulberry32(seed);
  return <T>(items: T[]) => items[Math.floor(next() * items.length)];
}
