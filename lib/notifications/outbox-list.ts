import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { readAnyPayload } from "./outbox";

/** The territory's outbox, newest first, without contents (those are personal data). */
export async function listOutbox(db: Db, territoryId: string, limit = 200) {
  return db.select({
    id: outboxMessages.id, kind: outboxMessages.kind, channel: outboxMessages.channel, status: outboxMessages.status, sendAfter: outboxMessages.sendAfter,
    attempts: outboxMessages.attempts, lastError: outboxMessages.lastError, sentAt: outboxMessages.sentAt, createdAt: outboxMessages.createdAt,
  }).from(outboxMessages).where(eq(outboxMessages.territoryId, territoryId)).orderBy(desc(outboxMessages.createdAt)).limit(limit);
}

/** One message as it was (or will be) sent; the view is audited in the same transaction. */
export async function viewOutboxMessage(db: Db, territoryId: string, id: string, userId: string) {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(outboxMessages).where(and(eq(outboxMessages.territoryId, territoryId), eq(outboxMessages.id, id))).limit(1);
    if (!m) return null;
    await writeAudit(tx, { territoryId, actorKind: "staff", actorUserId: userId, action: "outbox.view", entity: "outbox_message", entityId: id });
    return { message: m, payload: readAnyPayload(m) };
  });
}
