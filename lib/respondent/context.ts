import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getDb, type Db } from "@/db/client";
import { catalogueGridRows } from "@/lib/benefits/catalogue";
import { findKiosk } from "@/lib/kiosk/devices";
import { loadFlow } from "@/lib/questionnaire/versions";
import { getTerritoryBySlugCached, listNeighbourhoodChoicesCached } from "@/lib/territories/queries";
import type { EngineContext } from "@/lib/questionnaire/validate";
import { findDraft } from "./drafts";
import { DRAFT_COOKIE, KIOSK_COOKIE } from "./session-cookies";

const SLUG = /^[a-z0-9-]{1,60}$/;

/**
 * Territory, draft and kiosk of a respondent request, from the slug and the cookies. A draft or
 * a kiosk of another territory is simply not found. Null when the territory does not exist.
 */
export async function resolveRespondent(db: Db, slug: string, now = new Date()) {
  const territory = SLUG.test(slug) ? await getTerritoryBySlugCached(db, slug) : null;
  if (!territory) return null;
  const jar = await cookies();
  const draft = await findDraft(db, territory.id, jar.get(DRAFT_COOKIE)?.value, now);
  const kiosk = await findKiosk(db, jar.get(KIOSK_COOKIE)?.value);
  return { territory, draft, kiosk: kiosk && kiosk.territoryId === territory.id ? kiosk : null };
}

/** For pages: the same, with a 404 page for an unknown territory. */
export async function loadRespondent(slug: string, now = new Date()) {
  const db = await getDb();
  const resolved = await resolveRespondent(db, slug, now);
  if (!resolved) notFound();
  return { db, ...resolved };
}

/** The flow of a draft (its versions, the territory's benefit catalogue), the areas and the validation context. */
export async function engineFor(db: Db, territoryId: string, draft: { commonVersionId: string; moduleVersionId: string | null }) {
  const rows = await catalogueGridRows(db, territoryId);
  const [flow, neighbourhoods] = await Promise.all([
    loadFlow(db, draft.commonVersionId, draft.moduleVersionId, rows),
    listNeighbourhoodChoicesCached(db, territoryId),
  ]);
  const ctx: EngineContext = { neighbourhoodCodes: neighbourhoods.map((n) => n.code), now: new Date() };
  return { flow, neighbourhoods, ctx };
}

