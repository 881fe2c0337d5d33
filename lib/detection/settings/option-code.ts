/**
 * Pure: the stable code of a new list entry or service, made from its label ("Pièces
 * justificatives égarées" → "pieces_justificatives_egarees"). Codes are what situations and
 * imports store, so a code is made once, at creation, and never follows a later rename.
 */
export const CODE_MAX = 40;

export function slugCode(label: string): string {
  const slug = label
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "")
    .slice(0, CODE_MAX).replace(/_+$/, "");
  return slug || "entree";
}

/** The slug, or the slug with "_2", "_3"… when another entry of the list (archived ones too) has it. */
export function uniqueCode(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugCode(label);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const code = `${base.slice(0, CODE_MAX - suffix.length).replace(/_+$/, "")}${suffix}`;
    if (!used.has(code)) return code;
  }
}

/** Two labels that only differ by case, accents or punctuation name the same entry. */
export function sameLabel(a: string, b: string): boolean {
  return slugCode(a) === slugCode(b);
}
