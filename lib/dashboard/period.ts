/** The instant a Paris calendar day (YYYY-MM-DD) starts, whatever the daylight-saving time. */
export function parisMidnight(day: string, plusDays = 0): Date {
  const base = new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000);
  // Paris is UTC+1 or UTC+2: read the offset Paris shows at that UTC midnight, then shift.
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" }).formatToParts(base);
  const offsetHours = Number(parts.find((p) => p.type === "hour")?.value ?? 1);
  return new Date(base.getTime() - offsetHours * 3_600_000);
}
