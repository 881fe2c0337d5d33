import { frenchHolidays, parisDay } from "@/lib/calendar/french-holidays";

export const HOLIDAY_NAMES = [
  "new_year", "labour_day", "victory_1945", "bastille_day", "assumption", "all_saints", "armistice", "christmas",
  "easter_monday", "ascension", "whit_monday",
] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

const FIXED: Record<string, HolidayName> = {
  "01-01": "new_year", "05-01": "labour_day", "05-08": "victory_1945", "07-14": "bastille_day",
  "08-15": "assumption", "11-01": "all_saints", "11-11": "armistice", "12-25": "christmas",
};

/**
 * The year's holidays with their names. frenchHolidays() gives dates only: once the eight fixed
 * dates are taken out, the three movable ones are always, in order, Easter Monday, Ascension
 * and Whit Monday (Ascension can fall on 1 or 8 May, hence one name per occurrence, not per date).
 */
export function namedHolidays(year: number): { day: string; names: HolidayName[] }[] {
  const movable = [...frenchHolidays(year)];
  const out = new Map<string, HolidayName[]>();
  for (const [md, name] of Object.entries(FIXED)) {
    const day = `${year}-${md}`;
    movable.splice(movable.indexOf(day), 1);
    out.set(day, [name]);
  }
  movable.sort().forEach((day, i) => out.set(day, [...(out.get(day) ?? []), (["easter_monday", "ascension", "whit_monday"] as const)[i]]));
  return [...out.entries()].map(([day, names]) => ({ day, names })).sort((a, b) => a.day.localeCompare(b.day));
}

/** Holidays from today (Paris) to the end of next year: the booking calendar is closed on them. */
export function comingHolidays(now: Date) {
  const today = parisDay(now);
  const year = Number(today.slice(0, 4));
  return [...namedHolidays(year), ...namedHolidays(year + 1)].filter((h) => h.day >= today);
}
