import { describe, expect, it } from "vitest";
import { effectiveThreshold, isPrimarySuppressed, suppressGroup } from "./suppression";

const cell = (key: string, num: number, den: number, without?: { num: number; den: number }[]) => ({ key, num, den, without });
const hidden = (r: ReturnType<typeof suppressGroup>) => r.cells.filter((c) => c.suppressed).map((c) => `${c.key}:${c.reason}`);

describe("threshold", () => {
  it("defaults to 5 and never goes below 3", () => {
    expect(effectiveThreshold(undefined)).toBe(5);
    expect(effectiveThreshold("7")).toBe(5);
    expect(effectiveThreshold(10)).toBe(10);
    expect(effectiveThreshold(2)).toBe(3);
    expect(effectiveThreshold(0)).toBe(3);
    expect(effectiveThreshold(4.9)).toBe(4);
  });
});

describe("primary suppression", () => {
  it("hides a small denominator, numerator or complement, but not zero counts of a large group", () => {
    expect(isPrimarySuppressed(0, 4, 5)).toBe(true); // 4 respondents
    expect(isPrimarySuppressed(2, 20, 5)).toBe(true); // 2 people with the trait
    expect(isPrimarySuppressed(18, 20, 5)).toBe(true); // 2 people without it
    expect(isPrimarySuppressed(0, 20, 5)).toBe(false);
    expect(isPrimarySuppressed(20, 20, 5)).toBe(false);
    expect(isPrimarySuppressed(5, 10, 5)).toBe(false);
    expect(isPrimarySuppressed(4, 10, 5)).toBe(true);
  });
});

describe("secondary suppression", () => {
  it("hides the next smallest cell when exactly one cell of a group is hidden", () => {
    const r = suppressGroup([cell("a", 10, 30), cell("b", 2, 8), cell("c", 6, 12), cell("d", 9, 20)], cell("t", 27, 70), 5);
    expect(hidden(r)).toEqual(["b:small_count", "c:secondary"]);
    expect(r.total.suppressed).toBe(false);
  });
  it("adds nothing when two cells are already hidden", () => {
    const r = suppressGroup([cell("a", 10, 30), cell("b", 2, 8), cell("c", 1, 12), cell("d", 9, 20)], cell("t", 22, 70), 5);
    expect(hidden(r)).toEqual(["b:small_count", "c:small_count"]);
  });
  it("ignores empty cells: a hidden cell beside an empty one still gets a partner", () => {
    const r = suppressGroup([cell("a", 0, 0), cell("b", 1, 3), cell("c", 10, 40), cell("d", 12, 50)], cell("t", 23, 93), 5);
    expect(hidden(r)).toEqual(["b:small_count", "c:secondary"]);
  });
  it("hides everything when the total itself is too small", () => {
    const r = suppressGroup([cell("a", 1, 2), cell("b", 1, 2)], cell("t", 2, 4), 5);
    expect(r.total.suppressed).toBe(true);
    expect(hidden(r)).toEqual(["a:total", "b:total"]);
  });
  it("cannot be undone by subtraction from the total (exhaustive check on small groups)", () => {
    // For every group of three cells, no hidden cell's counts equal total minus visible cells
    // unless at least one other cell is hidden too.
    for (let a = 0; a <= 12; a += 3) for (let b = 1; b <= 12; b += 2) for (let c = 4; c <= 14; c += 5) {
      const cells = [cell("a", Math.floor(a / 2), a), cell("b", Math.floor(b / 2), b), cell("c", Math.floor(c / 3), c)];
      const total = cell("t", cells.reduce((n, x) => n + x.num, 0), a + b + c);
      const r = suppressGroup(cells, total, 5);
      if (r.total.suppressed) continue;
      const hiddenNonEmpty = r.cells.filter((x) => x.suppressed && x.den > 0);
      expect(hiddenNonEmpty.length === 0 || hiddenNonEmpty.length >= 2).toBe(true);
    }
  });
  it("hides a cell that differs from its view without one filter by fewer than k people", () => {
    const r = suppressGroup(
      [cell("a", 10, 30, [{ num: 12, den: 33 }]), cell("b", 10, 30, [{ num: 20, den: 60 }]), cell("c", 10, 30, [{ num: 10, den: 30 }])],
      cell("t", 30, 90, [{ num: 42, den: 123 }]), 5,
    );
    expect(hidden(r)).toEqual(["a:neighbouring_filter", "b:secondary"]);
  });
});
