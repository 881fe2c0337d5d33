/**
 * Runtime constants of the questionnaire grammar, kept apart from the zod schemas so that the
 * browser bundle (which needs these) does not pull in the full zod library.
 */
export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The answer that every question with `preferNot` accepts. */
export const PREFER_NOT = "prefer_not";
/** Built-in choices of the neighbourhood question. */
export const OUTSIDE_TERRITORY = "outside";
export const DONT_KNOW = "dk";
