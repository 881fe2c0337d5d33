import { cookies } from "next/headers";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { LOCALE_COOKIE, toLocale, type Locale } from "./locale";

export type Messages = typeof fr;
const MESSAGES: Record<Locale, Messages> = { fr, en };

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/** Server-side translator (ICU messages). Client components get already translated strings. */
export async function getT() {
  const locale = await getLocale();
  return { locale, t: translatorFor(locale) };
}

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}
export type T = ReturnType<typeof translatorFor>;
