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
 */
export type Grid = number[][];
export type Masked = {
  cells: (number | null)[][]; rowTotals: (number | null)[]; colTotals: (number | null)[]; total: number | null;
};

type Entry = { value: number; of: number | null; hidden: boolean };

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const small = (n: number, k: number) => n >= 1 && n < k;

export function suppressTable(values: Grid, k: number, of?: Grid): Masked {
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const col = (g: Grid, c: number) => g.map((r) => r[c]);
  const entry = (value: number, ofValue: number | null): Entry =>
    ({ value, of: ofValue, hidden: small(value, k) || (ofValue !== null && small(ofValue - value, k)) });
  const cells = values.map((r, i) => r.map((v, j) => entry(v, of ? of[i][j] : null)));
  const rowT = values.map((r, i) => entry(sum(r), of ? sum(of[i]) : null));
  const colT = Array.from({ length: cols }, (_, j) => entry(sum(col(values, j)), of ? sum(col(of, j)) : null));
  const grand = entry(sum(rowT.map((e) => e.value)), of ? sum(of.map(sum)) : null);

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
