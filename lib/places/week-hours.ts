import { NBSP } from "@/lib/i18n/typography";
import { weekIntervals, type Place } from "./opening-hours";

const LABELS = { fr: { closed: "fermé", until: "au" }, en: { closed: "closed", until: "to" } } as const;

function hhmm(d: { hour: number; minute: number }, locale: "fr" | "en", end: boolean): string {
  const hour = end && d.hour === 0 && d.minute === 0 ? 24 : d.hour;
  if (locale === "en") return `${hour}:${String(d.minute).padStart(2, "0")}`;
  return d.minute ? `${hour}${NBSP}h${NBSP}${String(d.minute).padStart(2, "0")}` : `${hour}${NBSP}h`;
}

/**
 * The week of `at` in words, one line per day: "lundi : 9 h – 12 h, 14 h – 19 h", "dimanche : fermé"
 * (public holidays of that week show as closed when the hours say "PH off").
 */
export function weekHours(value: string | null | undefined, at: Date, locale: "fr" | "en", place?: Place): string[] {
  const week = weekIntervals(value, at, place);
  if (!week) return [];
  const colon = locale === "fr" ? `${NBSP}: ` : ": ";
  return week.map(({ day, intervals }) => {
    const name = day.setLocale(locale === "fr" ? "fr-FR" : "en-GB").toFormat("cccc d LLLL");
    const text = intervals.length
      ? intervals.map(([s, e]) => `${hhmm(s, locale, false)} – ${hhmm(e, locale, true)}`).join(", ")
      : LABELS[locale].closed;
    return `${name}${colon}${text}`;
  });
}
