import { DateTime } from "luxon";
import { ZONE } from "./schemas";

/** Display helpers of the settings pages (Paris time, the reader's language). */
export function formatDay(day: string, locale: string) {
  return DateTime.fromISO(day, { zone: ZONE }).setLocale(locale).toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

export function formatInstant(at: Date, locale: string) {
  return DateTime.fromJSDate(at, { zone: ZONE }).setLocale(locale).toLocaleString({ weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** The Paris calendar day of an instant, "YYYY-MM-DD". */
export function parisToday(now = new Date()) {
  return DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
}
