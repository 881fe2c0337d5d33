/**
 * Text keys for matching what people typed in a spreadsheet against our headers and lists:
 * accents, case, dashes, apostrophes and punctuation do not count ("Non-connaissance" =
 * "non connaissance" = "NON CONNAISSANCE").
 */
export function normaliseText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A looser key: the parenthesised part dropped and each word without its plural mark
 * ("Lenteurs administratives" = "Lenteur administrative (hors délais réglementaires)").
 */
export function looseKey(value: string): string {
  const withoutParens = value.replace(/\([^)]*\)/g, " ");
  return normaliseText(withoutParens)
    .split(" ")
    .map((w) => (w.length > 3 ? w.replace(/[sx]$/, "") : w))
    .join(" ");
}

/** Cells holding several values ("CAF ; CPAM"). */
export function splitMulti(value: string, separators: RegExp = /;/): string[] {
  return value.split(separators).map((v) => v.trim()).filter(Boolean);
}
