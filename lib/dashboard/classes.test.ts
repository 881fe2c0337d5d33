import { describe, expect, it } from "vitest";
import { buildLegend, classBreaks, classColour, classOf, PALETTE } from "./classes";

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
});
