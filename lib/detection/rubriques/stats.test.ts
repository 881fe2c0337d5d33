import { describe, expect, it } from "vitest";
import { EMPTY_CELL } from "./cells";
import { committeePublisher, magnitudeFactor } from "./publish";
import { chiSquare, chiSquareSurvival } from "./stats";

describe("chi-square test of independence", () => {
  it("gives the textbook p-values (5 % critical values, df 1, 2 and 10)", () => {
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquareSurvival(5.991465, 2)).toBeCloseTo(0.05, 5);
    expect(chiSquareSurvival(18.307038, 10)).toBeCloseTo(0.05, 5);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });

  it("on a 2 × 2 table computed by hand: χ² = 6.667, p = 0.0098, the diagonal over-represented", () => {
    const r = chiSquare([[10, 20], [20, 10]])!;
    expect(r.statistic).toBeCloseTo(20 / 3, 6);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(0.009823, 5);
    expect(r.minExpected).toBe(15);
    expect(r.cells.find((c) => c.row === 0 && c.col === 1)?.flag).toBe("over");
    expect(r.cells.find((c) => c.row === 0 && c.col === 0)?.flag).toBe("under");
  });

  it("drops empty rows and columns, and has no test with a single non-empty one", () => {
    expect(chiSquare([[5, 0, 7], [6, 0, 2]])?.df).toBe(1);
    expect(chiSquare([[5, 7], [0, 0]])).toBeNull();
  });
});

describe("the committee's publisher", () => {
  const pub = committeePublisher(5);
  it("never shows 1 … k − 1 (a count may be published as 0 or hidden), keeps an empty cell at 0, 100 % stays 100 %", () => {
    for (let key = 0; key < 4_000_000_000; key += 97_000_001) {
      for (const n of [1, 2, 3, 4, 5, 8, 30]) {
        const v = pub.count({ ...EMPTY_CELL, n, key });
        expect(v === null || v === 0 || v >= 5).toBe(true);
      }
    }
    expect(pub.count(EMPTY_CELL)).toBe(0);
    const everyone = { ...EMPTY_CELL, n: 100, key: 123_456 };
    expect(pub.share(everyone, everyone).share).toBe(1);
  });

  it("moves sums by 2–10 %, never 0 %, and publishes no minimum or maximum", () => {
    for (let key = 0; key < 4_000_000_000; key += 13_000_003) {
      const f = Math.abs(magnitudeFactor(key) - 1);
      expect(f).toBeGreaterThanOrEqual(0.02);
      expect(f).toBeLessThanOrEqual(0.1);
    }
    expect(pub.extreme(42)).toBeNull();
  });
});
