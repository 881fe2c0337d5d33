import { NON_RECOURS_TREE } from "@/lib/questionnaire/content/reasons";

/**
 * The committee's indicators, each a share of respondents (numerator / denominator):
 * - non_recours: at least one benefit known but not received ("no" or "don't know" — the
 *   respondents the questionnaire asks why), out of those who answered the benefit grid;
 * - forme.<forme>: citing that forme for at least one benefit, same denominator;
 * - raison.<raison>: citing that raison for at least one benefit, same denominator;
 * - knowledge: knowing the chosen benefit, out of those who answered for it (default RSA);
 * - difficulty.<kind>: "yes" to the difficulty question, out of yes + no ("prefer not" excluded);
 * - opt_in: asked for a rights review, out of all respondents;
 * - q.<question>.<option>: choosing that option of a choice question (common questionnaire or
 *   module), out of those who answered it ("prefer not" and "don't know" excluded, as for
 *   difficulties); in a multiple choice several options per respondent (see choice-catalogue.ts).
 * With a benefit filter, the first four only look at that benefit.
 */
export const FORMES = NON_RECOURS_TREE.map((f) => f.value);
export const RAISONS = NON_RECOURS_TREE.flatMap((f) => (f.children ?? []).map((r) => ({ forme: f.value, raison: r.value })));
export const DIFFICULTIES = ["appointments", "phone", "online"] as const;

export const INDICATOR_KEYS = [
  "non_recours",
  ...FORMES.map((f) => `forme.${f}`),
  ...RAISONS.map((r) => `raison.${r.raison}`),
  "knowledge",
  ...DIFFICULTIES.map((d) => `difficulty.${d}`),
  "opt_in",
] as const;
export type IndicatorKey = string;

export type IndicatorDefinition =
  | { kind: "non_recours" }
  | { kind: "forme"; forme: string }
  | { kind: "raison"; raison: string }
  | { kind: "knowledge" }
  | { kind: "difficulty"; difficulty: (typeof DIFFICULTIES)[number] }
  | { kind: "opt_in" }
  | { kind: "choice"; question: string; option: string };

/** The form of a choice indicator's key; whether the question exists is checked against the territory's catalogue. */
export const CHOICE_KEY = /^q\.([a-z][a-z0-9_]{0,79})\.([a-z0-9][a-z0-9_]{0,79})$/;

export function parseIndicator(key: string): IndicatorDefinition | null {
  if (key === "non_recours" || key === "knowledge" || key === "opt_in") return { kind: key };
  const choice = CHOICE_KEY.exec(key);
  if (choice) return { kind: "choice", question: choice[1], option: choice[2] };
  const [kind, sub] = key.split(".", 2);
  if (kind === "forme" && FORMES.includes(sub)) return { kind, forme: sub };
  if (kind === "raison" && RAISONS.some((r) => r.raison === sub)) return { kind, raison: sub };
  if (kind === "difficulty" && (DIFFICULTIES as readonly string[]).includes(sub)) return { kind, difficulty: sub as (typeof DIFFICULTIES)[number] };
  return null;
}

/** Whether the benefit filter changes the indicator (it does not for difficulties and opt-in). */
export function usesBenefit(def: IndicatorDefinition): boolean {
  return def.kind === "non_recours" || def.kind === "forme" || def.kind === "raison" || def.kind === "knowledge";
}

/** Knowledge is about one benefit; RSA when none is chosen. */
export const DEFAULT_KNOWLEDGE_BENEFIT = "rsa";
