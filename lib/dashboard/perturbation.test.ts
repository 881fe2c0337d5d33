import { describe, expect, it } from "vitest";
import { breaches, type AdversaryView, type Hierarchy } from "./adversary";
import { CELL_KEY_MODULUS, MAX_NOISE, noiseOf, perturbCount, perturbGroup, perturbShare } from "./perturbation";
import { suppressGroup } from "./suppression";

const K = 5;
/** Evenly spread keys: the distribution the noise has over many cells. */
const keys = Array.from({ length: 100_000 }, (_, i) => Math.floor(((i + 0.5) / 100_000) * CELL_KEY_MODULUS));
/** A deterministic stand-in for a cell's key (a sum of record keys, uniform modulo 2³²). */
const keyOf = (label: string) => {
  let h = 2166136261;
  for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
};

describe("cell-key noise", () => {
  it("is a two-sided geometric distribution: 0 in 43 % of cells, symmetric, bounded by the key's precision", () => {
    const noises = keys.map(noiseOf);
    const share = (p: (e: number) => boolean) => noises.filter(p).length / noises.length;
    expect(share((e) => e === 0)).toBeCloseTo(0.6 / 1.4, 3);
    expect(share((e) => Math.abs(e) === 1)).toBeCloseTo((2 * 0.6 * 0.4) / 1.4, 2);
    expect(share((e) => e < 0)).toBeCloseTo(share((e) => e > 0), 3);
    expect(share((e) => Math.abs(e) >= 3)).toBeCloseTo((2 * 0.4 ** 3) / 1.4, 2);
    expect(MAX_NOISE).toBe(24);
    expect(Math.max(...noises.map(Math.abs))).toBeLessThanOrEqual(MAX_NOISE);
    expect(Math.abs(noiseOf(CELL_KEY_MODULUS - 1))).toBe(MAX_NOISE);
  });

  it("is the same for the same key, keeps empty cells empty and never goes below zero", () => {
    expect(perturbCount(12, 123_456_789)).toBe(perturbCount(12, 123_456_789));
    expect(keys.every((k) => perturbCount(0, k) === 0)).toBe(true);
    expect(keys.every((k) => perturbCount(1, k) >= 0)).toBe(true);
  });

  it("keeps a share within 0–100 %, and 100 % when everyone has the trait (the same set, the same key)", () => {
    for (const k of keys.slice(0, 5000)) {
      const p = perturbShare({ num: 7, den: 9, keyNum: k, keyDen: (k * 7) % CELL_KEY_MODULUS });
      expect(p.num).toBeLessThanOrEqual(p.den);
      const all = perturbShare({ num: 20, den: 20, keyNum: k, keyDen: k });
      expect(all.num).toBe(all.den);
    }
  });
});

/**
 * Crafted tables: each is attacked as published exactly (the territory lead's figures, cell
 * suppression of decision 0006) and as published to the committee (perturbed).
 */
type Counts = Record<string, { num: number; den: number }>;
function exactView(spec: Omit<AdversaryView, "cells">, counts: Counts): AdversaryView {
  const keys = Object.keys(counts).filter((c) => c !== "total");
  const s = suppressGroup(keys.map((key) => ({ key, ...counts[key] })), { key: "total", ...counts.total }, K);
  const cells = new Map(s.cells.map((c) => [c.key, c.suppressed ? { num: null, den: null } : { num: c.num, den: c.den }]));
  cells.set("total", s.total.suppressed ? { num: null, den: null } : { num: s.total.num, den: s.total.den });
  return { ...spec, cells };
}
function committeeView(spec: Omit<AdversaryView, "cells">, counts: Counts): AdversaryView {
  const id = `${spec.indicator}|${spec.level}|${spec.filter}`;
  const cells = Object.entries(counts).map(([key, c]) => ({ key, ...c, keyNum: keyOf(`${id}|${key}|num`), keyDen: keyOf(`${id}|${key}|den`) }));
  const p = perturbGroup(cells, cells.find((c) => c.key === "total")!, K);
  return { ...spec, cells: new Map(p.cells.map((c) => [c.key, c.suppressed ? { num: null, den: null } : { num: c.num, den: c.den }])) };
}
const hierarchy: Hierarchy = {
  levels: ["sq", "iris"],
  parentOf: new Map([["i1", "s1"], ["i2", "s1"], ["i3", "s1"], ["i4", "s1"], ["i5", "s1"], ["i6", "s2"], ["i7", "s2"]]),
  levelOf: new Map([["s1", "sq"], ["s2", "sq"], ...["i1", "i2", "i3", "i4", "i5", "i6", "i7"].map((i) => [i, "iris"] as [string, string])]),
};
const base = { indicator: "non_recours", benefit: null, filter: null };
function attack(publish: typeof exactView, tables: { spec: Omit<AdversaryView, "cells">; counts: Counts }[], bound: number, filters: Record<string, string[]> = {}) {
  return breaches(tables.map((t) => publish(t.spec, t.counts)), hierarchy, filters, [], bound, K);
}

describe("crafted tables against the differencing adversary", () => {
  // Blayac-like: a sous-quartier of 61/95, one IRIS of 1/1 hidden, four siblings visible. The
  // secondary rule of 0006 is satisfied at IRIS level by another tiny IRIS, in another sous-quartier.
  const parentWithOneTinyChild: { spec: Omit<AdversaryView, "cells">; counts: Counts }[] = [
    { spec: { ...base, level: "sq" }, counts: { s1: { num: 61, den: 95 }, s2: { num: 12, den: 23 }, unknown: { num: 0, den: 0 }, total: { num: 73, den: 118 } } },
    { spec: { ...base, level: "iris" }, counts: {
      i1: { num: 1, den: 1 }, i2: { num: 12, den: 17 }, i3: { num: 14, den: 26 }, i4: { num: 19, den: 28 }, i5: { num: 15, den: 23 },
      i6: { num: 2, den: 3 }, i7: { num: 10, den: 20 }, unknown: { num: 0, den: 0 }, total: { num: 73, den: 118 },
    } },
  ];
  it("a parent with one hidden child: recovered from exact figures, not from the committee's", () => {
    const found = attack(exactView, parentWithOneTinyChild, 0);
    expect(found.some((b) => b.q === "den" && b.value === 1 && b.attack === "levels")).toBe(true);
    expect(attack(committeeView, parentWithOneTinyChild, MAX_NOISE)).toEqual([]);
  });

  it("two hidden siblings summing to less than k", () => {
    const tables: { spec: Omit<AdversaryView, "cells">; counts: Counts }[] = [
      { spec: { ...base, level: "sq" }, counts: { s1: { num: 30, den: 48 }, unknown: { num: 0, den: 0 }, total: { num: 30, den: 48 } } },
      { spec: { ...base, level: "iris" }, counts: {
        i1: { num: 1, den: 2 }, i2: { num: 1, den: 2 }, i3: { num: 10, den: 16 }, i4: { num: 9, den: 14 }, i5: { num: 9, den: 14 },
        unknown: { num: 0, den: 0 }, total: { num: 30, den: 48 },
      } },
    ];
    expect(attack(exactView, tables, 0).some((b) => b.q === "den" && b.value === 4)).toBe(true);
    expect(attack(committeeView, tables, MAX_NOISE)).toEqual([]);
  });

  it("a complement of 2 between a view and the same view for women", () => {
    const tables = [
      { spec: { ...base, level: "iris" }, counts: { i1: { num: 16, den: 26 }, unknown: { num: 0, den: 0 }, total: { num: 16, den: 26 } } },
      { spec: { ...base, level: "iris", filter: "sex=femme" }, counts: { i1: { num: 9, den: 17 }, unknown: { num: 0, den: 0 }, total: { num: 9, den: 17 } } },
    ];
    // Exact: the 9 others are 7 with the trait and 2 without; the neighbouring-filter rule of 0006 hid the filtered cell.
    expect(attack(committeeView, tables, MAX_NOISE)).toEqual([]);
    const withoutRule = breaches(tables.map((t) => ({ ...t.spec, cells: new Map(Object.entries(t.counts)) })), hierarchy, {}, [], 0, K);
    expect(withoutRule.some((b) => b.attack === "filter_dropped" && b.q === "comp" && b.value === 2)).toBe(true);
  });

  it("the \"prefer not to say\" group: all values of a filter subtracted from the whole", () => {
    const tables = [
      { spec: { ...base, level: "iris" }, counts: { i1: { num: 20, den: 42 }, unknown: { num: 0, den: 0 }, total: { num: 20, den: 42 } } },
      ...[["femme", 10, 21], ["homme", 8, 18]].map(([sex, num, den]) => ({
        spec: { ...base, level: "iris", filter: `sex=${sex}` },
        counts: { i1: { num: Number(num), den: Number(den) }, unknown: { num: 0, den: 0 }, total: { num: Number(num), den: Number(den) } },
      })),
    ];
    const filters = { sex: ["femme", "homme"] };
    expect(attack(exactView, tables, 0, filters).some((b) => b.attack === "all_values" && b.q === "den" && b.value === 3)).toBe(true);
    expect(attack(committeeView, tables, MAX_NOISE, filters)).toEqual([]);
  });
});
