/** "mardi 2 mars à 09:00" style label of an ISO start, in Paris time (server or browser). */
export function slotLabel(iso: string, localeTag: string) {
  return new Intl.DateTimeFormat(localeTag, {
    timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
  }).format(new Date(iso));
}
