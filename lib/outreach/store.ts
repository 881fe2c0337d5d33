import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callbackRequests, neighbourhoods, outreachActions, responses, sites, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Decision, Proposal, Report } from "./schemas";
import { canSee, outreachTransition, type Actor, type Refusal } from "./state-machine";

/**
 * Data access of the outreach actions. Every query is scoped to one territory; a proposer reads
 * only their own actions (another's id: not found), the lead every action of the territory.
 * No function here ever returns contact data: stand consents are counted, never read.
 */
export type Problem = Refusal | "not_found" | "site" | "neighbourhood";
export type Result<T = object> = ({ ok: true } & T) | { ok: false; problem: Problem };

const visibleTo = (territoryId: string, actor: Actor) => and(
  eq(outreachActions.territoryId, territoryId),
  actor.lead ? undefined : eq(outreachActions.proposedBy, actor.userId),
);

async function placeProblem(db: Db, territoryId: string, p: { siteId?: string; neighbourhoodId?: string }): Promise<Problem | null> {
  if (p.siteId) {
    const [s] = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.id, p.siteId), eq(sites.territoryId, territoryId), isNull(sites.archivedAt)));
    if (!s) return "site";
  }
  if (p.neighbourhoodId && !(await neighbourhoodOf(db, territoryId, p.neighbourhoodId))) return "neighbourhood";
  return null;
}

/** A neighbourhood of the territory (its id), or null. */
export async function neighbourhoodOf(db: Db, territoryId: string, id: string) {
  const [n] = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(and(eq(neighbourhoods.id, id), eq(neighbourhoods.territoryId, territoryId)));
  return n?.id ?? null;
}

/**
 * Proposes an action. `id` is the form's one-time id: a double click or a retry finds the action
 * already there (created: false) instead of a second one.
 */
export async function proposeAction(db: Db, territoryId: string, actor: Actor, id: string, p: Proposal, now = new Date()): Promise<Result<{ id: string; created: boolean }>> {
  const problem = await placeProblem(db, territoryId, p);
  if (problem) return { ok: false, problem };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(outreachActions).values({
      id, territoryId, status: "proposed", actionType: p.actionType, placeType: p.placeType, siteId: p.siteId ?? null, placeLabel: p.placeLabel ?? null,
      neighbourhoodId: p.neighbourhoodId ?? null, heldOn: p.heldOn, startsAt: p.startsAt ?? null, endsAt: p.endsAt ?? null,
      audience: p.audience, team: p.team, proposedBy: actor.userId, proposedAt: now, createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning({ id: outreachActions.id });
    if (!row) {
      const [same] = await tx.select({ id: outreachActions.id }).from(outreachActions)
        .where(and(eq(outreachActions.id, id), eq(outreachActions.territoryId, territoryId), eq(outreachActions.proposedBy, actor.userId)));
      return same ? { ok: true, id, created: false } : { ok: false, problem: "not_found" };
    }
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "outreach.propose", entity: "outreach_action", entityId: id, details: { actionType: p.actionType, heldOn: p.heldOn }, at: now });
    return { ok: true, id, created: true };
  });
}

/** Locks the action (visible to the actor) for a change; null when not found. */
async function lockAction(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], territoryId: string, actor: Actor, id: string) {
  const [r] = await tx.select({ status: outreachActions.status, proposedBy: outreachActions.proposedBy, heldOn: outreachActions.heldOn })
    .from(outreachActions).where(and(eq(outreachActions.id, id), visibleTo(territoryId, actor))).for("update");
  return r ?? null;
}

/** The lead validates or refuses a proposed action (with a note); a second decision is refused. */
export async function decideAction(db: Db, territoryId: string, actor: Actor, id: string, d: Decision, today: string, now = new Date()): Promise<Result> {
  return db.transaction(async (tx) => {
    const s = await lockAction(tx, territoryId, actor, id);
    if (!s) return { ok: false, problem: "not_found" };
    const t = outreachTransition(s, d.decision, actor, today);
    if (!t.ok) return { ok: false, problem: t.reason };
    await tx.update(outreachActions).set({ status: t.status, decidedBy: actor.userId, decidedAt: now, decisionNote: d.note || null, updatedAt: now }).where(and(eq(outreachActions.id, id), eq(outreachActions.territoryId, territoryId)));
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: `outreach.${d.decision}`, entity: "outreach_action", entityId: id, details: { status: t.status }, at: now });
    return { ok: true };
  });
}

export async function cancelAction(db: Db, territoryId: string, actor: Actor, id: string, today: string, now = new Date()): Promise<Result> {
  return db.transaction(async (tx) => {
    const s = await lockAction(tx, territoryId, actor, id);
    if (!s) return { ok: false, problem: "not_found" };
    const t = outreachTransition(s, "cancel", actor, today);
    if (!t.ok) return { ok: false, problem: t.reason };
    await tx.update(outreachActions).set({ status: t.status, updatedAt: now }).where(and(eq(outreachActions.id, id), eq(outreachActions.territoryId, territoryId)));
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "outreach.cancel", entity: "outreach_action", entityId: id, at: now });
    return { ok: true };
  });
}

/** Saves (or edits) the report; the same report saved twice leaves one report. */
export async function reportAction(db: Db, territoryId: string, actor: Actor, id: string, r: Report, today: string, now = new Date()): Promise<Result> {
  return db.transaction(async (tx) => {
    const s = await lockAction(tx, territoryId, actor, id);
    if (!s) return { ok: false, problem: "not_found" };
    const t = outreachTransition(s, "report", actor, today);
    if (!t.ok) return { ok: false, problem: t.reason };
    await tx.update(outreachActions).set({ status: "reported", ...r, reportedBy: actor.userId, reportedAt: now, updatedAt: now }).where(and(eq(outreachActions.id, id), eq(outreachActions.territoryId, territoryId)));
    await writeAudit(tx, {
      territoryId, actorUserId: actor.userId, actorKind: "staff", action: s.status === "reported" ? "outreach.report_edit" : "outreach.report", entity: "outreach_action", entityId: id,
      details: { peopleMet: r.peopleMet, potentialNonRecours: r.potentialNonRecours }, at: now,
    });
    return { ok: true };
  });
}

const consentCount = sql<number>`(select count(*) from ${callbackRequests} c where c.outreach_action_id = ${outreachActions.id} and c.territory_id = ${outreachActions.territoryId})::int`;

/** The actions the actor may see, the coming ones first, then the latest. */
export async function listActions(db: Db, territoryId: string, actor: Actor) {
  return db.select({
    id: outreachActions.id, status: outreachActions.status, actionType: outreachActions.actionType, placeType: outreachActions.placeType,
    heldOn: outreachActions.heldOn, startsAt: outreachActions.startsAt, site: sites.name, placeLabel: outreachActions.placeLabel,
    proposer: users.name, consents: consentCount,
  })
    .from(outreachActions)
    .leftJoin(sites, eq(sites.id, outreachActions.siteId))
    .leftJoin(users, eq(users.id, outreachActions.proposedBy))
    .where(visibleTo(territoryId, actor))
    .orderBy(desc(outreachActions.heldOn), asc(outreachActions.createdAt))
    .limit(200);
}

/** One action as the actor may see it (null: not found, another territory's, or someone else's for a proposer). */
export async function getAction(db: Db, territoryId: string, actor: Actor, id: string) {
  const [row] = await db.select({
    action: outreachActions, site: sites.name, neighbourhood: neighbourhoods.name, proposer: users.name, consents: consentCount,
  })
    .from(outreachActions)
    .leftJoin(sites, eq(sites.id, outreachActions.siteId))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, outreachActions.neighbourhoodId))
    .leftJoin(users, eq(users.id, outreachActions.proposedBy))
    .where(and(eq(outreachActions.id, id), visibleTo(territoryId, actor)))
    .limit(1);
  if (!row || !canSee(row.action, actor)) return null;
  return row;
}

/** Questionnaires actually recorded at a site on a Paris calendar day (beside the declared count). */
export async function recordedAtSite(db: Db, territoryId: string, siteId: string, day: string) {
  const [r] = await db.select({ n: count() }).from(responses).where(and(
    eq(responses.territoryId, territoryId), eq(responses.siteId, siteId),
    sql`(${responses.submittedAt} at time zone 'Europe/Paris')::date = ${day}::date`,
  ));
  return r.n;
}

/** Consents per action, for the bilan (counts only). */
export async function consentsByAction(db: Db, territoryId: string, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const r = await db.select({ id: callbackRequests.outreachActionId, n: count() }).from(callbackRequests)
    .where(and(eq(callbackRequests.territoryId, territoryId), inArray(callbackRequests.outreachActionId, ids)))
    .groupBy(callbackRequests.outreachActionId);
  return new Map(r.map((x) => [x.id!, x.n]));
}
