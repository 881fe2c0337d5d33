import { createEvents, type EventAttributes } from "ics";

/** One appointment as a calendar event; `uid` stays the same across moves, `sequence` grows. */
export type IcsEvent = {
  uid: string;
  start: Date;
  end: Date;
  title: string;
  location?: string;
  description?: string;
  url?: string;
  sequence?: number;
  cancelled?: boolean;
};

function attributes(e: IcsEvent): EventAttributes {
  return {
    uid: e.uid, title: e.title, location: e.location, description: e.description, url: e.url,
    start: e.start.getTime(), startInputType: "utc", startOutputType: "utc",
    end: e.end.getTime(), endInputType: "utc", endOutputType: "utc",
    sequence: e.sequence ?? 0, status: e.cancelled ? "CANCELLED" : "CONFIRMED", productId: "barometre/rendez-vous",
  };
}

/** An iCalendar file (RFC 5545) of events: an attachment, a download or an agent's feed. */
export function buildIcs(events: IcsEvent[], opts: { method?: "PUBLISH" | "REQUEST" | "CANCEL"; calName?: string } = {}): string {
  if (!events.length) {
    // ics refuses an empty list; an empty calendar is still a valid feed.
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:barometre/rendez-vous", `X-WR-CALNAME:${opts.calName ?? ""}`, "END:VCALENDAR", ""].join("\r\n");
  }
  const { error, value } = createEvents(events.map(attributes), { method: opts.method, calName: opts.calName, productId: "barometre/rendez-vous" });
  if (error || !value) throw error ?? new Error("ICS generation failed");
  return value;
}
