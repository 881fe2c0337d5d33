import { LOCALES, type Locale } from "@/lib/questionnaire/constants";
import { frenchSpaces } from "./typography";
import type { LocalizedText } from "@/lib/questionnaire/definition-schema";

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "fr";
export const LOCALE_COOKIE = "bm_locale";

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/**
 * Picks the text of a questionnaire label in the person's language (French if missing), French
 * with its no-break spaces before ? : ; ! and inside « ».
 */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return "";
  return text[locale] && locale !== "fr" ? text[locale] : frenchSpaces(text.fr);
}
