import { and, arrayContains, eq, gt, gte, inArray, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import {
  agentAbsences, appointments, bookingMotives, bookingPlaces, CANCELLED_STATUSES, openingSlots, users,
} from "@/db/schema";
import {
  addParisDays, computeSlots, offeredSlots, parisDay, parisInstant, type Busy, type MotiveTiming, type OfferedSlot, type OpeningRule, type Slot,
} from "./slots";

export type MotiveRow = typeof bookingMotives.$inferSelect;
export type PlaceRow = typeof bookingPlaces.$inferSelect;

export async function listMotives(db: Db, territoryId: string, opts: { onlineOnly: boolean }) {
  return db.select().from(bookingMotives)
    .where(and(eq(bookingMotives.territoryId, territoryId), isNull(bookingMotives.archivedAt),
      opts.onlineOnly ? eq(bookingMotives.bookableOnline, true) : undefined))
    .orderBy(bookingMotives.name);
}

export async function getMotive(db: Db | Tx, territoryId: string, id: string): Promise<MotiveRow | null> {
  const [m] = await db.select().from(bookingMotives)
    .where(and(eq(bookingMotives.territoryId, territoryId), eq(bookingMotives.id, id), isNull(bookingMotives.archivedAt))).limit(1);
  return m ?? null;
}

export async function getPlace(db: Db | Tx, territoryId: string, id: string): Promise<PlaceRow | null> {
  const [p] = await db.select().from(bookingPlaces)
    .where(and(eq(bookingPlaces.territoryId, territoryId), eq(bookingPlaces.id, id))).limit(1);
  return p ?? null;
}

/** Places where the motive has at least one current opening. */
export async function placesForMotive(db: Db, territoryId: string, motiveId: string, today: string): Promise<PlaceRow[]> {
  return db.selectDistinct({ p: bookingPlaces }).from(bookingPlaces)
    .innerJoin(openingSlots, eq(openingSlots.placeId, bookingPlaces.id))
    .where(and(
      eq(bookingPlaces.territoryId, territoryId), isNull(bookingPlaces.archivedAt),
      eq(openingSlots.territoryId, territoryId), arrayContains(openingSlots.motiveIds, [motiveId]),
      or(isNull(openingSlots.validUntil), gte(openingSlots.validUntil, today)),
    ))
    .then((r) => r.map((x) => x.p));
}

/** Opening rules, absences and appointments that matter for one motive between two Paris days. */
export async function loadSlotInputs(db: Db | Tx, territoryId: string, motiveId: string, fromDay: string, toDay: string, placeId?: string, excludeAppointmentId?: string) {
  const rules: OpeningRule[] = await db
    .select({
      agentId: openingSlots.agentId, placeId: openingSlots.placeId, weekdays: openingSlots.weekdays, startTime: openingSlots.startTime,
      endTime: openingSlots.endTime, motiveIds: openingSlots.motiveIds, validFrom: openingSlots.validFrom, validUntil: openingSlots.validUntil,
    })
    .from(openingSlots)
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, openingSlots.placeId))
    .innerJoin(users, eq(users.id, openingSlots.agentId))
    .where(and(
      eq(openingSlots.territoryId, territoryId), arrayContains(openingSlots.motiveIds, [motiveId]),
      placeId ? eq(openingSlots.placeId, placeId) : undefined,
      isNull(bookingPlaces.archivedAt), isNull(users.disabledAt),
      lt(openingSlots.validFrom, toDay), or(isNull(openingSlots.validUntil), gte(openingSlots.validUntil, fromDay)),
    ));
  const agentIds = [...new Set(rules.map((r) => r.agentId))];
  if (!agentIds.length) return { rules, busy: [] as Busy[] };
  // A day of margin on both sides: the window's days are Paris days.
  const from = parisInstant(addParisDays(fromDay, -1), "00:00");
  const to = parisInstant(addParisDays(toDay, 1), "00:00");
  // Absences and appointments merged per agent by PostgreSQL (range_agg): a busy day comes back
  // as a few ranges instead of one row per appointment, as epoch milliseconds (cheap to map).
  const busyRows = await rows<{ agent_id: string; s: number; e: number }>(db, sql`
    select agent_id, extract(epoch from lower(r)) * 1000 as s, extract(epoch from upper(r)) * 1000 as e
    from (
      select agent_id, unnest(range_agg(tstzrange(starts_at, ends_at, '[)'))) as r
      from (
        select ${agentAbsences.agentId} as agent_id, ${agentAbsences.startsAt} as starts_at, ${agentAbsences.endsAt} as ends_at
        from ${agentAbsences}
        where ${and(eq(agentAbsences.territoryId, territoryId), inArray(agentAbsences.agentId, agentIds), lt(agentAbsences.startsAt, to), gt(agentAbsences.endsAt, from))}
        union all
        select ${appointments.agentId}, ${appointments.startsAt}, ${appointments.endsAt}
        from ${appointments}
        where ${and(eq(appointments.territoryId, territoryId), inArray(appointments.agentId, agentIds), lt(appointments.startsAt, to), gt(appointments.endsAt, from),
          notInArray(appointments.status, CANCELLED_STATUSES), excludeAppointmentId ? ne(appointments.id, excludeAppointmentId) : undefined)}
      ) b group by agent_id
    ) merged`);
  const busy: Busy[] = busyRows.map((b) => ({ agentId: b.agent_id, start: new Date(Number(b.s)), end: new Date(Number(b.e)) }));
  return { rules, busy };
}

export type SlotSearch = {
  territoryId: string; motive: MotiveTiming; fromDay: string; toDay: string; now: Date; placeId?: string; staff?: boolean;
  /** The appointment being moved: its own time does not count as busy. */
  excludeAppointmentId?: string;
};

export async function findSlots(db: Db | Tx, q: SlotSearch): Promise<Slot[]> {
  const { rules, busy } = await loadSlotInputs(db, q.territoryId, q.motive.id, q.fromDay, q.toDay, q.placeId, q.excludeAppointmentId);
  return computeSlots({ rules, busy, motive: q.motive, now: q.now, fromDay: q.fromDay, toDay: q.toDay, placeId: q.placeId, ignoreMinDelay: q.staff });
}

/** The slots of a 7-day window, and the next availability after it when the window is empty. */
export async function weekView(db: Db | Tx, q: Omit<SlotSearch, "toDay">): Promise<{ slots: OfferedSlot[]; next: OfferedSlot | null }> {
  const toDay = addParisDays(q.fromDay, 7);
  const slots = offeredSlots(await findSlots(db, { ...q, toDay }));
  if (slots.length) return { slots, next: null };
  const lastDay = addParisDays(parisDay(q.now), q.motive.maxDelayDays + 1);
  if (toDay >= lastDay) return { slots, next: null };
  const later = offeredSlots(await findSlots(db, { ...q, fromDay: toDay, toDay: lastDay }));
  return { slots, next: later[0] ?? null };
}

/** The first free slots from an instant on, for "this slot was just taken" messages. */
export async function nextSlots(db: Db | Tx, q: Omit<SlotSearch, "fromDay" | "toDay">, count = 3): Promise<OfferedSlot[]> {
  const fromDay = parisDay(q.now);
  const toDay = addParisDays(fromDay, q.motive.maxDelayDays + 1);
  return offeredSlots(await findSlots(db, { ...q, fromDay, toDay })).slice(0, count);
}
