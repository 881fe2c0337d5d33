import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentAbsences, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { lockBookableAgent } from "./agents";
import { fail, type Actor, type WriteResult } from "./result";
import type { AbsenceInput } from "./schemas";

/** Absences that end after `since` (current and coming ones by default), by start. */
export async function listAbsences(db: Db, territoryId: string, since = new Date()) {
  return db
    .select({
      id: agentAbsences.id, agentId: agentAbsences.agentId, agent: users.name,
      startsAt: agentAbsences.startsAt, endsAt: agentAbsences.endsAt, reason: agentAbsences.reason,
    })
    .from(agentAbsences)
    .innerJoin(users, eq(users.id, agentAbsences.agentId))
    .where(and(eq(agentAbsences.territoryId, territoryId), gte(agentAbsences.endsAt, since)))
    .orderBy(asc(agentAbsences.startsAt))
    .limit(500);
}

export async function createAbsence(db: Db, territoryId: string, actor: Actor, input: AbsenceInput): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    if (!(await lockBookableAgent(tx, territoryId, input.agentId))) return fail("agentId", "agent");
    const [a] = await tx.insert(agentAbsences).values({ territoryId, ...input }).returning({ id: agentAbsences.id });
    // The reason may be personal (health…): never in the audit details.
    await writeAudit(tx, {
      territoryId, actorUserId: actor.userId, actorKind: "staff", action: "agent_absence.create", entity: "agent_absence", entityId: a.id,
      details: { agentId: input.agentId, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() },
    });
    return { ok: true as const, id: a.id };
  });
}

export async function deleteAbsence(db: Db, territoryId: string, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [a] = await tx
      .delete(agentAbsences)
      .where(and(eq(agentAbsences.id, id), eq(agentAbsences.territoryId, territoryId)))
      .returning({ id: agentAbsences.id, agentId: agentAbsences.agentId });
    if (!a) return false;
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "agent_absence.delete", entity: "agent_absence", entityId: a.id, details: { agentId: a.agentId } });
    return true;
  });
}
