/**
 * Which benefit guides the receipt page suggests, from the person's own answers (issue 14 item 2).
 * Pure and stateless: nothing about the person is stored, and a suggestion is never a verdict —
 * each guide's checklist tells the person whether they are probably entitled.
 */
export type SuggestionReason = "gave_up" | "known_not_received" | "situation";
export type GuideSuggestion = { code: string; reason: SuggestionReason };

type GridCell = { known?: string; received?: string; asked?: string; gave_up?: string };
type Answers = Record<string, unknown>;

const asString = (v: unknown) => (typeof v === "string" ? v : undefined);
const asNumber = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);

/** Benefits the person's situation points at (not a rule of entitlement: only an invitation to read the sheet). */
export function situationCodes(answers: Answers, now: Date): string[] {
  const out: string[] = [];
  const activity = asString(answers.activity);
  const household = asString(answers.household_type);
  const children = asNumber(answers.children_count) ?? 0;
  const income = asString(answers.income_band);
  const housing = asString(answers.housing);
  const birthYear = asNumber(answers.birth_year);
  const age = birthYear ? now.getUTCFullYear() - birthYear : undefined;
  const lowIncome = income === "lt_800" || income === "800_1200";
  const modestIncome = lowIncome || income === "1200_1800";

  if (activity === "employed" || activity === "self_employed") { if (modestIncome || !income) out.push("prime_activite"); }
  if ((activity === "unemployed" || activity === "home_parent" || activity === "other") && (lowIncome || !income)) out.push("rsa");
  if (household === "single_parent" && (lowIncome || !income)) out.push("rsa");
  if (activity === "unable_to_work") out.push("aah", "pension_invalidite");
  if (age !== undefined && age >= 62) out.push("retraite_reversion");
  if ((age !== undefined && age >= 65) || (activity === "retired" && modestIncome)) out.push("aspa");
  if (children >= 2 || (household === "single_parent" && children >= 1)) out.push("allocations_familiales");
  if (lowIncome) out.push("c2s", "cheque_energie");
  if ((housing === "private_rental" || housing === "social_housing") && modestIncome) out.push("aides_logement");
  return out;
}

/**
 * Order: applications given up first, then benefits known but not received, then what the
 * situation points at among benefits the person did not say they receive. Only codes with a
 * guide (`available`, in the territory's order) are suggested; at most `limit`.
 */
export function suggestGuides(answers: Answers, available: readonly string[], now: Date, limit = 6): GuideSuggestion[] {
  const grid = (answers.benefits && typeof answers.benefits === "object" ? answers.benefits : {}) as Record<string, GridCell>;
  const has = new Set(available);
  const received = new Set(Object.entries(grid).filter(([, c]) => c?.received === "yes").map(([code]) => code));
  const picked = new Map<string, SuggestionReason>();
  const add = (code: string, reason: SuggestionReason) => {
    if (has.has(code) && !received.has(code) && !picked.has(code)) picked.set(code, reason);
  };
  const inOrder = (codes: Iterable<string>) => available.filter((c) => new Set(codes).has(c));
  for (const code of inOrder(Object.keys(grid).filter((c) => grid[c]?.gave_up === "yes"))) add(code, "gave_up");
  for (const code of inOrder(Object.keys(grid).filter((c) => grid[c]?.known === "yes" && (grid[c]?.received === "no" || grid[c]?.received === "dk")))) {
    add(code, "known_not_received");
  }
  for (const code of inOrder(situationCodes(answers, now))) add(code, "situation");
  const list = [...picked].map(([code, reason]) => ({ code, reason })).slice(0, limit);
  // The CCAS's own aid closes any non-empty list: it is the last resort when nothing else fits.
  if (list.length && has.has("aide_facultative") && !list.some((s) => s.code === "aide_facultative")) {
    list.push({ code: "aide_facultative", reason: "situation" });
  }
  return list;
}
