import { and, eq, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { appointments, outboxMessages } from "@/db/schema";
import type { MailPayload } from "./compose";
import type { SendMail } from "./mailer";
import { readAnyPayload } from "./outbox";
import type { SendSms, SmsPayload } from "./sms";

/** The senders the worker can use; a channel without one is left pending (not claimed). */
export type Senders = { email?: SendMail | null; sms?: SendSms | null };

/** Back-off between attempts (minutes); after the last one the message is marked failed. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240];
const LOCK_MS = 2 * 60_000;

export type DeliveryReport = { sent: number; retried: number; failed: number; skipped: number };

/**
 * Delivers the messages that are due, e-mails by SMTP and SMS through the provider (lib/notifications/sms.ts), with the same retries. Each batch is claimed with FOR UPDATE SKIP LOCKED and a
 * short lease, so several workers (or a crashed one) never send the same message twice in
 * normal operation. A reminder is never sent at or after its appointment's start, nor for an
 * appointment that is no longer upcoming.
 */
export async function deliverDue(db: Db, send: SendMail | Senders, now = new Date(), batch = 20): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const senders: Senders = typeof send === "function" ? { email: send } : send;
  const channels = (["email", "sms"] as const).filter((c) => senders[c]);
  if (!channels.length) return report;
  const claimed = await rows<{ id: string }>(db, sql`
    update ${outboxMessages} set locked_until = ${new Date(now.getTime() + LOCK_MS).toISOString()}::timestamptz
    where id in (
      select id from ${outboxMessages}
      where status = 'pending' and channel in (${sql.join(channels.map((c) => sql`${c}`), sql`, `)}) and next_attempt_at <= ${now.toISOString()}::timestamptz
        and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
      order by next_attempt_at limit ${batch} for update skip locked)
    returning id`);
  for (const { id } of claimed) {
    const [m] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    if (!m) continue;
    if (m.kind === "reminder") {
      const [a] = m.appointmentId ? await db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, m.appointmentId)) : [];
      if ((m.notAfter && now >= m.notAfter) || a?.status !== "upcoming") {
        await db.update(outboxMessages).set({ status: "skipped", lockedUntil: null }).where(eq(outboxMessages.id, id));
        report.skipped++;
        continue;
      }
    }
    const payload = readAnyPayload(m);
    if (!payload) {
      await db.update(outboxMessages).set({ status: "skipped", lockedUntil: null }).where(eq(outboxMessages.id, id));
      report.skipped++;
      continue;
    }
    try {
      if (m.channel === "sms") await senders.sms!(payload as SmsPayload, m.id);
      else await senders.email!(payload as MailPayload, m.id);
      await db.update(outboxMessages).set({ status: "sent", sentAt: now, attempts: m.attempts + 1, lockedUntil: null, lastError: null })
        .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "pending")));
      report.sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      const delay = RETRY_MINUTES[attempts - 1];
      // Errors from SMTP servers can echo the recipient: keep only the code/first words.
      const lastError = String((err as { code?: string }).code ?? (err as Error).message ?? "error").slice(0, 120);
      const giveUp = delay === undefined || (m.notAfter !== null && now.getTime() + delay * 60_000 >= m.notAfter.getTime());
      await db.update(outboxMessages).set(giveUp
        ? { status: "failed", attempts, lockedUntil: null, lastError }
        : { attempts, nextAttemptAt: new Date(now.getTime() + delay * 60_000), lockedUntil: null, lastError })
        .where(eq(outboxMessages.id, id));
      if (giveUp) report.failed++;
      else report.retried++;
    }
  }
  return report;
}
