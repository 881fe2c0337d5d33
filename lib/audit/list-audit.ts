import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { calendarDate, uuid } from "@/lib/validation/parsers";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";

export const auditFiltersSchema = z.object({
  action: z.string().regex(/^[a-z_.]{1,60}$/).optional().catch(undefined),
  actor: uuid().optional().catch(undefined),
  entityId: uuid().optional().catch(undefined),
  from: calendarDate().optional().catch(undefined),
  to: calendarDate().optional().catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** The territory's audit log, newest first, filtered (200 rows at most per view). */
export async function listAudit(db: Db, territoryId: string, f: AuditFilters) {
  const conds: SQL[] = [eq(auditLog.territoryId, territoryId)];
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.actor) conds.push(eq(auditLog.actorUserId, f.actor));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.from) conds.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+01:00`)));
  if (f.to) conds.push(lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00+01:00`).getTime() + 86_400_000)));
  return db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorKind: auditLog.actorKind, actor: users.name, entity: auditLog.entity, entityId: auditLog.entityId, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conds))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200);
}
