import type { Locale } from "@/lib/i18n/locale";

const ZONE = "Europe/Paris";
type Style = "day" | "date" | "time" | "dateTime" | "shortDateTime";
const OPTIONS: Record<Style, Intl.DateTimeFormatOptions> = {
  day: { timeZone: ZONE, weekday: "long", day: "numeric", month: "long" },
  date: { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" },
  shortDateTime: { timeZone: ZONE, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  time: { timeZone: ZONE, hour: "2-digit", minute: "2-digit" },
  dateTime: { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
};
// Intl formatters are costly to create and safe to share.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: Style, locale: Locale) {
  const key = `${style}:${locale}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", OPTIONS[style])));
  return f;
}

/** Dates and times in Paris time, as a person reads them. */
export const formatDay = (at: Date, locale: Locale) => formatter("day", locale).format(at);
export const formatTime = (at: Date, locale: Locale) => formatter("time", locale).format(at);
export const formatDateTime = (at: Date, locale: Locale) => formatter("dateTime", locale).format(at);
export const formatShortDateTime = (at: Date, locale: Locale) => formatter("shortDateTime", locale).format(at);
/** A Paris calendar day "YYYY-MM-DD" as words, without or with its year. */
export const formatIsoDay = (day: string, locale: Locale) => formatDay(new Date(`${day}T12:00:00Z`), locale);
export const formatIsoDate = (day: string, locale: Locale) => formatter("date", locale).format(new Date(`${day}T12:00:00Z`));

const kmFormatters = new Map<Locale, Intl.NumberFormat>();
/** A distance with one decimal, "1,5" in French and "1.5" in English (the unit is in the message). */
export function formatKm(km: number, locale: Locale): string {
  let f = kmFormatters.get(locale);
  if (!f) kmFormatters.set(locale, (f = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(km);
}
