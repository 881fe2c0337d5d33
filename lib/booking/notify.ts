import { and, count, eq, like } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Locale } from "@/lib/i18n/locale";
import type { AppointmentMessageKind as MessageKind, TerritorySettings } from "@/db/schema";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { toLocale } from "@/lib/i18n/locale";
import { composeAppointmentMail, type AppointmentFacts } from "@/lib/notifications/compose";
import { enqueueMessage, skipPendingReminders } from "@/lib/notifications/outbox";
import { composeAppointmentSms, smsConfigured } from "@/lib/notifications/sms";
import type { Contact } from "./booking-schema";
import { motiveText, placeAccessNotes } from "./localized";
import type { MotiveRow, PlaceRow } from "./availability";

export type TerritoryRef = { id: string; slug: string; name: string; settings: TerritorySettings };
export type AppointmentRef = { id: string; territoryId: string; startsAt: Date; endsAt: Date; revision: number; locale: string; contactCiphertext: string | null };

export const appointmentAad = (a: { territoryId: string; id: string }) => `appointment:${a.territoryId}:${a.id}`;

export function readContact(a: AppointmentRef): Contact | null {
  return a.contactCiphertext ? decryptJson<Contact>(a.contactCiphertext, appointmentAad(a)) : null;
}

export function publicBaseUrl() {
  return (process.env.BAROMETRE_PUBLIC_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, "");
}

export const manageUrl = (slug: string, token: string) => `${publicBaseUrl()}/t/${slug}/rendez-vous/g/${token}`;

/** What the messages about an appointment say. */
export function appointmentFacts(ctx: {
  territory: TerritoryRef; appointment: AppointmentRef; motive: MotiveRow; place: PlaceRow; token: string; personName: string; locale: Locale;
}): AppointmentFacts {
  const { territory, appointment: a, motive, place } = ctx;
  // Motive name, "what to bring" and access notes in the language the person booked in.
  const text = motiveText(motive, ctx.locale);
  return {
    appointmentId: a.id, revision: a.revision, territoryName: territory.name, motiveName: text.name, locationType: motive.locationType,
    placeName: place.name, placeAddress: place.address, placePhone: place.phone, accessNotes: placeAccessNotes(place, ctx.locale), instructions: text.instructions,
    start: a.startsAt, end: a.endsAt, personName: ctx.personName, manageUrl: manageUrl(territory.slug, ctx.token),
  };
}

/** At most this many summaries sent on request per appointment (the form is not a mail relay). */
export const MAX_SUMMARIES = 3;

/**
 * "M'envoyer ce récapitulatif": the appointment's summary (with its calendar file) e-mailed to an
 * address the person types on the confirmation page, through the outbox. The address is not
 * added to the appointment. Audited; at most MAX_SUMMARIES per appointment.
 */
export async function sendSummary(tx: Db | Tx, ctx: {
  territory: TerritoryRef; appointment: AppointmentRef; motive: MotiveRow; place: PlaceRow; token: string; email: string; locale: Locale;
}): Promise<boolean> {
  const { appointment: a } = ctx;
  const [{ n }] = await tx.select({ n: count() }).from(outboxMessages)
    .where(and(eq(outboxMessages.appointmentId, a.id), like(outboxMessages.dedupeKey, `${a.id}:summary:%`)));
  if (n >= MAX_SUMMARIES) return false;
  const contact = readContact(a);
  const facts = appointmentFacts({ ...ctx, personName: contact?.name ?? "" });
  await enqueueMessage(tx, {
    territoryId: ctx.territory.id, appointmentId: a.id, kind: "confirmation", dedupeKey: `${a.id}:summary:${n}`,
    payload: composeAppointmentMail("confirmation", facts, ctx.email, ctx.locale),
  });
  await writeAudit(tx, { territoryId: ctx.territory.id, actorKind: "respondent", action: "appointment.summary_sent", entity: "appointment", entityId: a.id });
  return true;
}

/**
 * Writes the e-mails (or, for phone-only people, the SMS) a change announces into the outbox, in the change's transaction:
 * the message itself and, for a new or moved appointment, a reminder some hours before
 * (never created when that moment has already passed; the worker never sends it late).
 */
export async function notifyAppointment(tx: Db | Tx, kind: Exclude<MessageKind, "reminder">, ctx: {
  territory: TerritoryRef; appointment: AppointmentRef; motive: MotiveRow; place: PlaceRow; token: string; now: Date;
}) {
  const { territory, appointment: a, motive, place } = ctx;
  if (kind !== "confirmation") await skipPendingReminders(tx, a.id);
  const contact = readContact(a);
  // E-mail when the person gave one; otherwise SMS when a provider is configured (phone-only
  // people); otherwise nothing: the confirmation page gives a reference and a summary to keep.
  const sms = !contact?.email && !!contact?.phone && smsConfigured();
  if (!contact || (!contact.email && !sms)) return;
  const locale = toLocale(a.locale);
  const facts = appointmentFacts({ ...ctx, personName: contact.name, locale });
  const message = (k: MessageKind) => sms
    ? { channel: "sms" as const, dedupeKey: `${a.id}:${k}:${a.revision}:sms`, payload: composeAppointmentSms(k, facts, contact.phone!, locale) }
    : { channel: "email" as const, dedupeKey: `${a.id}:${k}:${a.revision}`, payload: composeAppointmentMail(k, facts, contact.email!, locale) };
  await enqueueMessage(tx, { territoryId: territory.id, appointmentId: a.id, kind, ...message(kind) });
  if (kind === "cancellation") return;
  const hours = territory.settings.bookingReminderHours ?? 48;
  const sendAfter = new Date(a.startsAt.getTime() - hours * 3_600_000);
  if (sendAfter <= ctx.now) return;
  await enqueueMessage(tx, { territoryId: territory.id, appointmentId: a.id, kind: "reminder", ...message("reminder"), sendAfter, notAfter: a.startsAt });
}
