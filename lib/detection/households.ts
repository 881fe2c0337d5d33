import { and, asc, eq, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { detectionHouseholds, detectionSituations } from "@/db/schema";
import { generateHouseholdCode, normaliseHouseholdCode } from "./household-code";

export type Household = typeof detectionHouseholds.$inferSelect;

/** A household of the territory by the code a worker typed (normalised), or null. */
export async function findHouseholdByCode(db: Db | Tx, territoryId: string, raw: string): Promise<Household | null> {
  const code = normaliseHouseholdCode(raw);
  if (!code) return null;
  const [h] = await db.select().from(detectionHouseholds)
    .where(and(eq(detectionHouseholds.territoryId, territoryId), or(eq(detectionHouseholds.code, code), eq(detectionHouseholds.code, raw.trim()))))
    .limit(1);
  return h ?? null;
}

export async function getHousehold(db: Db | Tx, territoryId: string, id: string): Promise<Household | null> {
  const [h] = await db.select().from(detectionHouseholds)
    .where(and(eq(detectionHouseholds.territoryId, territoryId), eq(detectionHouseholds.id, id))).limit(1);
  return h ?? null;
}

/**
 * A new household with a fresh code; a clash with an existing code of the territory (one chance
 * in a billion per draw) draws again. Inside a transaction the insert must not abort it, hence
 * `on conflict do nothing` rather than catching the unique violation.
 */
export async function createHousehold(tx: Db | Tx, territoryId: string, input: { peopleCount?: number | null; neighbourhoodId?: string | null; createdBy: string | null },
  draw: () => string = generateHouseholdCode): Promise<Household> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const [h] = await tx.insert(detectionHouseholds)
      .values({ territoryId, code: draw(), peopleCount: input.peopleCount ?? null, neighbourhoodId: input.neighbourhoodId ?? null, createdBy: input.createdBy })
      .onConflictDoNothing().returning();
    if (h) return h;
  }
  throw new Error("Could not draw a free household code");
}

/** The household's situations, oldest first (for "caused by" and the household page). */
export async function listHouseholdSituations(db: Db | Tx, territoryId: string, householdId: string) {
  return db.select({
    id: detectionSituations.id, detectedOn: detectionSituations.detectedOn, benefitCode: detectionSituations.benefitCode,
    domain: detectionSituations.domain, status: detectionSituations.status, serviceId: detectionSituations.serviceId, causedById: detectionSituations.causedById,
  }).from(detectionSituations)
    .where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.householdId, householdId)))
    .orderBy(asc(detectionSituations.detectedOn), asc(detectionSituations.createdAt));
}
