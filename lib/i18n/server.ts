import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale, type Locale } from "./locale";
import { translatorFor } from "./translator";

export { translatorFor, type Messages, type T } from "./translator";

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/** Server-side translator (ICU messages). Client components get already translated strings. */
export async function getT() {
  const locale = await getLocale();
  return { locale, t: translatorFor(locale) };
}
