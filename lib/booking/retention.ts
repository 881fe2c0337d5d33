import { and, isNotNull, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, outboxMessages } from "@/db/schema";
import { retentionFromEnv } from "@/lib/callbacks/retention";

/** Delivered or abandoned e-mails keep their contents this long (to answer "did I get it?"). */
export const OUTBOX_CONTENT_DAYS = 30;

/**
 * Erases what booking keeps about people once it has served: the contact details of appointments
 * ended more than the retention delay ago (BAROMETRE_RETENTION_MONTHS, default 12), and the
 * contents of e-mails no longer pending after 30 days. Appointments themselves stay, for counts.
 * Idempotent.
 */
export async function purgeBookingData(db: Db, now = new Date(), months = retentionFromEnv().monthsAfterClosure) {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const contacts = await db.update(appointments).set({ contactCiphertext: null, contactKeys: null, updatedAt: now })
    .where(and(isNotNull(appointments.contactCiphertext), lt(appointments.endsAt, cutoff)))
    .returning({ id: appointments.id });
  const mails = await db.update(outboxMessages).set({ payloadCiphertext: null })
    .where(and(isNotNull(outboxMessages.payloadCiphertext), ne(outboxMessages.status, "pending"),
      lt(outboxMessages.createdAt, new Date(now.getTime() - OUTBOX_CONTENT_DAYS * 86_400_000))))
    .returning({ id: outboxMessages.id });
  return { contacts: contacts.length, mails: mails.length };
}
