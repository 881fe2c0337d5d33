import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getLocale } from "@/lib/i18n/server";
import { resolveRespondent } from "@/lib/respondent/context";
import { addressKey } from "@/lib/security/client-address";
import { LIMITS } from "@/lib/security/limits";
import { hitLimit } from "@/lib/security/rate-limit";
import { bookAppointment, contactKeys } from "./book";
import { fieldErrors } from "@/lib/http/field-errors";
import { contactSchema, formFields, slotChoiceSchema } from "./booking-schema";
import { cancelByPerson, findByToken, moveByPerson } from "./manage";
import { sendSummary } from "./notify";
import { bookingContextFromReceipt } from "./respondent-context";
import type { OfferedSlot } from "./slots";

export type BookState = {
  errors: Record<string, string>;
  values: Record<string, string>;
  /** ISO starts of the next free slots, when the chosen one was just taken. */
  next: string[];
};

const CONTACT = ["name", "phone", "email"];
const isoList = (slots: OfferedSlot[]) => slots.map((s) => s.start.toISOString());

/**
 * The booking step's server action: validates the slot and the contact on the server, books
 * (idempotent on the form's key) and redirects to the appointment page. Nothing is stored on
 * error; the entered values come back with the messages.
 */
export async function submitBooking(slug: string, form: FormData): Promise<BookState> {
  const values = Object.fromEntries(CONTACT.map((k) => [k, String(form.get(k) ?? "").slice(0, 200)]));
  const db = await getDb();
  const resolved = await resolveRespondent(db, slug);
  if (!resolved) return { errors: { form: "form" }, values, next: [] };
  const slot = slotChoiceSchema.safeParse(formFields(form, ["motiveId", "placeId", "start", "idempotencyKey"]));
  if (!slot.success) return { errors: { form: "slot" }, values, next: [] };
  const contact = contactSchema.safeParse(formFields(form, CONTACT));
  if (!contact.success) {
    return { errors: fieldErrors(contact.error), values, next: [] };
  }
  // Throttled per client address and per phone / e-mail (cancel-and-rebook churn included);
  // counted once the form is valid, so typing mistakes cost nothing.
  const now = new Date();
  const checks = await Promise.all([
    hitLimit(db, LIMITS.bookingAddress, addressKey(await headers()), now),
    ...contactKeys(contact.data).map((k) => hitLimit(db, LIMITS.bookingContact, k, now)),
  ]);
  if (checks.some((c) => !c.allowed)) return { errors: { form: "rate_limited" }, values, next: [] };
  const receipt = await bookingContextFromReceipt(db, resolved.territory.id);
  const result = await bookAppointment(db, {
    territory: resolved.territory, ...slot.data, contact: contact.data, locale: await getLocale(), now,
    callbackRequestId: receipt?.callbackRequestId ?? null,
  });
  if (!result.ok) return { errors: { slot: result.problem }, values, next: isoList(result.next) };
  redirect(`/t/${resolved.territory.slug}/rendez-vous/g/${result.token}?confirme=1`);
}

export type ChangeState = { error: string | null; next: string[] };

export async function submitCancel(slug: string, token: string): Promise<ChangeState> {
  const db = await getDb();
  const resolved = await resolveRespondent(db, slug);
  if (!resolved) return { error: "not_upcoming", next: [] };
  const r = await cancelByPerson(db, resolved.territory, String(token).slice(0, 64), new Date());
  if (!r.ok) return { error: r.problem, next: [] };
  redirect(`/t/${resolved.territory.slug}/rendez-vous/g/${token}?annule=1`);
}

export async function submitMove(slug: string, token: string, form: FormData): Promise<ChangeState> {
  const db = await getDb();
  const resolved = await resolveRespondent(db, slug);
  if (!resolved) return { error: "not_upcoming", next: [] };
  const slot = slotChoiceSchema.pick({ placeId: true, start: true }).safeParse(formFields(form, ["placeId", "start"]));
  if (!slot.success) return { error: "outside_hours", next: [] };
  const r = await moveByPerson(db, resolved.territory, String(token).slice(0, 64), slot.data, new Date());
  if (!r.ok) return { error: r.problem, next: isoList(r.next ?? []) };
  redirect(`/t/${resolved.territory.slug}/rendez-vous/g/${token}?deplace=1`);
}

/**
 * "M'envoyer ce récapitulatif" from the appointment page (a plain form post): e-mails the summary
 * to the address typed, then comes back to the page's summary section with the outcome.
 */
export async function submitSummary(slug: string, token: string, form: FormData): Promise<never> {
  const db = await getDb();
  const resolved = await resolveRespondent(db, slug);
  if (!resolved) redirect(`/t/${encodeURIComponent(slug)}`);
  const page = (outcome: string) => `/t/${resolved.territory.slug}/rendez-vous/g/${token}?recap=${outcome}#recap`;
  const email = z.email().max(200).safeParse(String(form.get("email") ?? "").trim());
  if (!email.success) redirect(page("invalide"));
  const now = new Date();
  if (!(await hitLimit(db, LIMITS.bookingAddress, addressKey(await headers()), now)).allowed) redirect(page("limite"));
  const row = await findByToken(db, resolved.territory.id, String(token).slice(0, 64), now);
  if (!row) redirect(`/t/${resolved.territory.slug}/rendez-vous`);
  const locale = await getLocale();
  const sent = await db.transaction((tx) => sendSummary(tx, {
    territory: resolved.territory, appointment: row.a, motive: row.motive, place: row.place, token, email: email.data, locale,
  }));
  redirect(page(sent ? "envoye" : "limite"));
}
