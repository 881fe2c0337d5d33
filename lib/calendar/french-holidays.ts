/**
 * French public holidays (metropolitan France) for any year, by rule: fixed dates plus the
 * Easter-based ones (Easter Monday, Ascension, Whit Monday). Dates are calendar days "YYYY-MM-DD".
 */
function easterSunday(year: number): { month: number; day: number } {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function frenchHolidays(year: number): string[] {
  const { month, day } = easterSunday(year);
  const easter = Date.UTC(year, month - 1, day);
  const plus = (days: number) => iso(new Date(easter + days * 86_400_000));
  const fixed = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"].map((md) => `${year}-${md}`);
  return [...fixed, plus(1), plus(39), plus(50)].sort();
}

/** The calendar day in Paris of an instant. */
export function parisDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function isWorkingDay(day: string): boolean {
  const d = new Date(`${day}T12:00:00Z`);
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !frenchHolidays(d.getUTCFullYear()).includes(day);
}

/** The Paris calendar day that comes `n` working days after the day of `from`. */
export function addWorkingDays(from: Date, n: number): string {
  let d = new Date(`${parisDay(from)}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() + 86_400_000);
    if (isWorkingDay(iso(d))) left--;
  }
  return iso(d);
}
