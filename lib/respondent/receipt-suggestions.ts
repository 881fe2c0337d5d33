import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { responses, sites } from "@/db/schema";
import { neighbourhoodPoint } from "@/lib/booking/respondent-context";
import { listTerritoryGuides } from "@/lib/guides/store";
import type { Localized } from "@/lib/guides/guide-schema";
import { nearestHelpPoints, type HelpPointView } from "@/lib/places/queries";
import { suggestGuides, type SuggestionReason } from "./guide-suggestions";

export type ReceiptSuggestions = {
  guides: { code: string; title: Localized; reason: SuggestionReason }[];
  places: HelpPointView[];
};

/**
 * What the receipt page suggests from a submitted response: guides matching the answers and the
 * help points nearest to the person's neighbourhood (else to the collection site). Reads only;
 * nothing more about the person is stored. Another territory's response: null.
 */
export async function receiptSuggestions(db: Db, territoryId: string, responseId: string, now = new Date()): Promise<ReceiptSuggestions | null> {
  const [r] = await db
    .select({ answers: responses.answers, neighbourhoodId: responses.neighbourhoodId, siteLon: sites.lon, siteLat: sites.lat })
    .from(responses)
    .leftJoin(sites, and(eq(sites.id, responses.siteId), eq(sites.territoryId, territoryId)))
    .where(and(eq(responses.id, responseId), eq(responses.territoryId, territoryId)))
    .limit(1);
  if (!r) return null;
  const guides = await listTerritoryGuides(db, territoryId);
  const byCode = new Map(guides.filter((g) => g.guide).map((g) => [g.code, g]));
  const picked = suggestGuides((r.answers ?? {}) as Record<string, unknown>, [...byCode.keys()], now);
  const home = await neighbourhoodPoint(db, territoryId, r.neighbourhoodId);
  const near = home ? { lon: home[0], lat: home[1] } : r.siteLon != null && r.siteLat != null ? { lon: r.siteLon, lat: r.siteLat } : null;
  const places = await nearestHelpPoints(db, territoryId, near, { limit: 3 });
  return {
    guides: picked.map((s) => ({ code: s.code, title: byCode.get(s.code)!.guide!.title, reason: s.reason })),
    places,
  };
}
