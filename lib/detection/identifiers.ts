/**
 * Pure: the obvious personal identifiers a situation's summary and a dossier's fiche mémoire must
 * not carry (the summary seeds the fiche; the dossier leaves the CCAS). Names cannot be detected reliably — the form warns against them; what is refused here is
 * what a pattern finds for sure: an e-mail address, a French phone number, a social security
 * number (NIR, also the CPAM number) and any long run of digits (a CAF allocataire or file number).
 */
export type IdentifierKind = "email" | "phone" | "nir" | "file_number";

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
/** 0X XX XX XX XX, +33 X XX XX XX XX, 0033…, with spaces, dots or dashes between pairs. */
const PHONE = /(?:\+|00)33[\s.-]?\(?0?\)?[1-9](?:[\s.-]?\d{2}){4}(?!\d)|(?<!\d)0[1-9](?:[\s.-]?\d{2}){4}(?!\d)/;
/**
 * A number as people write it: a first group of digits, then groups of one to three digits after a
 * space, dot or dash ("1 85 05 78 006 084 36", "06.12.34.56.78"). Two years ("2015 2016") stay two
 * numbers: a later group of four digits is not a continuation.
 */
const NUMBER = /\d+(?:[\s.\u00A0\u202F-]\d{1,3}(?!\d))*/g;
/** Seven digits or more: no amount, date or count of a fiche is that long, a file number is. */
const FILE_NUMBER_DIGITS = 7;

export function findIdentifiers(text: string): IdentifierKind[] {
  const found = new Set<IdentifierKind>();
  if (EMAIL.test(text)) found.add("email");
  if (PHONE.test(text)) found.add("phone");
  for (const m of text.matchAll(NUMBER)) {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length < FILE_NUMBER_DIGITS) continue;
    if (/^0[1-9]\d{8}$/.test(digits) || /^33[1-9]\d{8}$/.test(digits)) found.add("phone");
    else if (/^[12378]\d{12}(?:\d{2})?$/.test(digits)) found.add("nir");
    else found.add("file_number");
  }
  return [...found];
}
