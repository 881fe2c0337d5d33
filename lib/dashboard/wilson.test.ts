import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches published 95 % Wilson intervals", () => {
    // Reference values (Newcombe 1998, table I; epitools binom.wilson).
    expect(wilsonInterval(5, 10)).toEqual({ low: expect.closeTo(0.2366, 4), high: expect.closeTo(0.7634, 4) });
    expect(wilsonInterval(1, 10)).toEqual({ low: expect.closeTo(0.0179, 4), high: expect.closeTo(0.4042, 4) });
    expect(wilsonInterval(81, 263)).toEqual({ low: expect.closeTo(0.2553, 4), high: expect.closeTo(0.3662, 4) });
  });
  it("stays inside [0, 1] at the extremes", () => {
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10)!.high).toBe(1);
    expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.7225, 4);
  });
  it("has no interval without a denominator or with impossible counts", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
    expect(wilsonInterval(-1, 2)).toBeNull();
  });
});
