import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { outboxMessages, type MessageChannel, type MessageKind } from "@/db/schema";
import { decryptJson, encryptJson } from "@/lib/crypto/contact-cipher";
import type { MailPayload } from "./compose";
import type { SmsPayload } from "./sms";

/** What the worker hands to the sender of the message's channel. */
export type OutboxPayload = MailPayload | SmsPayload;

export const outboxAad = (m: { territoryId: string; id: string }) => `outbox:${m.territoryId}:${m.id}`;

/**
 * Adds one message to the outbox, in the caller's transaction. The dedupe key makes a retried
 * change a no-op instead of a second e-mail.
 */
export async function enqueueMessage(tx: Db | Tx, m: {
  territoryId: string; appointmentId: string | null; kind: MessageKind; dedupeKey: string; sendAfter?: Date; notAfter?: Date;
} & ({ channel?: "email"; payload: MailPayload } | { channel: "sms"; payload: SmsPayload })) {
  const id = randomUUID();
  const channel: MessageChannel = m.channel ?? "email";
  await tx.insert(outboxMessages).values({
    id, territoryId: m.territoryId, appointmentId: m.appointmentId, kind: m.kind, channel, dedupeKey: m.dedupeKey,
    payloadCiphertext: encryptJson(m.payload, outboxAad({ territoryId: m.territoryId, id })),
    ...(m.sendAfter ? { sendAfter: m.sendAfter, nextAttemptAt: m.sendAfter } : {}),
    notAfter: m.notAfter ?? null,
  }).onConflictDoNothing({ target: outboxMessages.dedupeKey });
}

/** Reminders not sent yet become pointless once an appointment is moved or cancelled. */
export async function skipPendingReminders(tx: Db | Tx, appointmentId: string) {
  await tx.update(outboxMessages).set({ status: "skipped", lastError: null })
    .where(and(eq(outboxMessages.appointmentId, appointmentId), eq(outboxMessages.kind, "reminder"), eq(outboxMessages.status, "pending")));
}

export function readPayload(m: { territoryId: string; id: string; payloadCiphertext: string | null }): MailPayload | null {
  return m.payloadCiphertext ? decryptJson<MailPayload>(m.payloadCiphertext, outboxAad(m)) : null;
}

/** The payload of a message of any channel (an SMS has no subject). */
export function readAnyPayload(m: { territoryId: string; id: string; payloadCiphertext: string | null }): OutboxPayload | null {
  return m.payloadCiphertext ? decryptJson<OutboxPayload>(m.payloadCiphertext, outboxAad(m)) : null;
}
