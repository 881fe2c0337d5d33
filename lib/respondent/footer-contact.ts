import { and, eq } from "drizzle-orm";
import { cookies } from "next/headers";
import type { Db } from "@/db/client";
import { sites } from "@/db/schema";
import { nearestHelpPoints, type HelpPointView } from "@/lib/places/queries";
import { findDraft } from "./drafts";
import { DRAFT_COOKIE, KIOSK_COOKIE } from "./session-cookies";

/**
 * The help point the footer of every respondent page names (issue 14 item 4): the one nearest
 * the collection site of this browser's questionnaire (a kiosk or an interviewer's site), else
 * the territory's CCAS first. Never fails a page: a lookup error just leaves the line out.
 * Whether the browser is a registered kiosk comes with it.
 */
export async function footerContact(db: Db, territoryId: string, now = new Date()): Promise<{ place: HelpPointView | null; kiosk: boolean }> {
  const jar = await cookies();
  // A kiosk keeps people inside the questionnaire's wiped pages: no booking from the shared tablet.
  const kiosk = !!jar.get(KIOSK_COOKIE)?.value;
  return { place: await nearestPlace(db, territoryId, jar.get(DRAFT_COOKIE)?.value, now), kiosk };
}

async function nearestPlace(db: Db, territoryId: string, draftToken: string | undefined, now: Date): Promise<HelpPointView | null> {
  try {
    const draft = await findDraft(db, territoryId, draftToken, now);
    let near: { lon: number; lat: number } | null = null;
    if (draft?.siteId) {
      const [s] = await db.select({ lon: sites.lon, lat: sites.lat }).from(sites)
        .where(and(eq(sites.id, draft.siteId), eq(sites.territoryId, territoryId))).limit(1);
      if (s?.lon != null && s.lat != null) near = { lon: s.lon, lat: s.lat };
    }
    return (await nearestHelpPoints(db, territoryId, near, { limit: 1 }))[0] ?? null;
  } catch {
    return null;
  }
}
