import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getDb, type Db } from "@/db/client";
import { getStaffUser } from "@/lib/auth/session";
import { findKiosk } from "@/lib/kiosk/devices";
import { loadFlow } from "@/lib/questionnaire/versions";
import { getTerritoryBySlugCached, listNeighbourhoodChoicesCached } from "@/lib/territories/queries";
import type { EngineContext } from "@/lib/questionnaire/validate";
import { findDraft } from "./drafts";
import { DRAFT_COOKIE, KIOSK_COOKIE } from "./session-cookies";

/** Everything a respondent page or handler needs, resolved from the slug and the cookies. */
export async function loadTerritoryOr404(db: Db, slug: string) {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) notFound();
  const territory = await getTerritoryBySlugCached(db, slug);
  if (!territory) notFound();
  return territory;
}

export async function loadRespondent(slug: string, now = new Date()) {
  const db = await getDb();
  const territory = await loadTerritoryOr404(db, slug);
  const jar = await cookies();
  const draft = await findDraft(db, territory.id, jar.get(DRAFT_COOKIE)?.value, now);
  const kiosk = await findKiosk(db, jar.get(KIOSK_COOKIE)?.value);
  return { db, territory, draft, kiosk: kiosk && kiosk.territoryId === territory.id ? kiosk : null };
}

export async function engineFor(db: Db, territoryId: string, draft: { commonVersionId: string; moduleVersionId: string | null }) {
  const [flow, neighbourhoods] = await Promise.all([
    loadFlow(db, draft.commonVersionId, draft.moduleVersionId),
    listNeighbourhoodChoicesCached(db, territoryId),
  ]);
  const ctx: EngineContext = { neighbourhoodCodes: neighbourhoods.map((n) => n.code), now: new Date() };
  return { flow, neighbourhoods, ctx };
}

export { getStaffUser };
