import type { Db, Tx } from "@/db/client";
import type { MessageKind, TerritorySettings } from "@/db/schema";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { toLocale } from "@/lib/i18n/locale";
import { composeAppointmentMail, type AppointmentFacts } from "@/lib/notifications/compose";
import { enqueueMessage, skipPendingReminders } from "@/lib/notifications/outbox";
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

/**
 * Writes the e-mails a change announces into the outbox, in the change's transaction:
 * the message itself and, for a new or moved appointment, a reminder some hours before
 * (never created when that moment has already passed; the worker never sends it late).
 */
export async function notifyAppointment(tx: Db | Tx, kind: Exclude<MessageKind, "reminder">, ctx: {
  territory: TerritoryRef; appointment: AppointmentRef; motive: MotiveRow; place: PlaceRow; token: string; now: Date;
}) {
  const { territory, appointment: a, motive, place } = ctx;
  if (kind !== "confirmation") await skipPendingReminders(tx, a.id);
  const contact = readContact(a);
  if (!contact?.email) return; // No SMS provider yet: phone-only bookings get the confirmation page only.
  const locale = toLocale(a.locale);
  // Motive name, "what to bring" and access notes in the language the person booked in.
  const text = motiveText(motive, locale);
  const facts: AppointmentFacts = {
    appointmentId: a.id, revision: a.revision, territoryName: territory.name, motiveName: text.name, locationType: motive.locationType,
    placeName: place.name, placeAddress: place.address, placePhone: place.phone, accessNotes: placeAccessNotes(place, locale), instructions: text.instructions,
    start: a.startsAt, end: a.endsAt, personName: contact.name, manageUrl: manageUrl(territory.slug, ctx.token),
  };
  await enqueueMessage(tx, {
    territoryId: territory.id, appointmentId: a.id, kind, dedupeKey: `${a.id}:${kind}:${a.revision}`,
    payload: composeAppointmentMail(kind, facts, contact.email, locale),
  });
  if (kind === "cancellation") return;
  const hours = territory.settings.bookingReminderHours ?? 48;
  const sendAfter = new Date(a.startsAt.getTime() - hours * 3_600_000);
  if (sendAfter <= ctx.now) return;
  await enqueueMessage(tx, {
    territoryId: territory.id, appointmentId: a.id, kind: "reminder", dedupeKey: `${a.id}:reminder:${a.revision}`,
    payload: composeAppointmentMail("reminder", facts, contact.email, locale), sendAfter, notAfter: a.startsAt,
  });
}
