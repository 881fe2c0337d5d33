import { describe, expect, it } from "vitest";
import { suppressTable, type Masked } from "./suppression";

/** Whether any hidden cell can be recomputed from one sum of the published table. */
function derivable(m: Masked): boolean {
  const sums: (number | null)[][] = [
    ...m.cells.map((r, i) => [...r, m.rowTotals[i]]),
    ...m.colTotals.map((t, j) => [...m.cells.map((r) => r[j]), t]),
    [...m.rowTotals, m.total],
    [...m.colTotals, m.total],
  ];
  return sums.some((s) => s.filter((x) => x === null).length === 1);
}

describe("outreach suppression (k = 5)", () => {
  it("hand-made table: a small cell, its complementary cells in its row and column, and the margins that follow", () => {
    // rows: stand, permanence, atelier × periods: 2026-09, 2026-10, 2026-11
    const t = [
      [12, 3, 20],
      [8, 9, 0],
      [0, 6, 7],
    ];
    const m = suppressTable(t, 5);
    // 3 is hidden (primary); in its row the smallest other non-zero cell (12) goes too; in its
    // column, 6; then column 2026-09 has 12 hidden alone → 8; row "permanence" → 9; row
    // "atelier" has 6 hidden alone → 7; column 2026-11 has 7 hidden alone → 20.
    expect(m.cells).toEqual([
      [null, null, null],
      [null, null, 0],
      [0, null, null],
    ]);
    expect(m.rowTotals).toEqual([35, 17, 13]);
    expect(m.colTotals).toEqual([20, 18, 27]);
    expect(m.total).toBe(65);
    expect(derivable(m)).toBe(false);
  });

  it("a table without small counts publishes everything", () => {
    const m = suppressTable([[10, 5], [7, 0]], 5);
    expect(m).toEqual({ cells: [[10, 5], [7, 0]], rowTotals: [15, 7], colTotals: [17, 5], total: 22 });
  });

  it("a small margin is hidden and a partner margin with it", () => {
    // column 2 totals 3: the two column totals and the grand total form a sum → another total hidden
    const m = suppressTable([[10, 1], [9, 2]], 5);
    expect(m.colTotals[1]).toBeNull();
    expect(m.cells[0][1]).toBeNull();
    expect(m.cells[1][1]).toBeNull();
    expect(derivable(m)).toBe(false);
  });

  it("a total under the threshold hides every non-zero cell", () => {
    const m = suppressTable([[1, 0], [2, 1]], 5);
    expect(m.total).toBeNull();
    expect(m.cells).toEqual([[null, 0], [null, null]]);
    expect(derivable(m)).toBe(false);
  });

  it("the complement: 38 of 40 in potential non-recours says 2 are not", () => {
    const met = [[40, 30], [25, 20]];
    const potential = [[38, 10], [10, 10]];
    const m = suppressTable(potential, 5, met);
    expect(m.cells[0][0]).toBeNull();
    expect(derivable(m)).toBe(false);
    expect(suppressTable(potential, 5).cells[0][0]).toBe(38);
  });

  it("random tables never leave a hidden cell alone in a sum", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const rows = 1 + Math.floor(rnd() * 5), cols = 1 + Math.floor(rnd() * 6);
      const t = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rnd() < 0.3 ? 0 : Math.floor(rnd() * 15))));
      const m = suppressTable(t, 5);
      expect(derivable(m)).toBe(false);
      m.cells.forEach((r, i) => r.forEach((v, j) => { if (v !== null) expect(v === 0 || v >= 5).toBe(true); else expect(t[i][j]).toBeGreaterThan(0); }));
    }
  });
});

describe("outreach suppression with cell keys", () => {
  const values = [[40, 3, 20], [8, 9, 0]];
  const keys = [[123456789, 987654321, 555], [42, 4_000_000_000, 7]];
  it("perturbs every entry by its set's key, the same way on every call, and still hides small ones", () => {
    const a = suppressTable(values, 5, undefined, { grid: keys, offset: 0 });
    expect(suppressTable(values, 5, undefined, { grid: keys, offset: 0 })).toEqual(a);
    expect(a.cells[1][2]).toBe(0); // nobody stays nobody
    expect(a.cells[0][1]).toBeNull(); // 3 people, whatever the noise → hidden or its row gives it away
    for (const [i, r] of a.cells.entries()) for (const [j, v] of r.entries()) if (v !== null) expect(Math.abs(v - values[i][j])).toBeLessThanOrEqual(24);
    expect(derivable(a)).toBe(false);
  });
  it("another measure of the same actions (another offset) draws other noises", () => {
    const many = Array.from({ length: 40 }, (_, i) => [[50 + i]]);
    const noisesA = many.map((v, i) => suppressTable(v, 5, undefined, { grid: [[(i * 2654435761) % 2 ** 32]], offset: 0 }).cells[0][0]! - v[0][0]);
    const noisesB = many.map((v, i) => suppressTable(v, 5, undefined, { grid: [[(i * 2654435761) % 2 ** 32]], offset: 0x9e3779b9 }).cells[0][0]! - v[0][0]);
    expect(noisesA).not.toEqual(noisesB);
    expect(noisesA.some((n) => n !== 0)).toBe(true);
  });
});
