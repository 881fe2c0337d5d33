import { sql, type SQL } from "drizzle-orm";
import { isPrimarySuppressed, type SuppressionReason } from "./suppression";

/**
 * The cell-key method (docs/decisions/0007): what the committee reads is never an exact count.
 *
 * Every respondent has a fixed record key, a 32-bit hash of the response's id seeded with the
 * territory's secret `cell_key_seed`. A cell's key is the sum of its respondents' record keys
 * modulo 2³²: the same set of people always has the same key, whatever view, filter, level,
 * indicator or export it is reached from, so asking again gives the same figure, not a new draw
 * to average. The key picks a noise from a two-sided geometric distribution (P(e) ∝ α^|e|):
 * zero in 43 % of cells, ±1 in 34 %, |e| ≥ 3 in 9 %. Differences between published figures
 * therefore carry the noise of every figure involved, and no combination of them is known to
 * be exact. Empty cells stay 0 (nobody is described); a count never becomes negative.
 */
export const CELL_KEY_MODULUS = 2 ** 32;
export const NOISE_ALPHA = 0.4;
const P_ZERO = (1 - NOISE_ALPHA) / (1 + NOISE_ALPHA);

/** The noise a cell key selects: the inverse distribution function at the key's quantile. */
export function noiseOf(cellKey: number): number {
  const u = (cellKey + 0.5) / CELL_KEY_MODULUS;
  if (u < P_ZERO) return 0;
  const v = (u - P_ZERO) / (1 - P_ZERO); // uniform on [0, 1): half negative, half positive
  const sign = v < 0.5 ? -1 : 1;
  const w = (v < 0.5 ? v : v - 0.5) * 2;
  return sign * (1 + Math.floor(Math.log(1 - w) / Math.log(NOISE_ALPHA)));
}

/**
 * The largest noise any key can select (about 24): the adversary test assumes an attacker who
 * knows it. The extremes are the keys just below the sign change and the last key.
 */
export const MAX_NOISE = Math.max(
  Math.abs(noiseOf(Math.ceil((P_ZERO + (1 - P_ZERO) / 2) * CELL_KEY_MODULUS) - 2)),
  Math.abs(noiseOf(CELL_KEY_MODULUS - 1)),
);

/** A published count: 0 stays 0, anything else moves by its cell's noise, never below 0. */
export function perturbCount(n: number, cellKey: number): number {
  if (n <= 0) return 0;
  return Math.max(0, n + noiseOf(cellKey));
}

/**
 * Numerator and denominator of a share, perturbed each by its own set's key. The numerator
 * never exceeds the denominator, so a rate stays within 0–100 %; when everyone has the trait
 * both sets are the same, so the published share stays 100 %.
 */
export function perturbShare(c: { num: number; den: number; keyNum: number; keyDen: number }): { num: number; den: number } {
  const den = perturbCount(c.den, c.keyDen);
  return { den, num: Math.min(den, perturbCount(c.num, c.keyNum)) };
}

/**
 * The record key of a response in SQL (0 … 2³² − 1), seeded with its territory's secret.
 * `responseId` is a uuid column expression; the seed is read once per statement.
 */
export function recordKeySql(responseId: SQL, territoryId: string): SQL {
  return sql`(uuid_hash_extended(${responseId}, (select t.cell_key_seed from territories t where t.id = ${territoryId}::uuid)) & 4294967295)`;
}

/** Sums of record keys, as text (may exceed 2⁵³ before the modulo): reduce with `cellKey`. */
export function cellKey(sum: unknown): number {
  if (sum === null || sum === undefined) return 0;
  return Number(BigInt(String(sum).split(".")[0]) % BigInt(CELL_KEY_MODULUS));
}

type Counted = { key: string; num: number; den: number; keyNum: number; keyDen: number };
type Published = { key: string; num: number; den: number; suppressed: boolean; reason: SuppressionReason | null };

/**
 * The committee's cells: each perturbed by its own cell keys, then hidden when a published
 * count describes 1 … k − 1 people. No secondary suppression: a difference of perturbed
 * figures is not a count (decision 0007).
 */
export function perturbGroup(cells: Counted[], total: Counted, k: number): { cells: Published[]; total: Published } {
  const publish = (c: Counted): Published => {
    const p = perturbShare(c);
    const hidden = isPrimarySuppressed(p.num, p.den, k);
    return { key: c.key, ...p, suppressed: hidden, reason: hidden ? "small_count" : null };
  };
  return { cells: cells.map(publish), total: publish(total) };
}
