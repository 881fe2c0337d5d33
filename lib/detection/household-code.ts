import { randomInt } from "node:crypto";

/**
 * Household codes: "M-" + 6 Crockford base-32 characters (no I, L, O, U: nothing to misread
 * when a worker reads a code aloud or copies it from paper). 32^6 ≈ 10^9 codes per territory,
 * drawn with a CSPRNG: unguessable, so a code alone says nothing and reaches nothing.
 */
export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_PATTERN = /^M-[0-9A-HJKMNP-TV-Z]{6}$/;

export function generateHouseholdCode(rand: (max: number) => number = randomInt): string {
  let s = "";
  for (let i = 0; i < 6; i++) s += CROCKFORD[rand(32)];
  return `M-${s}`;
}

/**
 * What a worker typed, as a stored code: case, spaces and a missing dash do not matter, and the
 * letters Crockford folds (I/L → 1, O → 0) are folded. Anything else (a legacy sheet's own
 * identifier) is kept as typed, trimmed and upper-cased.
 */
export function normaliseHouseholdCode(raw: string): string {
  const compact = raw.normalize("NFKC").toUpperCase().replace(/[\s_.]+/g, "");
  const m = /^M-?([0-9A-Z]{6})$/.exec(compact);
  if (m) {
    const folded = m[1].replace(/[IL]/g, "1").replace(/O/g, "0");
    if (/^[0-9A-HJKMNP-TV-Z]{6}$/.test(folded)) return `M-${folded}`;
  }
  return raw.trim().toUpperCase().slice(0, 40);
}
