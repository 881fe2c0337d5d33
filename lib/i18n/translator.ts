import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locale";

/** Translators usable outside a request (e-mails written by the worker, tests). */
export type Messages = typeof fr;
const MESSAGES: Record<Locale, Messages> = { fr, en };

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
export type T = ReturnType<typeof translatorFor>;
