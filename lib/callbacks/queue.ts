import { and, asc, count, eq, inArray, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { uuid } from "@/lib/validation/parsers";
import type { Db } from "@/db/client";
import { antennas, callbackRequests, neighbourhoods, outreachActions, users } from "@/db/schema";
import { parisDay } from "@/lib/calendar/french-holidays";
import { writeAudit } from "@/lib/audit/write-audit";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { contactAad } from "./requests";
import { CLOSED, STATUSES } from "./state-machine";

/** Queue filters, from the URL (a shareable view); anything unknown is ignored. */
export const queueFiltersSchema = z.object({
  status: z.enum([...STATUSES, "open"]).catch("open"),
  neighbourhood: uuid().optional().catch(undefined),
  antenna: uuid().optional().catch(undefined),
  language: z.string().regex(/^[a-z]{2,5}$/).optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;
export const QUEUE_PAGE_SIZE = 50;

/**
 * The Paris day a request is to be called on: the agreed call-back date when one was set,
 * otherwise the deadline.
 */
const callOnSql = sql<string | null>`coalesce(to_char(${callbackRequests.nextCallAt} at time zone 'Europe/Paris', 'YYYY-MM-DD'), ${callbackRequests.dueOn}::text)`;

function whereOf(territoryId: string, f: QueueFilters, userId: string, now: Date): SQL {
  const conds: SQL[] = [eq(callbackRequests.territoryId, territoryId)];
  if (f.status === "open") conds.push(notInArray(callbackRequests.status, [...CLOSED]));
  else conds.push(eq(callbackRequests.status, f.status));
  if (f.neighbourhood) conds.push(eq(callbackRequests.neighbourhoodId, f.neighbourhood));
  if (f.antenna) conds.push(eq(callbackRequests.antennaId, f.antenna));
  if (f.language) conds.push(eq(callbackRequests.language, f.language));
  if (f.mine) conds.push(eq(callbackRequests.assignedTo, userId));
  if (f.overdue) conds.push(sql`${callOnSql} < ${parisDay(now)}`, notInArray(callbackRequests.status, [...CLOSED]));
  return and(...conds)!;
}

/**
 * The agent's queue, built around the next call: overdue first, then due today, then the
 * oldest; one territory, with what a row needs (never contact data — see queueNames).
 */
export async function listQueue(db: Db, territoryId: string, f: QueueFilters, userId: string, now = new Date()) {
  const where = whereOf(territoryId, f, userId, now);
  const today = parisDay(now);
  const closed = sql.join(CLOSED.map((s) => sql`${s}`), sql`, `);
  const rank = sql`case when ${callbackRequests.status} in (${closed}) then 2
    when ${callOnSql} < ${today} then 0 when ${callOnSql} = ${today} then 1 else 2 end`;
  const rows = await db
    .select({
      id: callbackRequests.id, createdAt: callbackRequests.createdAt, status: callbackRequests.status,
      language: callbackRequests.language, channel: callbackRequests.preferredChannel, dueOn: callbackRequests.dueOn,
      callOn: callOnSql, nextCallAt: callbackRequests.nextCallAt,
      failedAttempts: callbackRequests.failedAttempts, neighbourhood: neighbourhoods.name, assignee: users.name, antenna: antennas.name,
      outreachType: outreachActions.actionType, outreachOn: outreachActions.heldOn,
    })
    .from(callbackRequests)
    // A consent taken at an outreach stand is flagged with its action (type and date).
    .leftJoin(outreachActions, and(eq(outreachActions.id, callbackRequests.outreachActionId), eq(outreachActions.territoryId, territoryId)))
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, callbackRequests.neighbourhoodId))
    .leftJoin(users, eq(users.id, callbackRequests.assignedTo))
    .leftJoin(antennas, eq(antennas.id, callbackRequests.antennaId))
    .where(where)
    .orderBy(rank, asc(callbackRequests.createdAt), asc(callbackRequests.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((f.page - 1) * QUEUE_PAGE_SIZE);
  const [{ total }] = await db.select({ total: count() }).from(callbackRequests).where(where);
  return {
    rows: rows.map((r) => {
      const open = !CLOSED.includes(r.status as never);
      return { ...r, overdue: open && !!r.callOn && r.callOn < today, dueToday: open && r.callOn === today };
    }),
    total,
  };
}

/** What the queue shows of a person: the first name and when they would like to be called. */
export type QueueContact = { firstName: string; days: string[]; times: string[] };

/**
 * The first names and preferred times of the requests listed on one queue page, for an agent.
 * Only those fields leave this function; the view is audited as one row for the page view
 * (how many contacts were shown), in the same transaction as the reads.
 */
export async function queueNames(db: Db, territoryId: string, ids: string[], actorUserId: string, now = new Date()) {
  const names = new Map<string, QueueContact>();
  if (!ids.length) return names;
  await db.transaction(async (tx) => {
    const found = await tx
      .select({ id: callbackRequests.id, territoryId: callbackRequests.territoryId, contactCiphertext: callbackRequests.contactCiphertext })
      .from(callbackRequests)
      .where(and(eq(callbackRequests.territoryId, territoryId), inArray(callbackRequests.id, ids)));
    for (const r of found) {
      if (!r.contactCiphertext) continue;
      const c = decryptJson<{ firstName?: string; days?: string[]; times?: string[] }>(r.contactCiphertext, contactAad(r));
      names.set(r.id, { firstName: c.firstName ?? "", days: c.days ?? [], times: c.times ?? [] });
    }
    if (names.size) {
      await writeAudit(tx, {
        territoryId, actorUserId, actorKind: "staff", action: "callback.view_queue_names", entity: "territory", entityId: territoryId,
        details: { shown: names.size }, at: now,
      });
    }
  });
  return names;
}

/** Counts for the queue header: by status, mine, overdue — of the territory only. */
export async function queueCounts(db: Db, territoryId: string, userId: string, now = new Date()) {
  const open = notInArray(callbackRequests.status, [...CLOSED]);
  const [r] = await db
    .select({
      open: sql<number>`(count(*) filter (where ${open}))::int`,
      unassigned: sql<number>`(count(*) filter (where ${and(open, isNull(callbackRequests.assignedTo))}))::int`,
      mine: sql<number>`(count(*) filter (where ${and(open, eq(callbackRequests.assignedTo, userId))}))::int`,
      overdue: sql<number>`(count(*) filter (where ${and(open, sql`${callOnSql} < ${parisDay(now)}`)}))::int`,
    })
    .from(callbackRequests)
    .where(eq(callbackRequests.territoryId, territoryId));
  return r;
}

/** Agents of the territory a request can be assigned to. */
export async function listAssignableAgents(db: Db, territoryId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.territoryId, territoryId), inArray(users.role, ["ccas_agent", "territory_admin"]), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
