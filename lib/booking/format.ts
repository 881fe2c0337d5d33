import type { Locale } from "@/lib/i18n/locale";

const tag = (locale: Locale) => (locale === "fr" ? "fr-FR" : "en-GB");
const ZONE = "Europe/Paris";

export const formatDay = (at: Date, locale: Locale) =>
  new Intl.DateTimeFormat(tag(locale), { timeZone: ZONE, weekday: "long", day: "numeric", month: "long" }).format(at);
export const formatTime = (at: Date, locale: Locale) =>
  new Intl.DateTimeFormat(tag(locale), { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }).format(at);
export const formatDateTime = (at: Date, locale: Locale) =>
  new Intl.DateTimeFormat(tag(locale), { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(at);
/** A Paris calendar day "YYYY-MM-DD" as words. */
export const formatIsoDay = (day: string, locale: Locale) => formatDay(new Date(`${day}T12:00:00Z`), locale);
