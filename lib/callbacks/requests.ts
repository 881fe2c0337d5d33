import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { ConsentCapture } from "@/lib/outreach/reference";
import { callbackRequests, responses, territories } from "@/db/schema";
import { publicBaseUrl } from "@/lib/booking/notify";
import { toLocale } from "@/lib/i18n/locale";
import { enqueueMessage } from "@/lib/notifications/outbox";
import { composeReceiptSms, smsConfigured } from "@/lib/notifications/sms";
import { writeAudit } from "@/lib/audit/write-audit";
import { addWorkingDays } from "@/lib/calendar/french-holidays";
import { encryptJson } from "@/lib/crypto/contact-cipher";
import { normalizeCode } from "@/lib/respondent/codes";
import { routeToAntenna } from "./antennas";
import { CONSENT_VERSION, type OptIn } from "./opt-in-schema";

/** The additional authenticated data binding a contact payload to its request row. */
export const contactAad = (r: { territoryId: string; id: string }) => `callback:${r.territoryId}:${r.id}`;

/** Where a consent to be called back comes from: the questionnaire's opt-in, or an outreach stand. */
export type CallbackOrigin =
  | { kind: "questionnaire"; responseId: string }
  | { kind: "stand"; outreachActionId: string; captureMode: ConsentCapture; submissionKey: string; actorUserId: string; consentVersion: string };

type Target = { territoryId: string; neighbourhoodId: string | null };

/**
 * The one way a callback request is written, whatever its origin: contact data encrypted (bound
 * to the row by contactAad), routed to an antenna by neighbourhood, due date in working days,
 * audit row in the same transaction. A repeat finds the first row (one per response; one per
 * stand form key) and writes nothing.
 */
export async function insertCallbackRequest(
  tx: Tx, target: Target, origin: CallbackOrigin, input: OptIn, consentedAt: Date, now: Date, deadlineWorkingDays: number,
): Promise<{ id: string; created: boolean }> {
  const id = randomUUID();
  const { territoryId, neighbourhoodId } = target;
  const { language, channel, ...contact } = input;
  const antennaId = await routeToAntenna(tx, territoryId, neighbourhoodId);
  const stand = origin.kind === "stand" ? origin : null;
  const consentVersion = stand?.consentVersion ?? CONSENT_VERSION;
  const [created] = await tx
    .insert(callbackRequests)
    .values({
      id, territoryId, responseId: stand ? null : (origin as { responseId: string }).responseId, neighbourhoodId, antennaId,
      outreachActionId: stand?.outreachActionId ?? null, captureMode: stand?.captureMode ?? null, submissionKey: stand?.submissionKey ?? null,
      consentVersion, consentedAt, language, preferredChannel: channel,
      contactCiphertext: encryptJson({ ...contact, channel, language }, contactAad({ territoryId, id })),
      dueOn: addWorkingDays(now, deadlineWorkingDays), createdAt: now, updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: callbackRequests.id });
  if (!created) {
    const [existing] = await tx.select({ id: callbackRequests.id }).from(callbackRequests).where(stand
      ? and(eq(callbackRequests.territoryId, territoryId), eq(callbackRequests.submissionKey, stand.submissionKey))
      : eq(callbackRequests.responseId, (origin as { responseId: string }).responseId));
    return { id: existing.id, created: false };
  }
  await writeAudit(tx, stand
    ? {
      territoryId, actorUserId: stand.actorUserId, actorKind: "staff", action: "callback.stand_consent", entity: "callback_request", entityId: id,
      details: { consentVersion, outreachActionId: stand.outreachActionId, captureMode: stand.captureMode }, at: now,
    }
    : { territoryId, actorKind: "respondent", action: "callback.opt_in", entity: "callback_request", entityId: id, details: { consentVersion: CONSENT_VERSION }, at: now });
  return { id, created: true };
}

/**
 * Records a rights-review opt-in: one request per response (a second opt-in finds the first),
 * contact data encrypted, audit row in the same transaction.
 */
export async function createCallbackRequest(
  db: Db, response: { id: string; territoryId: string; neighbourhoodId: string | null }, input: OptIn, now = new Date(),
  deadlineWorkingDays = 5,
) {
  return db.transaction(async (tx) => {
    const r = await insertCallbackRequest(tx, response, { kind: "questionnaire", responseId: response.id }, input, now, now, deadlineWorkingDays);
    if (!r.created) return r;
    const { id } = r;
    const contact = input;
    // A phone-only person gets their receipt code by SMS (when a provider is configured): the
    // code is what opens "Ma demande", and a shared device keeps nothing of it.
    if (contact.phone && !contact.email && smsConfigured()) {
      const [row] = await tx.select({ code: responses.receiptCode, territoryName: territories.name, slug: territories.slug })
        .from(responses).innerJoin(territories, eq(territories.id, responses.territoryId)).where(eq(responses.id, response.id));
      if (row?.code) {
        await enqueueMessage(tx, {
          territoryId: response.territoryId, appointmentId: null, kind: "receipt", channel: "sms", dedupeKey: `${id}:receipt:sms`,
          payload: composeReceiptSms({ territoryName: row.territoryName, receiptCode: row.code, url: `${publicBaseUrl()}/t/${row.slug}/ma-demande` }, contact.phone, toLocale(input.language)),
        });
      }
    }
    return { id, created: true };
  });
}

/** What the respondent may see with their receipt code: that a request exists, and its state. */
export async function findRequestByReceipt(db: Db, territoryId: string, receiptCode: string) {
  const code = `BM-${normalizeCode(receiptCode).replace(/^BM/, "")}`;
  const [row] = await db
    .select({
      responseId: responses.id, requestId: callbackRequests.id, status: callbackRequests.status,
      consentedAt: callbackRequests.consentedAt, withdrawnAt: callbackRequests.withdrawnAt,
      contactErasedAt: callbackRequests.contactErasedAt,
    })
    .from(responses)
    .leftJoin(callbackRequests, eq(callbackRequests.responseId, responses.id))
    .where(and(eq(responses.receiptCode, code), eq(responses.territoryId, territoryId)))
    .limit(1);
  return row ?? null;
}

export async function findRequestForResponse(db: Db, territoryId: string, responseId: string) {
  const [row] = await db
    .select({ id: callbackRequests.id, status: callbackRequests.status, withdrawnAt: callbackRequests.withdrawnAt })
    .from(callbackRequests)
    .where(and(eq(callbackRequests.responseId, responseId), eq(callbackRequests.territoryId, territoryId)))
    .limit(1);
  return row ?? null;
}

/**
 * The person withdraws their consent: the request closes and the contact data is erased at
 * once (consent was its only basis). The anonymous answers remain. Idempotent.
 */
export async function withdrawCallbackRequest(db: Db, territoryId: string, requestId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(callbackRequests)
      .set({ status: "withdrawn", withdrawnAt: now, contactCiphertext: null, contactErasedAt: now, updatedAt: now })
      .where(and(eq(callbackRequests.id, requestId), eq(callbackRequests.territoryId, territoryId), ne(callbackRequests.status, "withdrawn")))
      .returning({ id: callbackRequests.id });
    if (!row) return false;
    await writeAudit(tx, {
      territoryId, actorKind: "respondent", action: "callback.withdraw_and_erase", entity: "callback_request", entityId: requestId, at: now,
    });
    return true;
  });
}
