import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locale";

/** Translators usable outside a request (e-mails written by the worker, tests). */
export type Messages = typeof fr;
const MESSAGES: Record<Locale, Messages> = { fr, en };

const make = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale] });
export type T = ReturnType<typeof make>;
// One translator per locale: it caches its parsed ICU messages, which are costly to rebuild.
const cache = new Map<Locale, T>();

export function translatorFor(locale: Locale): T {
  let t = cache.get(locale);
  if (!t) cache.set(locale, (t = make(locale)));
  return t;
}
