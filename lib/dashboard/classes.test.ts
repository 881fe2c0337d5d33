import { describe, expect, it } from "vitest";
import { buildLegend, classBreaks, classColour, classCount, classOf, intervalsOverlap, PALETTE } from "./classes";

describe("class breaks", () => {
  it("cuts quantiles on the sorted values", () => {
    expect(classBreaks([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], 5)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });
  it("cuts equal intervals between min and max", () => {
    expect(classBreaks([0, 1, 0.5], 4, "equal")).toEqual([0.25, 0.5, 0.75, 1]);
  });
  it("collapses duplicate bounds and handles one value or none", () => {
    expect(classBreaks([0.5, 0.5, 0.5], 5)).toEqual([0.5]);
    expect(classBreaks([0.2, 0.2, 0.2, 0.9], 4)).toEqual([0.2, 0.9]);
    expect(classBreaks([], 5)).toEqual([]);
  });
  it("puts each value in the first class whose bound it does not exceed", () => {
    const b = [0.2, 0.4, 1];
    expect([0, 0.2, 0.21, 0.4, 0.99, 1].map((v) => classOf(v, b))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(classOf(null, b)).toBe(-1);
    expect(classOf(0.3, [])).toBe(-1);
  });
  it("spreads colours over the palette and counts the areas of each class", () => {
    expect(classColour(0, 5)).toBe(PALETTE[0]);
    expect(classColour(4, 5)).toBe(PALETTE[4]);
    expect(classColour(1, 3)).toBe(PALETTE[2]);
    expect(classColour(0, 1)).toBe(PALETTE[4]);
    const l = buildLegend([0.1, 0.5, 0.5, 0.9], 2);
    expect(l.classes.map((c) => [c.from, c.to, c.count])).toEqual([[0.1, 0.5, 3], [0.5, 0.9, 1]]);
  });

  it("fits the number of classes to the areas and their spread", () => {
    expect(classCount([0.83, 0.85, 0.86, 0.88, 0.91])).toBe(2); // five areas never get five classes
    expect(classCount(Array.from({ length: 30 }, (_, i) => i / 30))).toBe(5);
    expect(classCount([0.5, 0.51, 0.52, 0.515])).toBe(1); // a 2-point spread is one class
    expect(classCount([0.4])).toBe(1);
  });
  it("never shows a class from a value to the same value", () => {
    const l = buildLegend([0.831, 0.831, 0.831, 0.85, 0.86, 0.88, 0.9], 5);
    expect(l.classes.every((c, i) => c.from < c.to || l.classes.length === 1 || i > 0)).toBe(true);
    expect(l.classes[0].from).toBeLessThan(l.classes[0].to);
    expect(l.classes.reduce((n, c) => n + c.count, 0)).toBe(7);
  });
  it("says when every interval overlaps", () => {
    expect(intervalsOverlap([{ low: 0.7, high: 0.95 }, { low: 0.75, high: 0.97 }, { low: 0.72, high: 0.9 }])).toBe(true);
    expect(intervalsOverlap([{ low: 0.1, high: 0.3 }, { low: 0.6, high: 0.8 }])).toBe(false);
    expect(buildLegend([0.83, 0.91], 2, "quantile", [{ low: 0.7, high: 0.9 }, { low: 0.8, high: 0.97 }]).overlap).toBe(true);
  });
  it("gives the lowest class a 3:1 contrast with white and the map's background", () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    for (const bg of ["#ffffff", "#f4f4f6"]) expect(contrast(PALETTE[0], bg)).toBeGreaterThanOrEqual(3);
  });
});
