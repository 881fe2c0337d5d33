import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";

export type AuditEntry = {
  territoryId: string;
  actorUserId?: string | null;
  actorKind: "respondent" | "staff" | "system";
  action: string;
  entity: string;
  entityId: string;
  /** Never personal data: ids, statuses, counts. */
  details?: Record<string, string | number | boolean | null>;
  at?: Date;
};

/** Appends one audit row; call it with the transaction of the change it records. */
export async function writeAudit(tx: Db | Tx, e: AuditEntry) {
  await tx.insert(auditLog).values({
    territoryId: e.territoryId, actorUserId: e.actorUserId ?? null, actorKind: e.actorKind, action: e.action,
    entity: e.entity, entityId: e.entityId, details: e.details ?? {}, ...(e.at ? { at: e.at } : {}),
  });
}
