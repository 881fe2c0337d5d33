import { getDb } from "@/db/client";
import { findByToken } from "@/lib/booking/manage";
import { motiveText } from "@/lib/booking/localized";
import { manageUrl } from "@/lib/booking/notify";
import { toLocale } from "@/lib/i18n/locale";
import { plainError } from "@/lib/http/form";
import { buildIcs } from "@/lib/notifications/ics";
import { getTerritoryBySlugCached } from "@/lib/territories/queries";

/** The appointment as a calendar file, for the person (same token as their link). */
export async function GET(_request: Request, ctx: { params: Promise<{ slug: string; token: string }> }) {
  const { slug, token } = await ctx.params;
  const db = await getDb();
  const territory = /^[a-z0-9-]{1,60}$/.test(slug) ? await getTerritoryBySlugCached(db, slug) : null;
  const row = territory ? await findByToken(db, territory.id, token, new Date()) : null;
  if (!territory || !row) return plainError(404, "Rendez-vous introuvable.");
  const { a, motive, place } = row;
  const text = motiveText(motive, toLocale(a.locale));
  const ics = buildIcs([{
    uid: `${a.id}@barometre`, start: a.startsAt, end: a.endsAt, sequence: a.revision, cancelled: a.status === "excused" || a.status === "revoked",
    title: `${text.name} — CCAS ${territory.name}`,
    location: motive.locationType === "phone" ? (a.locale === "en" ? "Phone" : "Téléphone") : `${place.name}, ${place.address}`,
    description: text.instructions ?? undefined, url: manageUrl(slug, token),
  }], { method: "PUBLISH" });
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="rendez-vous.ics"', "Cache-Control": "no-store" },
  });
}
