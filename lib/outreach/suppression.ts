import { CELL_KEY_MODULUS, perturbCount } from "@/lib/dashboard/perturbation";

/**
 * Small-count suppression of a two-way table (rows × periods) published with its margins
 * (row totals, period totals, grand total), for the committee's outreach bilan. Pure.
 *
 * Primary rule (decision 0006): an entry — cell or total — between 1 and k − 1 is hidden; with
 * `of` (e.g. people in potential non-recours of the people met) also when its complement
 * (of − value) is between 1 and k − 1. Zeros describe nobody and stay visible.
 *
 * Complementary rule: every row with its total, every column with its total, the row totals with
 * the grand total and the column totals with the grand total are sums. A sum with exactly one
 * hidden entry gives it away by subtraction, so another entry of that sum is hidden — the
 * smallest non-zero cell, else its total — until no sum has exactly one hidden entry.
 *
 * With `keys` (the sums of the actions' record keys, per cell, decision 0007), every published
 * entry is also perturbed by the cell-key method before the rules apply: the same actions always
 * give the same figure, and the difference between two readings (a report saved in between, the
 * action-type and place-type views, two measures) is never an exact count.
 */
export type Grid = number[][];
export type Masked = {
  cells: (number | null)[][]; rowTotals: (number | null)[]; colTotals: (number | null)[]; total: number | null;
};

type Entry = { value: number; of: number | null; hidden: boolean };
type Keys = { grid: Grid; offset: number };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const small = (n: number, k: number) => n >= 1 && n < k;

export function suppressTable(values: Grid, k: number, of?: Grid, keys?: Keys, ofKeys?: Keys): Masked {
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const col = (g: Grid, c: number) => g.map((r) => r[c]);
  const keySum = (xs: number[]) => xs.reduce((a, b) => (a + b) % CELL_KEY_MODULUS, 0);
  // The published value of an exact one, perturbed by its set's key (plus the measure's offset).
  const publish = (exact: number, key: number | null, k2: Keys | undefined) =>
    k2 && key !== null ? perturbCount(exact, (key + k2.offset) % CELL_KEY_MODULUS) : exact;
  const entry = (value: number, ofValue: number | null, key: number | null): Entry => {
    const v = publish(value, key, keys);
    const o = ofValue === null ? null : Math.max(v, publish(ofValue, key, ofKeys));
    return { value: v, of: o, hidden: small(v, k) || (o !== null && small(o - v, k)) };
  };
  const kg = keys?.grid;
  const cellKeyAt = (i: number, j: number) => (kg ? kg[i][j] : null);
  const rowKey = (i: number) => (kg ? keySum(kg[i]) : null);
  const colKey = (j: number) => (kg ? keySum(col(kg, j)) : null);
  const grandKey = kg ? keySum(kg.map(keySum)) : null;
  const cells = values.map((r, i) => r.map((v, j) => entry(v, of ? of[i][j] : null, cellKeyAt(i, j))));
  const rowT = values.map((r, i) => entry(sum(r), of ? sum(of[i]) : null, rowKey(i)));
  const colT = Array.from({ length: cols }, (_, j) => entry(sum(col(values, j)), of ? sum(col(of, j)) : null, colKey(j)));
  const grand = entry(sum(values.map(sum)), of ? sum(of.map(sum)) : null, grandKey);

  const sums: Entry[][] = [
    ...cells.map((r, i) => [...r, rowT[i]]),
    ...Array.from({ length: cols }, (_, j) => [...cells.map((r) => r[j]), colT[j]]),
    [...rowT, grand],
    [...colT, grand],
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const s of sums) {
      if (s.filter((e) => e.hidden).length !== 1) continue;
      // The last entry of a sum is its total; its parts are tried first, smallest first.
      const parts = s.slice(0, -1).filter((e) => !e.hidden && e.value > 0).sort((a, b) => a.value - b.value);
      const total = s[s.length - 1];
      const pick = parts[0] ?? (!total.hidden && total.value > 0 ? total : undefined);
      if (!pick) continue; // only zeros left: the hidden entry is 0 too (cannot happen: hidden entries are ≥ 1)
      pick.hidden = true;
      changed = true;
    }
  }
  const show = (e: Entry) => (e.hidden ? null : e.value);
  return { cells: cells.map((r) => r.map(show)), rowTotals: rowT.map(show), colTotals: colT.map(show), total: show(grand) };
}
