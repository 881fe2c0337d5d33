import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { bookingMotives, bookingPlaces, openingSlots, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { lockBookableAgent } from "./agents";
import { fail, type Actor, type WriteResult } from "./result";
import type { OpeningSlotInput } from "./schemas";

/** Opening slots of the territory with their place and agent names, by agent then start. */
export async function listOpeningSlots(db: Db, territoryId: string) {
  const list = await db
    .select({
      id: openingSlots.id, agentId: openingSlots.agentId, agent: users.name, placeId: openingSlots.placeId, place: bookingPlaces.name,
      placeArchived: sql<boolean>`${bookingPlaces.archivedAt} is not null`, weekdays: openingSlots.weekdays,
      startTime: openingSlots.startTime, endTime: openingSlots.endTime, motiveIds: openingSlots.motiveIds,
      validFrom: openingSlots.validFrom, validUntil: openingSlots.validUntil,
    })
    .from(openingSlots)
    .innerJoin(users, eq(users.id, openingSlots.agentId))
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, openingSlots.placeId))
    .where(eq(openingSlots.territoryId, territoryId))
    .orderBy(asc(users.name), asc(openingSlots.validFrom), asc(openingSlots.startTime));
  const motives = await db
    .select({ id: bookingMotives.id, name: bookingMotives.name, archived: sql<boolean>`${bookingMotives.archivedAt} is not null` })
    .from(bookingMotives)
    .where(eq(bookingMotives.territoryId, territoryId));
  const byId = new Map(motives.map((m) => [m.id, m]));
  return list.map((s) => ({ ...s, motives: s.motiveIds.map((id) => byId.get(id)).filter((m) => m !== undefined) }));
}

/**
 * Another slot of the same agent sharing a weekday, with overlapping hours and overlapping
 * validity periods: the agent would have to be in two places at once.
 */
async function findOverlap(tx: Tx, territoryId: string, s: OpeningSlotInput): Promise<string | null> {
  const days = sql.join(s.weekdays.map((d) => sql`${d}`), sql`, `);
  const [hit] = await rows<{ id: string }>(tx, sql`
    select id from ${openingSlots}
    where territory_id = ${territoryId}::uuid and agent_id = ${s.agentId}::uuid
      and weekdays && array[${days}]::smallint[]
      and start_time < ${s.endTime} and end_time > ${s.startTime}
      and valid_from <= coalesce(${s.validUntil}::date, 'infinity'::date)
      and coalesce(valid_until, 'infinity'::date) >= ${s.validFrom}::date
    limit 1`);
  return hit?.id ?? null;
}

export async function createOpeningSlot(db: Db, territoryId: string, actor: Actor, input: OpeningSlotInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    // Locking the agent serialises concurrent writes for them, so the overlap check holds.
    if (!(await lockBookableAgent(tx, territoryId, input.agentId))) return fail("agentId", "agent");
    const [place] = await tx
      .select({ id: bookingPlaces.id })
      .from(bookingPlaces)
      .where(and(eq(bookingPlaces.id, input.placeId), eq(bookingPlaces.territoryId, territoryId), isNull(bookingPlaces.archivedAt)));
    if (!place) return fail("placeId", "place");
    const motives = await tx
      .select({ id: bookingMotives.id })
      .from(bookingMotives)
      .where(and(inArray(bookingMotives.id, input.motiveIds), eq(bookingMotives.territoryId, territoryId), isNull(bookingMotives.archivedAt)));
    if (motives.length !== input.motiveIds.length) return fail("motiveIds", "motive");
    if (await findOverlap(tx, territoryId, input)) return fail("startTime", "overlap");
    const [s] = await tx.insert(openingSlots).values({ territoryId, ...input }).returning({ id: openingSlots.id });
    await writeAudit(tx, {
      territoryId, actorUserId: actor.userId, actorKind: "staff", action: "opening_slot.create", entity: "opening_slot", entityId: s.id,
      details: {
        agentId: input.agentId, placeId: input.placeId, weekdays: input.weekdays.join(","), startTime: input.startTime, endTime: input.endTime,
        motives: input.motiveIds.length, validFrom: input.validFrom, validUntil: input.validUntil,
      },
    });
    return { ok: true as const, id: s.id };
  });
}

export async function deleteOpeningSlot(db: Db, territoryId: string, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [s] = await tx
      .delete(openingSlots)
      .where(and(eq(openingSlots.id, id), eq(openingSlots.territoryId, territoryId)))
      .returning({ id: openingSlots.id, agentId: openingSlots.agentId, placeId: openingSlots.placeId });
    if (!s) return false;
    await writeAudit(tx, {
      territoryId, actorUserId: actor.userId, actorKind: "staff", action: "opening_slot.delete", entity: "opening_slot", entityId: s.id,
      details: { agentId: s.agentId, placeId: s.placeId },
    });
    return true;
  });
}
