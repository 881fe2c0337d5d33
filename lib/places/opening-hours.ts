// Server-side only: the `opening_hours` bundle is ~1.2 MB (holiday data + i18n). Send the browser
// the strings from describeOpening, never the library.
import OpeningHours from "opening_hours";
import { DateTime } from "luxon";
import { NBSP } from "@/lib/i18n/typography";

const ZONE = "Europe/Paris";
// Bounds the search for the next change (a place "off" for months would otherwise iterate far).
const NEXT_CHANGE_HORIZON_DAYS = 31;

export type Place = { lat?: number; lon?: number; state?: string };
export type OpeningState = { open: boolean; unknown: boolean; comment?: string; nextChange: Date | null };
export type ParseResult = { ok: true; normalised: string; warnings: string[] } | { ok: false; error: string };

// Default: Montpellier, Occitanie. PH depends on country + "state", which the library's French data
// reads as a region or, for Alsace-Moselle and overseas, the département ("Bas-Rhin", "Moselle",
// "La Réunion"…); the position only matters for sunrise/sunset.
const DEFAULT_PLACE = { lat: 43.6109, lon: 3.8772, state: "Occitanie" };

function nominatim(place: Place = {}) {
  return {
    lat: place.lat ?? DEFAULT_PLACE.lat,
    lon: place.lon ?? DEFAULT_PLACE.lon,
    address: { country_code: "fr", state: place.state ?? DEFAULT_PLACE.state },
  };
}

// French warnings for the admin editor; the typings want every key, undefined means default.
const CONF = { mode: undefined, tag_key: undefined, map_value: undefined, warnings_severity: undefined, locale: "fr" };

function build(value: string, place?: Place) {
  return new OpeningHours(value, nominatim(place), CONF);
}

/** The library throws plain strings (with a "<---" marker at the position); keep them as-is. */
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Validates a value before storage; `normalised` is what should be stored. */
export function parseOpeningHours(value: string, place?: Place): ParseResult {
  try {
    const oh = build(value.trim(), place);
    return { ok: true, normalised: oh.prettifyValue(), warnings: oh.getWarnings() };
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

// The library evaluates in the process's local zone (opening_hours.js#269). We hand it a Date whose
// *local* fields are the Paris wall clock, and read its answers back the same way, so the result
// does not depend on the server's TZ.
function toShifted(at: Date): Date {
  const p = DateTime.fromJSDate(at, { zone: ZONE });
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
}
function fromShifted(d: Date): Date {
  return DateTime.fromObject(
    { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() },
    { zone: ZONE },
  ).toJSDate();
}

// Parsing costs ~0.6 ms; a list page evaluates the same few dozen values on every request.
const CACHE_MAX = 500;
const cache = new Map<string, OpeningHours | null>();
function cached(value: string, place?: Place): OpeningHours | null {
  const key = `${place?.lat ?? ""}|${place?.lon ?? ""}|${place?.state ?? ""}|${value}`;
  if (cache.has(key)) return cache.get(key)!;
  let oh: OpeningHours | null = null;
  try {
    oh = build(value, place);
  } catch {
    oh = null; // stored values are validated; a bad one reads as "not provided" rather than a 500
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, oh);
  return oh;
}

const UNKNOWN: OpeningState = { open: false, unknown: true, nextChange: null };

/** Whether a place is open at `at`, in Paris time with French public holidays. */
export function openingState(value: string | null | undefined, at: Date, place?: Place): OpeningState {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) return UNKNOWN;
  const oh = cached(trimmed, place);
  if (!oh) return UNKNOWN;
  const local = toShifted(at);
  const limit = new Date(local.getTime() + NEXT_CHANGE_HORIZON_DAYS * 86_400_000);
  const next = oh.getNextChange(local, limit);
  const comment = oh.getComment(local);
  return {
    open: oh.getState(local),
    unknown: oh.getUnknown(local),
    ...(comment ? { comment } : {}),
    nextChange: next ? fromShifted(next) : null,
  };
}

export type DescribeLocale = "fr" | "en";

const TEXT = {
  fr: {
    none: "Horaires non renseignés",
    uncertain: "Horaires à confirmer",
    open: "Ouvert maintenant",
    closed: "Fermé",
    closes: (when: string) => `ferme ${when}`,
    opens: (when: string) => `ouvre ${when}`,
    today: (t: string) => `à ${t}`,
    todayOpen: (t: string) => `aujourd'hui à ${t}`,
    tomorrow: (t: string) => `demain à ${t}`,
    weekday: (d: string, t: string) => `${d} à ${t}`,
    date: (d: string, t: string) => `le ${d} à ${t}`,
  },
  en: {
    none: "Opening hours not provided",
    uncertain: "Opening hours to be confirmed",
    open: "Open now",
    closed: "Closed",
    closes: (when: string) => `closes ${when}`,
    opens: (when: string) => `opens ${when}`,
    today: (t: string) => `at ${t}`,
    todayOpen: (t: string) => `today at ${t}`,
    tomorrow: (t: string) => `tomorrow at ${t}`,
    weekday: (d: string, t: string) => `${d} at ${t}`,
    date: (d: string, t: string) => `on ${d} at ${t}`,
  },
} as const;

const weekdayFmt = {
  fr: new Intl.DateTimeFormat("fr-FR", { timeZone: ZONE, weekday: "long" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, weekday: "long" }),
};
const dateFmt = {
  fr: new Intl.DateTimeFormat("fr-FR", { timeZone: ZONE, day: "numeric", month: "long" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, day: "numeric", month: "long" }),
};

/** French typography "9 h", "12 h 30"; English "9:00", "12:30". */
function time(d: DateTime, locale: DescribeLocale): string {
  if (locale === "en") return `${d.hour}:${String(d.minute).padStart(2, "0")}`;
  return d.minute ? `${d.hour}${NBSP}h${NBSP}${String(d.minute).padStart(2, "0")}` : `${d.hour}${NBSP}h`;
}

function when(next: Date, at: Date, locale: DescribeLocale, opening: boolean): string {
  const t = TEXT[locale];
  const n = DateTime.fromJSDate(next, { zone: ZONE });
  const days = Math.round(n.startOf("day").diff(DateTime.fromJSDate(at, { zone: ZONE }).startOf("day"), "days").days);
  const hhmm = time(n, locale);
  if (days <= 0) return opening ? t.todayOpen(hhmm) : t.today(hhmm);
  if (days === 1) return t.tomorrow(hhmm);
  if (days < 7) return t.weekday(weekdayFmt[locale].format(next), hhmm);
  return t.date(dateFmt[locale].format(next), hhmm);
}

/**
 * One line for a person: "Ouvert maintenant, ferme à 12 h 30", "Fermé, ouvre lundi à 9 h".
 * Uses no-break spaces inside times so "12 h 30" never wraps.
 */
export function describeOpening(state: OpeningState, at: Date, locale: DescribeLocale): string {
  const t = TEXT[locale];
  if (state.unknown) return state.comment ? `${t.uncertain}${locale === "fr" ? NBSP : ""}: ${state.comment}` : t.none;
  const head = state.open ? t.open : t.closed;
  const tail = state.nextChange ? `, ${(state.open ? t.closes : t.opens)(when(state.nextChange, at, locale, !state.open))}` : "";
  const comment = state.comment ? ` (${state.comment})` : "";
  return head + tail + comment;
}

/**
 * The open intervals of the seven days from the Monday of `at`'s week (Paris wall clock), per
 * day: what the list prints as "the week's hours". Null when the value is missing or invalid.
 */
export function weekIntervals(value: string | null | undefined, at: Date, place?: Place): { day: DateTime; intervals: [DateTime, DateTime][] }[] | null {
  const trimmed = value?.trim() ?? "";
  const oh = trimmed ? cached(trimmed, place) : null;
  if (!oh) return null;
  const monday = DateTime.fromJSDate(at, { zone: ZONE }).startOf("week");
  return Array.from({ length: 7 }, (_, i) => {
    const day = monday.plus({ days: i });
    const from = toShifted(day.toJSDate());
    const to = toShifted(day.plus({ days: 1 }).toJSDate());
    const intervals = oh.getOpenIntervals(from, to)
      .filter(([, , unknown]) => !unknown)
      .map(([s, e]) => [DateTime.fromJSDate(fromShifted(s), { zone: ZONE }), DateTime.fromJSDate(fromShifted(e), { zone: ZONE })] as [DateTime, DateTime]);
    return { day, intervals };
  });
}
