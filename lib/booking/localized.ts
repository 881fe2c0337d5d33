import type { Locale } from "@/lib/i18n/locale";
import { frenchSpaces } from "@/lib/i18n/typography";

type MotiveText = { name: string; nameEn?: string | null; instructions: string | null; instructionsEn?: string | null };
type PlaceText = { accessNotes: string | null; accessNotesEn?: string | null };

const pick = (fr: string | null, en: string | null | undefined, locale: Locale) =>
  locale === "en" && en?.trim() ? en : fr === null ? null : frenchSpaces(fr);

/** A motive's name and "what to bring" in the person's language (French when not translated). */
export function motiveText(m: MotiveText, locale: Locale): { name: string; instructions: string | null } {
  return { name: pick(m.name, m.nameEn, locale) ?? m.name, instructions: pick(m.instructions, m.instructionsEn, locale) };
}

/** A place's access notes in the person's language (French when not translated). */
export function placeAccessNotes(p: PlaceText, locale: Locale): string | null {
  return pick(p.accessNotes, p.accessNotesEn, locale);
}
