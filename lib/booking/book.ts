import { randomUUID } from "node:crypto";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { sqlState, type Db, type Tx } from "@/db/client";
import { appointments } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { encryptJson } from "@/lib/crypto/contact-cipher";
import { keyedHash } from "@/lib/security/client-address";
import { MAX_UPCOMING_PER_CONTACT_AND_MOTIVE } from "@/lib/security/limits";
import { findSlots, getMotive, getPlace, loadSlotInputs, nextSlots, type MotiveRow, type PlaceRow } from "./availability";
import type { Contact } from "./booking-schema";
import { appointmentAad, notifyAppointment, type TerritoryRef } from "./notify";
import { addParisDays, bookingWindow, computeSlots, parisDay, type OfferedSlot } from "./slots";
import { appointmentToken, hashToken } from "./tokens";

export type SlotProblem = "past" | "too_soon" | "too_late" | "outside_hours" | "taken";

export type BookRequest = {
  territory: TerritoryRef;
  motiveId: string;
  placeId: string;
  start: Date;
  contact: Contact;
  idempotencyKey: string;
  locale: string;
  now: Date;
  /** Staff booking on behalf (prescriber): any motive, no minimum delay. */
  staff?: { userId: string };
  /** The rights-review request this appointment follows, if any. */
  callbackRequestId?: string | null;
};

export type BookResult =
  | { ok: true; appointmentId: string; token: string; existing: boolean }
  | { ok: false; problem: SlotProblem | "motive" | "place" | "contact_limit"; next: OfferedSlot[] };

/**
 * Keyed hashes of the contact's phone and e-mail (never stored in clear outside the ciphertext):
 * what the cap on upcoming appointments per contact compares.
 */
export function contactKeys(contact: Pick<Contact, "phone" | "email">): string[] {
  const keys: string[] = [];
  if (contact.phone) keys.push(keyedHash("booking-contact", `tel:${contact.phone}`));
  if (contact.email) keys.push(keyedHash("booking-contact", `mail:${contact.email.trim().toLowerCase()}`));
  return keys;
}

class ContactLimitReached extends Error {}

/**
 * Online bookings only: at most MAX_UPCOMING_PER_CONTACT_AND_MOTIVE upcoming appointments per
 * phone number or e-mail for one motive. Transaction-scoped advisory locks on the contact's keys
 * serialise concurrent bookings of one contact, so the count cannot be raced.
 */
async function checkContactCap(tx: Tx, territoryId: string, motiveId: string, keys: string[], now: Date) {
  if (!keys.length) return;
  for (const k of [...keys].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`booking-contact:${k}`}, 0))`);
  const [{ n }] = await tx.select({ n: count() }).from(appointments).where(and(
    eq(appointments.territoryId, territoryId), eq(appointments.motiveId, motiveId), eq(appointments.status, "upcoming"),
    gt(appointments.startsAt, now), sql`${appointments.contactKeys} && array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`,
  ));
  if (Number(n) >= MAX_UPCOMING_PER_CONTACT_AND_MOTIVE) throw new ContactLimitReached();
}

/** Why a start cannot be booked: in the past, outside the delays, outside openings, or taken. */
export async function slotProblem(db: Db, territoryId: string, motive: MotiveRow, placeId: string, start: Date, now: Date, staff: boolean): Promise<SlotProblem> {
  if (start.getTime() <= now.getTime()) return "past";
  const { earliest, latest } = bookingWindow(motive, now, staff);
  if (start.getTime() < earliest) return "too_soon";
  if (start.getTime() > latest) return "too_late";
  const day = parisDay(start);
  const { rules } = await loadSlotInputs(db, territoryId, motive.id, day, addParisDays(day, 1), placeId);
  const open = computeSlots({ rules, busy: [], motive, now, fromDay: day, toDay: addParisDays(day, 1), placeId, ignoreMinDelay: staff });
  return open.some((s) => s.start.getTime() === start.getTime()) ? "taken" : "outside_hours";
}

async function existingByKey(db: Db, territoryId: string, key: string) {
  const [a] = await db.select({ id: appointments.id }).from(appointments)
    .where(and(eq(appointments.territoryId, territoryId), eq(appointments.idempotencyKey, key))).limit(1);
  return a ?? null;
}

/**
 * Books a slot. The slot is recomputed on the server (the client's choice is only a start
 * time); each agent offering it is tried in turn and PostgreSQL's exclusion constraint decides
 * who gets a contested slot. The appointment, its e-mails (outbox) and the audit row are
 * written in one transaction. The idempotency key makes double clicks and retries book once.
 */
export async function bookAppointment(db: Db, r: BookRequest): Promise<BookResult> {
  const territoryId = r.territory.id;
  const token = appointmentToken(territoryId, r.idempotencyKey);
  // Any refusal first checks whether this very form was already booked (a retry or a double
  // click whose slot is now its own): the happy path saves that query.
  const refuse = async (problem: SlotProblem | "motive" | "place" | "contact_limit", next: () => Promise<OfferedSlot[]>): Promise<BookResult> => {
    const prior = await existingByKey(db, territoryId, r.idempotencyKey);
    return prior ? { ok: true, appointmentId: prior.id, token, existing: true } : { ok: false, problem, next: await next() };
  };
  const none = async () => [];

  const motive = await getMotive(db, territoryId, r.motiveId);
  if (!motive || (!r.staff && !motive.bookableOnline)) return refuse("motive", none);
  const place = await getPlace(db, territoryId, r.placeId);
  if (!place || place.archivedAt) return refuse("place", none);
  const staff = !!r.staff;
  const search = { territoryId, motive, now: r.now, placeId: place.id, staff };

  const day = parisDay(r.start);
  const free = (await findSlots(db, { ...search, fromDay: day, toDay: addParisDays(day, 1) }))
    .filter((s) => s.start.getTime() === r.start.getTime());
  for (const slot of free) {
    const outcome = await tryInsert(db, r, motive, place, slot.agentId, slot.end, token);
    if (typeof outcome === "object") return { ok: true, appointmentId: outcome.id, token, existing: false };
    if (outcome === "duplicate") break; // same key, a concurrent double click: found by refuse()
    if (outcome === "contact_limit") return refuse("contact_limit", none);
  }
  const problem = free.length ? "taken" : await slotProblem(db, territoryId, motive, place.id, r.start, r.now, staff);
  return refuse(problem, () => nextSlots(db, search));
}

async function tryInsert(db: Db, r: BookRequest, motive: MotiveRow, place: PlaceRow, agentId: string, end: Date, token: string) {
  const id = randomUUID();
  const territoryId = r.territory.id;
  const keys = contactKeys(r.contact);
  try {
    await db.transaction(async (tx) => {
      if (!r.staff) await checkContactCap(tx, territoryId, motive.id, keys, r.now);
      const [a] = await tx.insert(appointments).values({
        id, territoryId, agentId, motiveId: motive.id, placeId: place.id, startsAt: r.start, endsAt: end,
        contactCiphertext: encryptJson(r.contact, appointmentAad({ territoryId, id })), contactKeys: keys, tokenHash: hashToken(token),
        idempotencyKey: r.idempotencyKey, locale: r.locale, source: r.staff ? "staff" : "online",
        bookedBy: r.staff?.userId ?? null, callbackRequestId: r.callbackRequestId ?? null,
      }).returning();
      await notifyAppointment(tx, "confirmation", { territory: r.territory, appointment: a, motive, place, token, now: r.now });
      await writeAudit(tx, {
        territoryId, actorKind: r.staff ? "staff" : "respondent", actorUserId: r.staff?.userId ?? null, action: "appointment.book",
        entity: "appointment", entityId: id, details: { motive: motive.id, place: place.id, source: r.staff ? "staff" : "online" },
      });
    });
    return { id };
  } catch (err) {
    if (err instanceof ContactLimitReached) return "contact_limit" as const;
    const state = sqlState(err);
    if (state === "23P01") return "taken" as const; // exclusion constraint: the agent is already booked
    if (state === "23505") return "duplicate" as const; // same idempotency key, a concurrent double click
    throw err;
  }
}
