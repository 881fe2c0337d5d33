/**
 * Small-count suppression (statistical disclosure control) for the committee's tables.
 *
 * Primary: a cell is hidden when its numerator, its denominator or the complement (denominator
 * − numerator) is between 1 and k − 1: 38 people out of 40 tells that 2 people lack the trait.
 * Zero counts are exempt: nobody is described by them (an area with no respondent shows as
 * "no response", not as hidden).
 *
 * Secondary: the cells of a group add up to a published total (the neighbourhoods of a level,
 * plus the respondents without a neighbourhood, add up to the territory), so one hidden cell
 * could be recomputed by subtraction. When exactly one cell of a group is hidden, the next
 * smallest visible cell is hidden too. A cell is also hidden when it differs from the same cell
 * without one of the active filters by less than k people (the "neighbouring filter" view would
 * reveal that small group by subtraction). See docs/decisions/0006-dashboard-suppression.md.
 */
export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;

export type SuppressionReason = "small_count" | "secondary" | "neighbouring_filter" | "total";

/** The territory's threshold: its setting when valid, 5 otherwise, never below 3. */
export function effectiveThreshold(setting: unknown): number {
  const k = typeof setting === "number" && Number.isFinite(setting) ? Math.floor(setting) : DEFAULT_THRESHOLD;
  return Math.max(MIN_THRESHOLD, k);
}

/** True when a count reveals a group smaller than k (1 … k−1 people). */
const small = (n: number, k: number) => n > 0 && n < k;

export function isPrimarySuppressed(num: number, den: number, k: number): boolean {
  return small(den, k) || small(num, k) || small(den - num, k);
}

export type Cell = {
  key: string;
  num: number;
  den: number;
  /** The same cell's counts with each active filter dropped in turn (may be empty). */
  without?: { num: number; den: number }[];
};
export type SuppressedCell = Cell & { suppressed: boolean; reason: SuppressionReason | null };

/**
 * Applies primary then secondary suppression to one group of cells that partition `total`.
 * Pure; order of the output is the order of the input.
 */
export function suppressGroup(cells: Cell[], total: Cell, k: number): { cells: SuppressedCell[]; total: SuppressedCell } {
  const threshold = effectiveThreshold(k);
  const totalHidden = isPrimarySuppressed(total.num, total.den, threshold) || differsByFew(total, threshold);
  const out: SuppressedCell[] = cells.map((c) => {
    if (totalHidden) return { ...c, suppressed: true, reason: "total" };
    if (isPrimarySuppressed(c.num, c.den, threshold)) return { ...c, suppressed: true, reason: "small_count" };
    if (differsByFew(c, threshold)) return { ...c, suppressed: true, reason: "neighbouring_filter" };
    return { ...c, suppressed: false, reason: null };
  });
  // Secondary: never leave exactly one hidden cell with non-zero counts in a published group.
  // Cells with den = 0 hide nothing (their value is known to be 0 anyway), so they never count.
  if (!totalHidden) {
    for (;;) {
      const hidden = out.filter((c) => c.suppressed && c.den > 0);
      if (hidden.length !== 1) break;
      const candidates = out
        .filter((c) => !c.suppressed && c.den > 0)
        .sort((a, b) => a.den - b.den || a.num - b.num || a.key.localeCompare(b.key));
      if (!candidates.length) break;
      const next = candidates[0];
      next.suppressed = true;
      next.reason = "secondary";
    }
  }
  return {
    cells: out,
    total: { ...total, suppressed: totalHidden, reason: totalHidden ? "small_count" : null },
  };
}

/** A cell that differs from a less filtered view of itself by 1 … k−1 people. */
function differsByFew(c: Cell, k: number): boolean {
  return (c.without ?? []).some((w) => small(w.den - c.den, k) || small(w.num - c.num, k));
}
