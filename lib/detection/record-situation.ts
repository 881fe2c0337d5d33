import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { detectionHouseholds, detectionSituationFormes, detectionSituations, neighbourhoods, sites } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { createHousehold, findHouseholdByCode, getHousehold } from "./households";
import type { SituationInput } from "./situation-schema";

/**
 * Recording and editing a situation. Recording is one transaction: the household (found by code,
 * reused from the same rights review, or created), the situation, its formes, the audit row.
 * The idempotency key makes a double submit, a retry or a second click on "turn this review
 * into a situation" return the situation already recorded.
 */
export type HouseholdChoice = { code: string } | { new: { peopleCount?: number | null; neighbourhoodId?: string | null } };
export type RecordProblem = "unknown_household" | "caused_by" | "sector" | "site" | "neighbourhood";
export type RecordResult = { ok: true; id: string; householdCode: string; created: boolean } | { ok: false; problem: RecordProblem };

/** Pure: the columns of a situation from the checked form (a benefit only if financial, a domain only if not). */
export function situationColumns(v: SituationInput) {
  const money = (n: number | undefined) => (n === undefined ? null : n.toFixed(2));
  const financial = v.financial === undefined ? null : v.financial === "yes";
  return {
    detectedOn: v.detectedOn, serviceId: v.serviceId, sectorId: v.sectorId ?? null, siteId: v.siteId ?? null,
    peopleConcerned: v.peopleConcerned ?? null, financial,
    benefitCode: financial === false ? null : v.benefitCode ?? null, domain: financial === true ? null : v.domain ?? null,
    actors: v.actors, intensity: v.intensity ?? null, causedById: v.causedById ?? null, actions: v.actions,
    timeMinutes: v.timeMinutes ?? null, missedMonthly: money(v.missedMonthly), missedMonths: v.missedMonths ?? null,
    optionalAidRequested: v.optionalAidRequested === undefined ? null : v.optionalAidRequested === "yes",
    optionalAidGranted: money(v.optionalAidGranted), summary: v.summary || null,
  };
}

class AlreadyRecorded extends Error {}

async function findByKey(db: Db | Tx, territoryId: string, key: string) {
  const [s] = await db.select({ id: detectionSituations.id, householdId: detectionSituations.householdId }).from(detectionSituations)
    .where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.idempotencyKey, key))).limit(1);
  return s ?? null;
}

async function householdCodeOf(db: Db | Tx, territoryId: string, situationId: string) {
  const [r] = await db.select({ code: detectionHouseholds.code }).from(detectionSituations)
    .innerJoin(detectionHouseholds, eq(detectionHouseholds.id, detectionSituations.householdId))
    .where(and(eq(detectionSituations.id, situationId), eq(detectionSituations.territoryId, territoryId)));
  return r?.code ?? "";
}

/** The places the form names belong to the territory (another territory's id is refused). */
async function placesProblem(tx: Db | Tx, territoryId: string, v: { sectorId?: string | null; siteId?: string | null; neighbourhoodId?: string | null }): Promise<RecordProblem | null> {
  const area = async (id: string) => (await tx.select({ id: neighbourhoods.id }).from(neighbourhoods).where(and(eq(neighbourhoods.id, id), eq(neighbourhoods.territoryId, territoryId)))).length > 0;
  if (v.sectorId && !(await area(v.sectorId))) return "sector";
  if (v.neighbourhoodId && !(await area(v.neighbourhoodId))) return "neighbourhood";
  if (v.siteId && !(await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.id, v.siteId), eq(sites.territoryId, territoryId)))).length) return "site";
  return null;
}

/** Whether `causeId` may cause situation `selfId` of household `householdId` (same household, no loop). */
async function causeAllowed(tx: Db | Tx, territoryId: string, householdId: string, causeId: string, selfId: string | null) {
  let current: string | null = causeId;
  for (let depth = 0; current && depth < 100; depth++) {
    if (current === selfId) return false;
    const [row] = await tx.select({ householdId: detectionSituations.householdId, causedById: detectionSituations.causedById }).from(detectionSituations)
      .where(and(eq(detectionSituations.id, current), eq(detectionSituations.territoryId, territoryId)));
    if (!row || row.householdId !== householdId) return false;
    current = row.causedById;
  }
  return true;
}

export async function recordSituation(db: Db, args: {
  territoryId: string; workerId: string; input: SituationInput; household: HouseholdChoice; idempotencyKey: string;
  source?: "form" | "review"; reviewRequestId?: string | null; now?: Date;
}): Promise<RecordResult> {
  const { territoryId, workerId, input, idempotencyKey } = args;
  const now = args.now ?? new Date();
  const done = await findByKey(db, territoryId, idempotencyKey);
  if (done) return { ok: true, id: done.id, householdCode: await householdCodeOf(db, territoryId, done.id), created: false };
  try {
    return await db.transaction(async (tx): Promise<RecordResult> => {
      const newHousehold = "new" in args.household ? args.household.new : null;
      const problem = await placesProblem(tx, territoryId, { ...input, neighbourhoodId: newHousehold?.neighbourhoodId });
      if (problem) return { ok: false, problem };
      let household = "code" in args.household ? await findHouseholdByCode(tx, territoryId, args.household.code) : null;
      if ("code" in args.household && !household) return { ok: false, problem: "unknown_household" };
      if (!household && args.reviewRequestId) {
        // A rights review's later situations join the household of its first one.
        const [earlier] = await tx.select({ householdId: detectionSituations.householdId }).from(detectionSituations)
          .where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.reviewRequestId, args.reviewRequestId))).limit(1);
        if (earlier) household = await getHousehold(tx, territoryId, earlier.householdId);
      }
      const newOne = !household;
      household ??= await createHousehold(tx, territoryId, { ...newHousehold, createdBy: workerId });
      if (input.causedById && !(await causeAllowed(tx, territoryId, household.id, input.causedById, null))) return { ok: false, problem: "caused_by" };
      const [row] = await tx.insert(detectionSituations).values({
        territoryId, householdId: household.id, idempotencyKey, source: args.source ?? "form", reviewRequestId: args.reviewRequestId ?? null,
        workerId, createdBy: workerId, createdAt: now, updatedAt: now, ...situationColumns(input),
      }).onConflictDoNothing().returning({ id: detectionSituations.id });
      if (!row) throw new AlreadyRecorded(); // a concurrent submit of the same form won: undo this one
      await tx.insert(detectionSituationFormes).values(input.formes.map((f) => ({ situationId: row.id, territoryId, forme: f.forme, reason: f.reason, level: f.level ?? null })));
      await writeAudit(tx, {
        territoryId, actorUserId: workerId, actorKind: "staff", action: "detection.situation.record", entity: "detection_situation", entityId: row.id, at: now,
        details: { source: args.source ?? "form", newHousehold: newOne },
      });
      return { ok: true, id: row.id, householdCode: household.code, created: true };
    });
  } catch (e) {
    if (!(e instanceof AlreadyRecorded)) throw e;
    const again = await findByKey(db, territoryId, idempotencyKey);
    if (!again) throw e;
    return { ok: true, id: again.id, householdCode: await householdCodeOf(db, territoryId, again.id), created: false };
  }
}

/** Pure: the names of the fields an edit changes (the audit names them, never their values). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const norm = (v: unknown) => JSON.stringify(Array.isArray(v) ? [...v].sort() : v ?? null);
  return Object.keys(after).filter((k) => norm(before[k]) !== norm(after[k])).sort();
}

const formesKey = (fs: { forme: string; reason: string | null; level?: string | null }[]) =>
  fs.map((f) => `${f.forme}:${f.reason ?? ""}:${f.level ?? ""}`).sort().join("|");

/** Edits a situation of the territory (its household stays); audited with the changed field names. */
export async function updateSituation(db: Db, territoryId: string, id: string, actorId: string, input: SituationInput, now = new Date()):
  Promise<{ ok: true; changed: string[] } | { ok: false; problem: RecordProblem | "not_found" }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(detectionSituations)
      .where(and(eq(detectionSituations.id, id), eq(detectionSituations.territoryId, territoryId))).for("update");
    if (!current) return { ok: false as const, problem: "not_found" as const };
    const problem = await placesProblem(tx, territoryId, input);
    if (problem) return { ok: false as const, problem };
    if (input.causedById && !(await causeAllowed(tx, territoryId, current.householdId, input.causedById, id))) return { ok: false as const, problem: "caused_by" as const };
    const next = situationColumns(input);
    const changed = changedFields(current as unknown as Record<string, unknown>, next);
    const formes = await tx.select().from(detectionSituationFormes).where(eq(detectionSituationFormes.situationId, id));
    if (formesKey(formes) !== formesKey(input.formes)) {
      changed.push("formes");
      await tx.delete(detectionSituationFormes).where(eq(detectionSituationFormes.situationId, id));
      await tx.insert(detectionSituationFormes).values(input.formes.map((f) => ({ situationId: id, territoryId, forme: f.forme, reason: f.reason, level: f.level ?? null })));
    }
    if (!changed.length) return { ok: true as const, changed };
    await tx.update(detectionSituations).set({ ...next, updatedAt: now }).where(eq(detectionSituations.id, id));
    await writeAudit(tx, {
      territoryId, actorUserId: actorId, actorKind: "staff", action: "detection.situation.edit", entity: "detection_situation", entityId: id, at: now,
      details: { fields: changed.join(",") },
    });
    return { ok: true as const, changed };
  });
}
