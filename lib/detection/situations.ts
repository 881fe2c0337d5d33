import { and, desc, eq, exists, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { detectionFollowUps, detectionHouseholds, detectionServices, detectionSituationFormes, detectionSituations, users } from "@/db/schema";
import { sortToFollow } from "./to-follow";

/** Reading situations; every query filters by territory, so another territory's id is not found. */
const listed = {
  id: detectionSituations.id, detectedOn: detectionSituations.detectedOn, status: detectionSituations.status, resolution: detectionSituations.resolution,
  benefitCode: detectionSituations.benefitCode, domain: detectionSituations.domain, financial: detectionSituations.financial,
  householdCode: detectionHouseholds.code, service: detectionServices.label, worker: users.name,
};

export async function getSituation(db: Db, territoryId: string, id: string) {
  const [s] = await db.select({ situation: detectionSituations, householdCode: detectionHouseholds.code, service: detectionServices.label, worker: users.name })
    .from(detectionSituations)
    .innerJoin(detectionHouseholds, eq(detectionHouseholds.id, detectionSituations.householdId))
    .innerJoin(detectionServices, eq(detectionServices.id, detectionSituations.serviceId))
    .leftJoin(users, eq(users.id, detectionSituations.workerId))
    .where(and(eq(detectionSituations.id, id), eq(detectionSituations.territoryId, territoryId)));
  if (!s) return null;
  const formes = await db.select({ forme: detectionSituationFormes.forme, reason: detectionSituationFormes.reason, level: detectionSituationFormes.level })
    .from(detectionSituationFormes).where(and(eq(detectionSituationFormes.situationId, id), eq(detectionSituationFormes.territoryId, territoryId)));
  return { ...s.situation, householdCode: s.householdCode, service: s.service, worker: s.worker, formes };
}

function base(db: Db) {
  return db.select(listed).from(detectionSituations)
    .innerJoin(detectionHouseholds, eq(detectionHouseholds.id, detectionSituations.householdId))
    .innerJoin(detectionServices, eq(detectionServices.id, detectionSituations.serviceId))
    .leftJoin(users, eq(users.id, detectionSituations.workerId));
}

export type ListedSituation = Awaited<ReturnType<typeof listRecentSituations>>[number];

export async function listRecentSituations(db: Db, territoryId: string, limit = 20) {
  return base(db).where(eq(detectionSituations.territoryId, territoryId))
    .orderBy(desc(detectionSituations.detectedOn), desc(detectionSituations.createdAt)).limit(limit);
}

export async function listHouseholdSituationsDetailed(db: Db, territoryId: string, householdId: string) {
  return base(db).where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.householdId, householdId)))
    .orderBy(detectionSituations.detectedOn, detectionSituations.createdAt);
}

/** Open or in-progress situations the user recorded or followed, with the reminder of their latest follow-up. */
export async function listToFollow(db: Db, territoryId: string, userId: string, today: string) {
  const mine = or(
    eq(detectionSituations.workerId, userId),
    exists(db.select({ one: detectionFollowUps.id }).from(detectionFollowUps)
      .where(and(eq(detectionFollowUps.situationId, detectionSituations.id), eq(detectionFollowUps.authorId, userId)))),
  );
  const rows = await base(db).where(and(eq(detectionSituations.territoryId, territoryId), inArray(detectionSituations.status, ["open", "in_progress"]), mine)).limit(500);
  const ids = rows.map((r) => r.id);
  const logs = ids.length ? await db.select({ situationId: detectionFollowUps.situationId, remindOn: detectionFollowUps.remindOn, at: detectionFollowUps.at })
    .from(detectionFollowUps).where(and(eq(detectionFollowUps.territoryId, territoryId), inArray(detectionFollowUps.situationId, ids)))
    .orderBy(desc(detectionFollowUps.at)) : [];
  const latest = new Map<string, string | null>();
  for (const l of logs) if (!latest.has(l.situationId)) latest.set(l.situationId, l.remindOn);
  return sortToFollow(rows.map((r) => ({ ...r, remindOn: latest.get(r.id) ?? null })), today);
}

/** The service the worker used last (the form's default). */
export async function lastServiceOf(db: Db, territoryId: string, workerId: string): Promise<string | null> {
  const [r] = await db.select({ serviceId: detectionSituations.serviceId }).from(detectionSituations)
    .where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.workerId, workerId)))
    .orderBy(desc(detectionSituations.createdAt)).limit(1);
  return r?.serviceId ?? null;
}

/** The household already used for a rights review (its later situations join it). */
export async function householdOfReview(db: Db, territoryId: string, requestId: string): Promise<string | null> {
  const [r] = await db.select({ code: detectionHouseholds.code }).from(detectionSituations)
    .innerJoin(detectionHouseholds, eq(detectionHouseholds.id, detectionSituations.householdId))
    .where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.reviewRequestId, requestId))).limit(1);
  return r?.code ?? null;
}
