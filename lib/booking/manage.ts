import { and, eq } from "drizzle-orm";
import { sqlState, type Db } from "@/db/client";
import { appointments, bookingMotives, bookingPlaces, type AppointmentStatus } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { findSlots, nextSlots } from "./availability";
import { notifyAppointment, readContact, type TerritoryRef } from "./notify";
import { addParisDays, parisDay, type OfferedSlot } from "./slots";
import { appointmentToken, hashToken, isTokenShape } from "./tokens";
import { slotProblem, type SlotProblem } from "./book";

/** A person's link stops working this long after the appointment's end. */
export const LINK_VALID_AFTER_END_MS = 30 * 86_400_000;

export type LoadedAppointment = NonNullable<Awaited<ReturnType<typeof findByToken>>>;

/** The appointment of a link token, or null: unknown, tampered, another territory or expired. */
export async function findByToken(db: Db, territoryId: string, token: string, now: Date) {
  if (!isTokenShape(token)) return null;
  const [row] = await db.select({ a: appointments, motive: bookingMotives, place: bookingPlaces }).from(appointments)
    .innerJoin(bookingMotives, eq(bookingMotives.id, appointments.motiveId))
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, appointments.placeId))
    .where(and(eq(appointments.territoryId, territoryId), eq(appointments.tokenHash, hashToken(token)))).limit(1);
  if (!row || row.a.endsAt.getTime() + LINK_VALID_AFTER_END_MS < now.getTime()) return null;
  return row;
}

export async function findById(db: Db, territoryId: string, id: string) {
  const [row] = await db.select({ a: appointments, motive: bookingMotives, place: bookingPlaces }).from(appointments)
    .innerJoin(bookingMotives, eq(bookingMotives.id, appointments.motiveId))
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, appointments.placeId))
    .where(and(eq(appointments.territoryId, territoryId), eq(appointments.id, id))).limit(1);
  return row ?? null;
}

/** What the person may still do with their appointment, at `now`. */
export function personRights(row: Pick<LoadedAppointment, "a" | "motive">, now: Date) {
  const start = row.a.startsAt.getTime();
  const upcoming = row.a.status === "upcoming" && start > now.getTime();
  return {
    canCancel: upcoming && now.getTime() <= start - row.motive.cancelDeadlineMinutes * 60_000,
    canMove: upcoming && now.getTime() <= start - row.motive.moveDeadlineMinutes * 60_000,
    upcoming,
  };
}

export type ChangeResult = { ok: true } | { ok: false; problem: "deadline" | "not_upcoming" | SlotProblem | "place"; next?: OfferedSlot[] };

/** The person cancels through their link (status excused), within the motive's deadline. */
export async function cancelByPerson(db: Db, territory: TerritoryRef, token: string, now: Date): Promise<ChangeResult> {
  const row = await findByToken(db, territory.id, token, now);
  if (!row) return { ok: false, problem: "not_upcoming" };
  const rights = personRights(row, now);
  if (!rights.upcoming) return { ok: false, problem: "not_upcoming" };
  if (!rights.canCancel) return { ok: false, problem: "deadline" };
  await changeStatus(db, territory, row, "excused", now, { kind: "respondent" });
  return { ok: true };
}

/** Sets a status and announces a cancellation, in one transaction; only from 'upcoming'. */
async function changeStatus(db: Db, territory: TerritoryRef, row: LoadedAppointment, status: AppointmentStatus, now: Date, actor: { kind: "respondent" | "staff"; userId?: string }) {
  await db.transaction(async (tx) => {
    const [a] = await tx.update(appointments).set({ status, statusChangedAt: now, updatedAt: now })
      .where(and(eq(appointments.id, row.a.id), eq(appointments.territoryId, territory.id), eq(appointments.status, row.a.status)))
      .returning();
    if (!a) return; // changed meanwhile by someone else: nothing to announce
    if (status === "excused" || status === "revoked") {
      await notifyAppointment(tx, "cancellation", {
        territory, appointment: a, motive: row.motive, place: row.place, token: appointmentToken(territory.id, a.idempotencyKey), now,
      });
    }
    await writeAudit(tx, {
      territoryId: territory.id, actorKind: actor.kind, actorUserId: actor.userId ?? null, action: `appointment.${status}`,
      entity: "appointment", entityId: a.id, details: { from: row.a.status, to: status },
    });
  });
}

/** Moves the appointment to another start (and place) of the same motive, within the move deadline. */
export async function moveByPerson(db: Db, territory: TerritoryRef, token: string, to: { placeId: string; start: Date }, now: Date): Promise<ChangeResult> {
  const row = await findByToken(db, territory.id, token, now);
  if (!row) return { ok: false, problem: "not_upcoming" };
  const rights = personRights(row, now);
  if (!rights.upcoming) return { ok: false, problem: "not_upcoming" };
  if (!rights.canMove) return { ok: false, problem: "deadline" };
  return moveLoaded(db, territory, row, to, now, { kind: "respondent" }, token);
}

/**
 * An agent moves an upcoming appointment (from the calendar): the same move as the person's —
 * a free slot of the motive, any agent of it, the change e-mail or SMS with the person's link —
 * without the motive's deadlines nor its minimum delay, audited with the agent.
 */
export async function moveByStaff(db: Db, territory: TerritoryRef, id: string, to: { placeId: string; start: Date }, userId: string, now: Date): Promise<ChangeResult> {
  const row = await findById(db, territory.id, id);
  if (!row || row.a.status !== "upcoming" || row.a.startsAt.getTime() <= now.getTime()) return { ok: false, problem: "not_upcoming" };
  return moveLoaded(db, territory, row, to, now, { kind: "staff", userId }, appointmentToken(territory.id, row.a.idempotencyKey));
}

/** The free slots an appointment can be moved to on one Paris day (staff: no minimum delay). */
export async function moveOptions(db: Db, territoryId: string, row: LoadedAppointment, day: string, now: Date) {
  return findSlots(db, { territoryId, motive: row.motive, now, fromDay: day, toDay: addParisDays(day, 1), excludeAppointmentId: row.a.id, staff: true });
}

async function moveLoaded(
  db: Db, territory: TerritoryRef, row: LoadedAppointment, to: { placeId: string; start: Date }, now: Date,
  actor: { kind: "respondent" | "staff"; userId?: string }, token: string,
): Promise<ChangeResult> {
  const staff = actor.kind === "staff";
  const search = { territoryId: territory.id, motive: row.motive, now, placeId: to.placeId, excludeAppointmentId: row.a.id, staff };
  const day = parisDay(to.start);
  const free = (await findSlots(db, { ...search, fromDay: day, toDay: addParisDays(day, 1) })).filter((s) => s.start.getTime() === to.start.getTime());
  for (const slot of free) {
    try {
      const moved = await db.transaction(async (tx) => {
        const [a] = await tx.update(appointments)
          .set({ agentId: slot.agentId, placeId: slot.placeId, startsAt: slot.start, endsAt: slot.end, revision: row.a.revision + 1, updatedAt: now })
          .where(and(eq(appointments.id, row.a.id), eq(appointments.revision, row.a.revision), eq(appointments.status, "upcoming")))
          .returning();
        if (!a) return false;
        const [place] = await tx.select().from(bookingPlaces).where(eq(bookingPlaces.id, slot.placeId));
        await notifyAppointment(tx, "change", { territory, appointment: a, motive: row.motive, place, token, now });
        await writeAudit(tx, {
          territoryId: territory.id, actorKind: actor.kind, actorUserId: actor.userId ?? null, action: "appointment.move", entity: "appointment", entityId: a.id,
          details: { revision: a.revision, place: slot.placeId },
        });
        return true;
      });
      return moved ? { ok: true } : { ok: false, problem: "not_upcoming" };
    } catch (err) {
      if (sqlState(err) !== "23P01") throw err;
    }
  }
  const problem = free.length ? "taken" : await slotProblem(db, territory.id, row.motive, to.placeId, to.start, now, staff);
  return { ok: false, problem, next: await nextSlots(db, search) };
}

export const STAFF_STATUSES = ["seen", "noshow", "excused", "revoked"] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/**
 * An agent records what happened: seen (also early: a person received ahead of time), no-show
 * once the appointment has started; excused (the person called to cancel) or revoked (the
 * service cancels) before its end.
 */
export async function setStatusByStaff(db: Db, territory: TerritoryRef, id: string, status: StaffStatus, userId: string, now: Date): Promise<ChangeResult> {
  const row = await findById(db, territory.id, id);
  if (!row) return { ok: false, problem: "not_upcoming" };
  const started = now.getTime() >= row.a.startsAt.getTime();
  const outcome = status === "seen" || status === "noshow";
  const allowed = outcome
    ? (started || status === "seen") && (row.a.status === "upcoming" || row.a.status === "seen" || row.a.status === "noshow")
    : row.a.status === "upcoming" && now.getTime() < row.a.endsAt.getTime();
  if (!allowed) return { ok: false, problem: outcome ? "too_soon" : "not_upcoming" };
  await changeStatus(db, territory, row, status, now, { kind: "staff", userId });
  return { ok: true };
}

/** An appointment with the person's contact details, for staff; the view is audited. */
export async function viewAppointment(db: Db, territoryId: string, id: string, userId: string) {
  const row = await findById(db, territoryId, id);
  if (!row) return null;
  await writeAudit(db, { territoryId, actorKind: "staff", actorUserId: userId, action: "appointment.contact_view", entity: "appointment", entityId: id });
  return { ...row, contact: readContact(row.a) };
}
