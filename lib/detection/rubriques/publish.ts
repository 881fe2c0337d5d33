import { CELL_KEY_MODULUS, perturbCount } from "@/lib/dashboard/perturbation";
import { isPrimarySuppressed } from "@/lib/dashboard/suppression";
import type { Cell } from "./cells";

/**
 * How a figure reaches its reader (docs/decisions/0016). Staff read exact figures. The
 * committee reads every count perturbed by its set's cell key (the dashboards' method, decision
 * 0007), every euro or minute sum moved by 2–10 % of itself (a key-derived factor, never 0),
 * no minimum or maximum (a single situation's value), and nothing that describes 1 … k − 1
 * situations or households (a count, a denominator or a complement).
 */
export type Audience = "exact" | "committee";

export type Published = { n: number | null; den: number | null; share: number | null; suppressed: boolean };

export interface Publisher {
  audience: Audience;
  threshold: number;
  /** A count on its own (hidden when it describes 1 … k − 1). */
  count(c: Cell): number | null;
  /** A count over its denominator. */
  share(num: Cell, den: Cell): Published;
  /** A sum of euros or minutes over `n` values; null when hidden. */
  sum(value: number, n: number, key: number): number | null;
  /** How many situations gave a value of a sum (the sum's own denominator). */
  values(n: number, key: number): number | null;
  /** A minimum or a maximum: staff only. */
  extreme(v: number | null): number | null;
}

export const exactPublisher = (threshold: number): Publisher => ({
  audience: "exact", threshold,
  count: (c) => c.n,
  share: (num, den) => ({ n: num.n, den: den.n, share: den.n > 0 ? num.n / den.n : null, suppressed: false }),
  sum: (v) => v,
  values: (n) => n,
  extreme: (v) => v,
});

/** A second, independent draw from a cell key (Knuth's multiplicative hash with a salt). */
export function derivedKey(key: number, salt: number): number {
  return Number((BigInt(key) * 2654435761n + BigInt(salt)) % BigInt(CELL_KEY_MODULUS));
}

/** The factor a sum is multiplied by: 0.90–0.98 or 1.02–1.10, chosen by the key. */
export function magnitudeFactor(key: number): number {
  const u = (derivedKey(key, 0x9e3779b9) + 0.5) / CELL_KEY_MODULUS;
  const v = u < 0.5 ? u * 2 : (u - 0.5) * 2;
  return u < 0.5 ? 1 - (0.02 + 0.08 * v) : 1 + 0.02 + 0.08 * v;
}

const small = (n: number, k: number) => n > 0 && n < k;

export const committeePublisher = (threshold: number): Publisher => ({
  audience: "committee", threshold,
  count: (c) => {
    const p = perturbCount(c.n, c.key);
    return small(p, threshold) ? null : p;
  },
  share: (num, den) => {
    const d = perturbCount(den.n, den.key);
    // The same set has the same key: when everyone has the trait, 100 % stays 100 %.
    const n = Math.min(d, perturbCount(num.n, num.key));
    if (isPrimarySuppressed(n, d, threshold)) return { n: null, den: small(d, threshold) ? null : d, share: null, suppressed: true };
    return { n, den: d, share: d > 0 ? n / d : null, suppressed: false };
  },
  sum: (v, n, key) => {
    if (n === 0) return 0;
    // Hidden on the published count of values only (hiding on the true count would tell it is small).
    if (perturbCount(n, derivedKey(key, 1)) < threshold) return null;
    return Math.round(v * magnitudeFactor(key));
  },
  values: (n, key) => {
    const p = perturbCount(n, derivedKey(key, 1));
    return small(p, threshold) ? null : p;
  },
  extreme: () => null,
});
