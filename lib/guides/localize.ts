import { frenchSpaces } from "@/lib/i18n/typography";
import type { Locale } from "@/lib/i18n/locale";
import type { Localized } from "./guide-schema";

/** A sheet's text in the reader's language (French when no translation), French typography applied. */
export function pick(text: Localized, locale: Locale): string {
  return locale === "en" && text.en ? text.en : frenchSpaces(text.fr);
}

/** Pure: a GET form's answers, one value per item ("yes"/"no"); anything else is dropped and flagged. */
export function readChecklistQuery(ids: readonly string[], query: Record<string, string | string[] | undefined>) {
  const answers: Record<string, "yes" | "no"> = {};
  let invalid = false;
  for (const id of ids) {
    const raw = query[id];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v === "yes" || v === "no") answers[id] = v;
    else if (v !== undefined && v !== "") invalid = true;
  }
  const submitted = query.verifier !== undefined || Object.keys(answers).length > 0;
  return { answers, invalid, submitted };
}
