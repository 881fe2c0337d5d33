import { LIMITS } from "../reference";
import { looseKey, normaliseText } from "./normalise";

/**
 * Pure parsers of the legacy sheet's cells. Each returns `{ value }` or `{ error }` (an error
 * code of messages detectionImport.problems); a blank cell is `{ value: null }` (missing, which
 * is not an error: blanks are excluded from that variable's denominator).
 */
export type Parsed<T> = { value: T | null; error?: undefined } | { value?: undefined; error: string; params?: Record<string, string | number> };

const blank = (s: string) => s.trim() === "";

const YES = new Set(["oui", "o", "yes", "y", "x", "1", "vrai", "true"]);
const NO = new Set(["non", "n", "no", "0", "faux", "false"]);
export function parseYesNo(raw: string): Parsed<boolean> {
  if (blank(raw)) return { value: null };
  const k = normaliseText(raw);
  if (YES.has(k)) return { value: true };
  if (NO.has(k)) return { value: false };
  return { error: "yesNo" };
}

/** "financière" / "non financière" (and F / NF). */
export function parseNature(raw: string): Parsed<boolean> {
  if (blank(raw)) return { value: null };
  const k = normaliseText(raw);
  if (["financiere", "financier", "f", "prestation financiere"].includes(k)) return { value: true };
  if (["non financiere", "non financier", "nf", "prestation non financiere"].includes(k)) return { value: false };
  return { error: "nature" };
}

export function parseIntensity(raw: string): Parsed<"complete" | "partial"> {
  if (blank(raw)) return { value: null };
  const k = normaliseText(raw);
  if (["complet", "complete", "nr complet", "non recours complet"].includes(k)) return { value: "complete" };
  if (["partiel", "partielle", "nr partiel", "non recours partiel"].includes(k)) return { value: "partial" };
  return { error: "intensity" };
}

/** A whole number within bounds ("3", "3,0"). */
export function parseInteger(raw: string, min: number, max: number): Parsed<number> {
  if (blank(raw)) return { value: null };
  const s = raw.trim().replace(",", ".");
  if (!/^\d+(\.0+)?$/.test(s)) return { error: "integer", params: { min, max } };
  const n = Number(s);
  if (n < min || n > max) return { error: "integer", params: { min, max } };
  return { value: n };
}

/**
 * Euros as people type them: "12 578 €", "206,50", "1 200 euros" → "12578.00" (a string, the
 * numeric column's form). Bounded by LIMITS.euroMax.
 */
export function parseEuros(raw: string): Parsed<string> {
  if (blank(raw)) return { value: null };
  const s = raw.toLowerCase().replace(/[\s\u00a0\u202f]/g, "").replace(/€|euros?|eur$/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return { error: "euros", params: { max: LIMITS.euroMax } };
  const n = Number(s);
  if (n > LIMITS.euroMax) return { error: "euros", params: { max: LIMITS.euroMax } };
  return { value: n.toFixed(2) };
}

/** The draft's time classes (GRENOBLE-TOOL.md §2.7), kept as codes when no minutes were given. */
export const TIME_CLASSES = [
  { code: "lt_30", label: "< ½ heure" },
  { code: "30_60", label: "30-60 minutes" },
  { code: "gt_60", label: "> 1 heure" },
] as const;
export type TimeClass = (typeof TIME_CLASSES)[number]["code"];

/** Minutes ("45", "45 min") or one of the draft classes ("< ½ heure", "30- 60 minutes", "> 1 heure"). */
export function parseTime(raw: string): Parsed<{ minutes: number | null; timeClass: TimeClass | null }> {
  if (blank(raw)) return { value: null };
  const t = raw.trim();
  const k = normaliseText(t);
  if (/^</.test(t) || /^moins d une demi heure$|^moins de 30 min(utes)?$/.test(k)) {
    if (/^(½|1 2|une demi|demi) heure$|^30 min(utes)?$/.test(k) || /^moins/.test(k)) return { value: { minutes: null, timeClass: "lt_30" } };
  }
  if (/^30 (a )?60 min(utes)?$|^30 min(utes)? (a )?1 ?h(eure)?$/.test(k)) return { value: { minutes: null, timeClass: "30_60" } };
  if (/^>/.test(t) || /^plus d une heure$/.test(k)) {
    if (/^(1 heure|1 h|1h|60 min(utes)?)$/.test(k) || /^plus/.test(k)) return { value: { minutes: null, timeClass: "gt_60" } };
  }
  const m = /^(\d{1,4})(\s*(min|mn|minutes?))?$/.exec(t.toLowerCase());
  if (!m) return { error: "time", params: { max: LIMITS.minutesMax } };
  const minutes = Number(m[1]);
  if (minutes > LIMITS.minutesMax) return { error: "time", params: { max: LIMITS.minutesMax } };
  return { value: { minutes, timeClass: null } };
}

/**
 * A date as exceljs gives it (YYYY-MM-DD), as typed (JJ/MM/AAAA) or as an Excel serial number;
 * refused in the future of `today` (YYYY-MM-DD) or before 2000.
 */
export function parseDate(raw: string, today: string): Parsed<string> {
  if (blank(raw)) return { value: null };
  const t = raw.trim();
  let iso: string | null = null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(t);
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  if (/^\d{5}$/.test(t)) iso = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86400000).toISOString().slice(0, 10);
  if (!iso) return { error: "date" };
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: "date" };
  if (iso < "2000-01-01" || iso > today) return { error: "dateRange", params: { today } };
  return { value: iso };
}

/** Matches a typed value against entries by code, label, or their loose forms, then aliases. */
export type Matchable = { code: string; label: string };
export function matchEntry<E extends Matchable>(raw: string, entries: E[], aliases: Record<string, string> = {}): E | null {
  const k = normaliseText(raw);
  if (!k) return null;
  const exact = entries.find((e) => normaliseText(e.code) === k || normaliseText(e.label) === k);
  if (exact) return exact;
  const loose = looseKey(raw);
  const byLoose = entries.find((e) => looseKey(e.label) === loose || looseKey(e.code) === loose);
  if (byLoose) return byLoose;
  const aliased = aliases[k] ?? aliases[loose];
  return aliased ? entries.find((e) => e.code === aliased) ?? null : null;
}
