import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
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

/**
 * Records a rights-review opt-in: one request per response (a second opt-in finds the first),
 * contact data encrypted, audit row in the same transaction.
 */
export async function createCallbackRequest(
  db: Db, response: { id: string; territoryId: string; neighbourhoodId: string | null }, input: OptIn, now = new Date(),
  deadlineWorkingDays = 5,
) {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const { language, channel, ...contact } = input;
    const antennaId = await routeToAntenna(tx, response.territoryId, response.neighbourhoodId);
    const [created] = await tx
      .insert(callbackRequests)
      .values({
        id, territoryId: response.territoryId, responseId: response.id, neighbourhoodId: response.neighbourhoodId, antennaId,
        consentVersion: CONSENT_VERSION, consentedAt: now, language, preferredChannel: channel,
        contactCiphertext: encryptJson({ ...contact, channel, language }, contactAad({ territoryId: response.territoryId, id })),
        dueOn: addWorkingDays(now, deadlineWorkingDays), createdAt: now, updatedAt: now,
      })
      .onConflictDoNothing({ target: callbackRequests.responseId })
      .returning({ id: callbackRequests.id });
    if (!created) {
      const [existing] = await tx.select({ id: callbackRequests.id }).from(callbackRequests).where(eq(callbackRequests.responseId, response.id));
      return { id: existing.id, created: false };
    }
    await writeAudit(tx, {
      territoryId: response.territoryId, actorKind: "respondent", action: "callback.opt_in", entity: "callback_request",
      entityId: id, details: { consentVersion: CONSENT_VERSION }, at: now,
    });
    // A phone-only person gets their receipt code by SMS (when a provider is configured): the
    // code is what opens "Ma demande", and a shared device keeps nothing of it.
    if (contact.phone && !contact.email && smsConfigured()) {
      const [r] = await tx.select({ code: responses.receiptCode, territoryName: territories.name, slug: territories.slug })
        .from(responses).innerJoin(territories, eq(territories.id, responses.territoryId)).where(eq(responses.id, response.id));
      if (r?.code) {
        await enqueueMessage(tx, {
          territoryId: response.territoryId, appointmentId: null, kind: "receipt", channel: "sms", dedupeKey: `${id}:receipt:sms`,
          payload: composeReceiptSms({ territoryName: r.territoryName, receiptCode: r.code, url: `${publicBaseUrl()}/t/${r.slug}/ma-demande` }, contact.phone, toLocale(language)),
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
