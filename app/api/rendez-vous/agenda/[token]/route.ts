import { getDb } from "@/db/client";
import { feedOwner, listCalendar } from "@/lib/booking/calendar";
import { CANCELLED_STATUSES } from "@/db/schema";
import { publicBaseUrl } from "@/lib/booking/notify";
import { plainError } from "@/lib/http/form";
import { buildIcs } from "@/lib/notifications/ics";

/**
 * An agent's private calendar feed (subscribed from a calendar app): 30 days back, 90 ahead.
 * No personal data in it — motive, place and a link to the staff page, which needs sign-in.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const db = await getDb();
  const owner = await feedOwner(db, token.replace(/\.ics$/, ""));
  if (!owner) return plainError(404, "Agenda introuvable.");
  const now = Date.now();
  const items = await listCalendar(db, owner.territoryId, new Date(now - 30 * 86_400_000), new Date(now + 90 * 86_400_000), owner.agentId);
  const ics = buildIcs(items.map((i) => ({
    uid: `${i.id}@barometre`, start: i.startsAt, end: i.endsAt, cancelled: CANCELLED_STATUSES.includes(i.status),
    title: `RDV — ${i.motive}`, location: i.locationType === "phone" ? "Téléphone" : i.place, url: `${publicBaseUrl()}/staff/rendez-vous/${i.id}`,
  })), { method: "PUBLISH", calName: "Rendez-vous CCAS" });
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store" } });
}
