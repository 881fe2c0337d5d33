import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingMotives } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { fail, guardName, type Actor, type WriteResult } from "./result";
import type { MotiveInput } from "./schemas";

export async function listMotives(db: Db, territoryId: string, opts: { includeArchived?: boolean } = {}) {
  return db
    .select()
    .from(bookingMotives)
    .where(and(eq(bookingMotives.territoryId, territoryId), opts.includeArchived ? undefined : isNull(bookingMotives.archivedAt)))
    .orderBy(sql`${bookingMotives.archivedAt} is not null`, asc(bookingMotives.name));
}

export async function getMotive(db: Db, territoryId: string, id: string) {
  const [m] = await db.select().from(bookingMotives).where(and(eq(bookingMotives.id, id), eq(bookingMotives.territoryId, territoryId))).limit(1);
  return m ?? null;
}

/** Settings that matter to the audit trail (no personal data in a motive anyway). */
const auditDetails = (m: MotiveInput) => ({
  durationMinutes: m.durationMinutes, locationType: m.locationType, minDelayMinutes: m.minDelayMinutes, maxDelayDays: m.maxDelayDays,
  cancelDeadlineMinutes: m.cancelDeadlineMinutes, moveDeadlineMinutes: m.moveDeadlineMinutes, bookableOnline: m.bookableOnline,
});


export async function createMotive(db: Db, territoryId: string, actor: Actor, input: MotiveInput): Promise<WriteResult> {
  return guardName(() => db.transaction(async (tx) => {
    const [m] = await tx.insert(bookingMotives).values({ territoryId, ...input }).returning({ id: bookingMotives.id });
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "booking_motive.create", entity: "booking_motive", entityId: m.id, details: auditDetails(input) });
    return { ok: true as const, id: m.id };
  }));
}

export async function updateMotive(db: Db, territoryId: string, actor: Actor, id: string, input: MotiveInput): Promise<WriteResult> {
  return guardName(() => db.transaction(async (tx) => {
    const [m] = await tx
      .update(bookingMotives)
      .set(input)
      .where(and(eq(bookingMotives.id, id), eq(bookingMotives.territoryId, territoryId)))
      .returning({ id: bookingMotives.id });
    if (!m) return fail("form", "not_found");
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "booking_motive.update", entity: "booking_motive", entityId: m.id, details: auditDetails(input) });
    return { ok: true as const, id: m.id };
  }));
}

/** Archived motives are no longer bookable; existing appointments keep theirs. */
export async function archiveMotive(db: Db, territoryId: string, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [m] = await tx
      .update(bookingMotives)
      .set({ archivedAt: sql`coalesce(${bookingMotives.archivedAt}, now())` })
      .where(and(eq(bookingMotives.id, id), eq(bookingMotives.territoryId, territoryId)))
      .returning({ id: bookingMotives.id });
    if (!m) return false;
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "booking_motive.archive", entity: "booking_motive", entityId: m.id });
    return true;
  });
}
