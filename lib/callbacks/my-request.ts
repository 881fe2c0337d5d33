import { and, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { appointments, bookingPlaces, callbackAttempts, callbackRequests } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { checkContactPoints, normaliseContactPoints } from "@/lib/contact/contact-points";
import { decryptJson, encryptJson } from "@/lib/crypto/contact-cipher";
import { CONTACT_CHANNELS } from "./opt-in-schema";
import { contactAad } from "./requests";
import { CLOSED, type Status } from "./state-machine";

/**
 * "Ma demande" opens only after the receipt code was typed, for this long (a marker cookie
 * naming the response, never refreshed by a page view): the next person on a shared computer
 * must type the code again. "J'ai terminé" ends it at once.
 */
export const LOOKUP_SECONDS = 180;

type StoredContact = {
  firstName: string; phone: string | null; email: string | null; channel: string; language: string;
  days: string[]; times: string[]; companion: boolean; accessibility: string | null;
};

/**
 * Where the person's request stands, in words they recognise: received, taken, a call attempted
 * on a date, an appointment on a date, closed, withdrawn; and their contact details, to correct
 * them. Only for the person who typed the receipt code.
 */
export async function myRequest(db: Db, territoryId: string, responseId: string, now = new Date()) {
  const [r] = await db.select().from(callbackRequests)
    .where(and(eq(callbackRequests.responseId, responseId), eq(callbackRequests.territoryId, territoryId))).limit(1);
  if (!r) return null;
  const [lastAttempt] = await db.select({ at: callbackAttempts.at, outcome: callbackAttempts.outcome, callBackAt: callbackAttempts.callBackAt })
    .from(callbackAttempts).where(and(eq(callbackAttempts.requestId, r.id), eq(callbackAttempts.territoryId, territoryId)))
    .orderBy(desc(callbackAttempts.at)).limit(1);
  const [appointment] = await db.select({ startsAt: appointments.startsAt, place: bookingPlaces.name, address: bookingPlaces.address })
    .from(appointments).innerJoin(bookingPlaces, eq(bookingPlaces.id, appointments.placeId))
    .where(and(eq(appointments.callbackRequestId, r.id), eq(appointments.territoryId, territoryId), eq(appointments.status, "upcoming"), gt(appointments.startsAt, now)))
    .orderBy(appointments.startsAt).limit(1);
  const contact = r.contactCiphertext ? decryptJson<StoredContact>(r.contactCiphertext, contactAad(r)) : null;
  const closed = CLOSED.includes(r.status as Status);
  /** The one line that says where things stand (most telling first). */
  const stage =
    r.status === "withdrawn" ? "withdrawn"
    : appointment ? "appointment"
    : r.status === "closed_reviewed" ? "reviewed"
    : r.status === "closed_unreachable" ? "unreachable"
    : r.status === "reached" ? "reached"
    : lastAttempt ? "attempted"
    : r.status === "assigned" ? "taken"
    : "received";
  return {
    id: r.id, status: r.status, stage, consentedAt: r.consentedAt, withdrawnAt: r.withdrawnAt, lastAttempt: lastAttempt ?? null,
    appointment: appointment ?? null, canCorrect: !closed && !!contact,
    contact: contact && { firstName: contact.firstName, phone: contact.phone, email: contact.email, channel: contact.channel },
  };
}

/** The correction form: the same rules as the opt-in (phone in E.164, one way to reach the person). */
export const contactCorrectionSchema = z
  .object({
    firstName: z.string().trim().min(1, { error: "first_name" }).max(60, { error: "first_name" }),
    phone: z.string().trim().max(30, { error: "phone" }).optional(),
    email: z.string().trim().max(200, { error: "email" }).optional(),
    channel: z.enum(CONTACT_CHANNELS, { error: "channel" }),
  })
  .transform((v, ctx) => {
    checkContactPoints(v, ctx);
    const { phone, email } = normaliseContactPoints(v);
    // The channel messages say which detail is missing (as in the opt-in).
    if ((v.channel === "phone" || v.channel === "sms") && !v.phone) ctx.addIssue({ code: "custom", path: ["channel"], message: "channel_phone" });
    if (v.channel === "email" && !email) ctx.addIssue({ code: "custom", path: ["channel"], message: "channel_email" });
    return { firstName: v.firstName, phone, email, channel: v.channel };
  });
export type ContactCorrection = z.output<typeof contactCorrectionSchema>;

/**
 * The person corrects their contact details: re-encrypted in place (the other preferences are
 * kept), the preferred channel updated, and an audit row naming which fields changed (never
 * their values), in one transaction. Refused once the request is closed or erased.
 */
export async function correctContact(db: Db, territoryId: string, requestId: string, input: ContactCorrection, now = new Date()) {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(callbackRequests)
      .where(and(eq(callbackRequests.id, requestId), eq(callbackRequests.territoryId, territoryId))).for("update").limit(1);
    if (!r || !r.contactCiphertext || CLOSED.includes(r.status as Status)) return false;
    const before = decryptJson<StoredContact>(r.contactCiphertext, contactAad(r));
    const changed = (["firstName", "phone", "email", "channel"] as const).filter((k) => (before[k] ?? null) !== (input[k] ?? null));
    if (!changed.length) return true;
    await tx.update(callbackRequests).set({
      contactCiphertext: encryptJson({ ...before, ...input }, contactAad(r)), preferredChannel: input.channel, updatedAt: now,
    }).where(eq(callbackRequests.id, r.id));
    await writeAudit(tx, {
      territoryId, actorKind: "respondent", action: "callback.contact_corrected", entity: "callback_request", entityId: r.id,
      details: { fields: changed.join(",") }, at: now,
    });
    return true;
  });
}
