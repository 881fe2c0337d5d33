import { DateTime } from "luxon";
import { z } from "zod";

/**
 * The one set of input parsers of every route handler, server action and page parameter, so that
 * a malformed input is a clear 400/404 with a French message and never reaches PostgreSQL (where
 * it became a 500: "invalid input syntax for type uuid", "invalid byte sequence 0x00", a date out
 * of range) or is silently changed (2026-02-30 stored as 2 March, a wall-clock time in the spring
 * DST gap moved an hour).
 */

export const PARIS = "Europe/Paris";

// --- Identifiers --------------------------------------------------------------------------

/** The canonical 8-4-4-4-12 hexadecimal form: what PostgreSQL's uuid type accepts, and no more. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/** The id, lower-cased, or null: for cookies and path segments (an unknown id is "not found"). */
export function parseUuid(value: unknown): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}

export const uuid = (message = "Identifiant invalide.") =>
  z.string({ error: message }).regex(UUID_PATTERN, { error: message }).transform((s) => s.toLowerCase());

// --- Text ---------------------------------------------------------------------------------

/**
 * C0 control characters and DEL, NUL included (PostgreSQL refuses NUL in text and jsonb).
 * Multi-line fields keep tab, line feed and carriage return.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;
export const CONTROL_CHARS_MESSAGE = "Ce texte contient des caractères non autorisés (caractères de contrôle).";

export function hasControlChars(value: string, multiline = true): boolean {
  return (multiline ? CONTROL : CONTROL_SINGLE_LINE).test(value);
}

/** A trimmed text of at most `max` characters without control characters. */
export const safeText = (max: number, opts: { multiline?: boolean; message?: string } = {}) =>
  z.string({ error: opts.message ?? "Texte attendu." })
    .trim()
    .max(max, { error: opts.message ?? `${max} caractères au plus.` })
    .refine((s) => !hasControlChars(s, opts.multiline ?? false), { error: opts.message ?? CONTROL_CHARS_MESSAGE });

// --- Dates and times ----------------------------------------------------------------------

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = "Date invalide : attendue au format AAAA-MM-JJ, et qui existe au calendrier.";
export const TIME_MESSAGE = "Heure invalide : attendue au format HH:MM.";
export const NONEXISTENT_TIME_MESSAGE = "Cette heure n'existe pas ce jour-là à Paris (passage à l'heure d'été).";

/** A real calendar day "YYYY-MM-DD" (2026-13-45 and 2026-02-30 are refused), between 1900 and 2100. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !DAY_PATTERN.test(value)) return false;
  if (value < "1900-01-01" || value > "2100-12-31") return false;
  const d = DateTime.fromISO(value, { zone: PARIS });
  return d.isValid && d.toISODate() === value;
}

export const calendarDate = (message = DATE_MESSAGE) =>
  z.string({ error: message }).refine(isCalendarDate, { error: message });

/** "HH:MM" (24 h); "9:00" and "09:00:00" (what some browsers send) are normalised to "09:00". */
export function parseTimeOfDay(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(value);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, "0")}:${m[2]}`;
}

export const timeOfDay = (message = TIME_MESSAGE) =>
  z.string({ error: message }).transform((s, ctx) => {
    const t = parseTimeOfDay(s);
    if (!t) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return t;
  });

/**
 * The instant of a Paris wall-clock time, or null when that time does not exist (the hour
 * skipped when summer time starts: luxon would silently move it an hour later). In the autumn
 * hour that happens twice, luxon's choice stands (the second one, in standard time).
 */
export function parisWallClock(day: string, time: string): Date | null {
  if (!isCalendarDate(day)) return null;
  const t = parseTimeOfDay(time);
  if (!t) return null;
  const dt = DateTime.fromISO(`${day}T${t}`, { zone: PARIS });
  if (!dt.isValid || dt.toFormat("yyyy-MM-dd'T'HH:mm") !== `${day}T${t}`) return null;
  return dt.toJSDate();
}

/** { date, time } → the instant, refusing impossible dates and non-existent Paris times. */
export const parisWallClockTime = (messages: { date?: string; time?: string; nonexistent?: string } = {}) =>
  z.object({ date: calendarDate(messages.date), time: timeOfDay(messages.time) }).transform((v, ctx) => {
    const at = parisWallClock(v.date, v.time);
    if (!at) {
      ctx.addIssue({ code: "custom", path: ["time"], message: messages.nonexistent ?? NONEXISTENT_TIME_MESSAGE });
      return z.NEVER;
    }
    return at;
  });

// --- Forms --------------------------------------------------------------------------------

export const FORM_MESSAGE = "Le formulaire n'a pas pu être lu. Rechargez la page et réessayez.";

/**
 * A server action's form argument, checked: a FormData (a forged call may pass anything) whose
 * text values hold no NUL or other control character but tab and line breaks. Null otherwise.
 */
export function checkedFormData(value: unknown): FormData | null {
  if (!(value instanceof FormData)) return null;
  for (const [, v] of value.entries()) if (typeof v === "string" && hasControlChars(v)) return null;
  return value;
}

/** A route handler's urlencoded form: the same check. */
export function formHasControlChars(form: URLSearchParams): boolean {
  for (const [k, v] of form) if (hasControlChars(k, false) || hasControlChars(v)) return true;
  return false;
}
