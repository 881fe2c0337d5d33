import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { calendarDate, parisWallClock, uuid } from "@/lib/validation/parsers";
import type { Db } from "@/db/client";
import { callbackAttempts, callbackRequests, neighbourhoods, outreachActions, responses, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { contactAad } from "./requests";
import { ATTEMPT_OUTCOMES, CLOSED, transition, type RequestState, type Status } from "./state-machine";

export type Contact = {
  firstName: string; phone: string | null; email: string | null; days: string[]; times: string[];
  channel: string; language: string; companion: boolean; accessibility: string | null;
};

/**
 * One request as an agent sees it, contact data decrypted; `answers` is null for a consent taken
 * at an outreach stand (`outreach` then names the action). The view is audited in the same
 * transaction as the read. Another territory's id is simply not found (null).
 */
export async function viewRequest(db: Db, territoryId: string, id: string, actorUserId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        request: callbackRequests, neighbourhood: neighbourhoods.name, assignee: users.name,
        answers: responses.answers, commonVersionId: responses.commonVersionId, moduleVersionId: responses.moduleVersionId,
        receiptCode: responses.receiptCode,
        outreach: { actionType: outreachActions.actionType, heldOn: outreachActions.heldOn },
      })
      .from(callbackRequests)
      // A stand consent has no response: no answers (null), the outreach action instead.
      .leftJoin(responses, eq(responses.id, callbackRequests.responseId))
      .leftJoin(outreachActions, and(eq(outreachActions.id, callbackRequests.outreachActionId), eq(outreachActions.territoryId, territoryId)))
      .leftJoin(neighbourhoods, eq(neighbourhoods.id, callbackRequests.neighbourhoodId))
      .leftJoin(users, eq(users.id, callbackRequests.assignedTo))
      .where(and(eq(callbackRequests.id, id), eq(callbackRequests.territoryId, territoryId)))
      .limit(1);
    if (!row) return null;
    const contact = row.request.contactCiphertext ? decryptJson<Contact>(row.request.contactCiphertext, contactAad(row.request)) : null;
    if (contact) {
      await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "callback.view_contact", entity: "callback_request", entityId: id, at: now });
    }
    const attempts = await tx
      .select({ outcome: callbackAttempts.outcome, at: callbackAttempts.at, callBackAt: callbackAttempts.callBackAt, agent: users.name })
      .from(callbackAttempts)
      .leftJoin(users, eq(users.id, callbackAttempts.agentId))
      .where(and(eq(callbackAttempts.requestId, id), eq(callbackAttempts.territoryId, territoryId)))
      .orderBy(desc(callbackAttempts.at));
    const { contactCiphertext: _omit, ...request } = row.request;
    return { ...row, request, contact, attempts };
  });
}

export type ChangeResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "closed" | "not_assigned" | "not_reached" | "unknown_agent" | "unknown_benefit" }
  | { ok: false; reason: "taken"; by: string };

/**
 * Claims an unassigned request. Two agents claiming at once: the conditional update lets
 * exactly one win; the other is told who took it.
 */
export async function claimRequest(db: Db, territoryId: string, id: string, agentId: string, now = new Date()): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const won = await tx
      .update(callbackRequests)
      .set({ assignedTo: agentId, assignedAt: now, updatedAt: now, status: sql`case when ${callbackRequests.status} = 'new' then 'assigned' else ${callbackRequests.status} end` })
      .where(and(
        eq(callbackRequests.id, id), eq(callbackRequests.territoryId, territoryId), isNull(callbackRequests.assignedTo),
        sql`${callbackRequests.status} not in ('closed_reviewed', 'closed_unreachable', 'withdrawn')`,
      ))
      .returning({ id: callbackRequests.id });
    if (won.length) {
      await writeAudit(tx, { territoryId, actorUserId: agentId, actorKind: "staff", action: "callback.claim", entity: "callback_request", entityId: id, at: now });
      return { ok: true };
    }
    const [current] = await tx
      .select({ status: callbackRequests.status, by: users.name })
      .from(callbackRequests)
      .leftJoin(users, eq(users.id, callbackRequests.assignedTo))
      .where(and(eq(callbackRequests.id, id), eq(callbackRequests.territoryId, territoryId)));
    if (!current) return { ok: false, reason: "not_found" };
    if (CLOSED.includes(current.status as Status)) return { ok: false, reason: "closed" };
    return { ok: false, reason: "taken", by: current.by ?? "?" };
  });
}

async function applyEvent(
  db: Db, territoryId: string, id: string, actorUserId: string, now: Date, maxFailed: number,
  event: Parameters<typeof transition>[1], extra: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], next: RequestState) => Promise<void>,
  action: string,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    // Row lock: concurrent changes to one request apply one after the other.
    const [r] = await tx
      .select({ status: callbackRequests.status, assignedTo: callbackRequests.assignedTo, failedAttempts: callbackRequests.failedAttempts })
      .from(callbackRequests)
      .where(and(eq(callbackRequests.id, id), eq(callbackRequests.territoryId, territoryId)))
      .for("update");
    if (!r) return { ok: false, reason: "not_found" };
    const t = transition({ ...r, status: r.status as Status }, event, maxFailed);
    if (!t.ok) return { ok: false, reason: t.reason };
    await extra(tx, t.state);
    const closing = CLOSED.includes(t.state.status);
    await tx
      .update(callbackRequests)
      .set({
        status: t.state.status, assignedTo: t.state.assignedTo, failedAttempts: t.state.failedAttempts, updatedAt: now,
        ...(t.state.assignedTo !== r.assignedTo ? { assignedAt: now } : {}),
        ...(closing ? { closedAt: now } : {}),
      })
      .where(eq(callbackRequests.id, id));
    await writeAudit(tx, {
      territoryId, actorUserId, actorKind: "staff", action, entity: "callback_request", entityId: id, at: now,
      details: { status: t.state.status },
    });
    return { ok: true };
  });
}

export const assignSchema = z.object({ agentId: uuid("Agent inconnu.") });

export async function assignRequest(db: Db, territoryId: string, id: string, agentId: string, byUserId: string, now = new Date()): Promise<ChangeResult> {
  const [agent] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, agentId), eq(users.territoryId, territoryId), inArray(users.role, ["ccas_agent", "territory_admin"]), isNull(users.disabledAt)));
  if (!agent) return { ok: false, reason: "unknown_agent" };
  return applyEvent(db, territoryId, id, byUserId, now, Infinity, { type: "assign", agentId }, async () => {}, "callback.assign");
}

export const attemptSchema = z.object({
  outcome: z.enum(ATTEMPT_OUTCOMES),
  callBackOn: calendarDate().optional(),
}).refine((v) => v.outcome !== "call_back" || !!v.callBackOn, { path: ["callBackOn"], message: "call_back_date" });

export async function logAttempt(
  db: Db, territoryId: string, id: string, agentId: string, input: z.infer<typeof attemptSchema>, maxFailed: number, now = new Date(),
): Promise<ChangeResult> {
  // 09:00 Paris time that day (summer or winter time alike).
  const callBackAt = input.callBackOn ? parisWallClock(input.callBackOn, "09:00") : null;
  return applyEvent(db, territoryId, id, agentId, now, maxFailed, { type: "attempt", outcome: input.outcome }, async (tx) => {
    await tx.insert(callbackAttempts).values({ territoryId, requestId: id, agentId, outcome: input.outcome, callBackAt, at: now });
    if (callBackAt) await tx.update(callbackRequests).set({ nextCallAt: callBackAt }).where(eq(callbackRequests.id, id));
  }, `callback.attempt.${input.outcome}`);
}

/** Closes a request whose review is done (the person must have been reached). */
export async function closeReviewed(db: Db, territoryId: string, id: string, agentId: string, now = new Date()): Promise<ChangeResult> {
  return applyEvent(db, territoryId, id, agentId, now, Infinity, { type: "close_reviewed" }, async () => {}, "callback.close_reviewed");
}

/** Whether a request exists in this territory (another territory's id: false). */
export async function requestExists(db: Db, territoryId: string, id: string) {
  const [r] = await db.select({ id: callbackRequests.id }).from(callbackRequests)
    .where(and(eq(callbackRequests.id, id), eq(callbackRequests.territoryId, territoryId))).limit(1);
  return !!r;
}
