import { DateTime } from "luxon";
import { frenchHolidays, parisDay } from "@/lib/calendar/french-holidays";

export { parisDay };

/**
 * Slot computation, a pure pipeline over time ranges in Europe/Paris (cal.com's shape):
 * weekly opening rules → day ranges (wall-clock, so daylight-saving changes are right) → minus
 * public holidays, absences and existing appointments → clipped to [now + minimum delay,
 * now + maximum delay] → cut into slots of the motive's duration.
 */
export const ZONE = "Europe/Paris";

export type OpeningRule = {
  agentId: string;
  placeId: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** "HH:MM" wall-clock in Paris. */
  startTime: string;
  endTime: string;
  motiveIds: string[];
  /** "YYYY-MM-DD", inclusive. */
  validFrom: string;
  validUntil: string | null;
};

/** Time an agent is not available: an absence or an existing (non-cancelled) appointment. */
export type Busy = { agentId: string; start: Date; end: Date };

export type MotiveTiming = { id: string; durationMinutes: number; minDelayMinutes: number; maxDelayDays: number };

export type Slot = { start: Date; end: Date; agentId: string; placeId: string };

export type SlotQuery = {
  rules: OpeningRule[];
  busy: Busy[];
  motive: MotiveTiming;
  now: Date;
  /** Paris calendar days, `to` exclusive. */
  fromDay: string;
  toDay: string;
  placeId?: string;
  /** Staff booking ignores the motive's minimum delay (never the past). */
  ignoreMinDelay?: boolean;
};

type Range = [number, number];
const MINUTE = 60_000;
/** Slots start on a 5-minute grid when the earliest start falls inside an opening. */
const GRID = 5 * MINUTE;

/** Paris calendar days from `from` (inclusive) to `to` (exclusive). */
export function parisDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: ZONE }); d.toISODate()! < to; d = d.plus({ days: 1 })) out.push(d.toISODate()!);
  return out;
}

/** The instant of a Paris wall-clock time on a Paris day. */
export function parisInstant(day: string, time: string): Date {
  return DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toJSDate();
}

export function addParisDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: ZONE }).plus({ days: n }).toISODate()!;
}

/** Monday of the Paris week containing `day`. */
export function weekStart(day: string): string {
  return DateTime.fromISO(day, { zone: ZONE }).startOf("week").toISODate()!;
}

const holidayCache = new Map<number, Set<string>>();
export function isHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4));
  let set = holidayCache.get(year);
  if (!set) holidayCache.set(year, (set = new Set(frenchHolidays(year))));
  return set.has(day);
}

/** Subtracts sorted, merged `cuts` from sorted `ranges`. */
export function subtract(ranges: Range[], cuts: Range[]): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const [s0, e] of ranges) {
    let s = s0;
    while (j < cuts.length && cuts[j][1] <= s) j++;
    let k = j;
    while (k < cuts.length && cuts[k][0] < e) {
      if (cuts[k][0] > s) out.push([s, cuts[k][0]]);
      s = Math.max(s, cuts[k][1]);
      k++;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Earliest and latest allowed slot starts for a motive at `now`. */
export function bookingWindow(motive: MotiveTiming, now: Date, ignoreMinDelay = false): { earliest: number; latest: number } {
  const earliestRaw = now.getTime() + (ignoreMinDelay ? 0 : motive.minDelayMinutes * MINUTE);
  return { earliest: Math.ceil(earliestRaw / GRID) * GRID, latest: now.getTime() + motive.maxDelayDays * 86_400_000 };
}

/** Every free slot of the motive, sorted by start then agent. */
export function computeSlots(q: SlotQuery): Slot[] {
  const duration = q.motive.durationMinutes * MINUTE;
  if (duration <= 0) return [];
  const { earliest, latest } = bookingWindow(q.motive, q.now, q.ignoreMinDelay);
  const rules = q.rules.filter((r) => r.motiveIds.includes(q.motive.id) && (!q.placeId || r.placeId === q.placeId));

  const busyByAgent = new Map<string, Range[]>();
  for (const b of q.busy) {
    const list = busyByAgent.get(b.agentId) ?? [];
    list.push([b.start.getTime(), b.end.getTime()]);
    busyByAgent.set(b.agentId, list);
  }
  const mergedBusy = new Map<string, Range[]>();
  const busyOf = (agentId: string) => {
    let m = mergedBusy.get(agentId);
    if (!m) mergedBusy.set(agentId, (m = merge(busyByAgent.get(agentId) ?? [])));
    return m;
  };

  // Opening ranges per agent and place, from the weekly rules. Wall-clock → instant conversions
  // are the costly part (time-zone arithmetic) and repeat across agents: memoised per call.
  const instants = new Map<string, number>();
  const at = (day: string, time: string) => {
    const key = `${day}T${time}`;
    let v = instants.get(key);
    if (v === undefined) instants.set(key, (v = parisInstant(day, time).getTime()));
    return v;
  };
  const opening = new Map<string, { agentId: string; placeId: string; ranges: Range[] }>();
  for (const day of parisDays(q.fromDay, q.toDay)) {
    if (isHoliday(day)) continue;
    const weekday = DateTime.fromISO(day, { zone: ZONE }).weekday;
    for (const r of rules) {
      if (!r.weekdays.includes(weekday) || day < r.validFrom || (r.validUntil && day > r.validUntil)) continue;
      const s = at(day, r.startTime);
      const e = at(day, r.endTime);
      if (e <= s || e <= earliest || s > latest) continue;
      const key = `${r.agentId}|${r.placeId}`;
      const entry = opening.get(key) ?? { agentId: r.agentId, placeId: r.placeId, ranges: [] };
      entry.ranges.push([s, e]);
      opening.set(key, entry);
    }
  }

  const slots: Slot[] = [];
  for (const { agentId, placeId, ranges } of opening.values()) {
    const window: Range[] = merge(ranges)
      .map(([s, e]): Range => [Math.max(s, earliest), e])
      .filter(([s, e]) => s < e);
    for (const [s, e] of subtract(window, busyOf(agentId))) {
      for (let t = s; t + duration <= e && t <= latest; t += duration) {
        slots.push({ start: new Date(t), end: new Date(t + duration), agentId, placeId });
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime() || a.agentId.localeCompare(b.agentId));
}

/** What a person chooses from: one entry per place and start, with the agents who offer it. */
export type OfferedSlot = { start: Date; end: Date; placeId: string; agentIds: string[] };

export function offeredSlots(slots: Slot[]): OfferedSlot[] {
  const byKey = new Map<string, OfferedSlot>();
  for (const s of slots) {
    const key = `${s.placeId}|${s.start.getTime()}`;
    const o = byKey.get(key);
    if (o) o.agentIds.push(s.agentId);
    else byKey.set(key, { start: s.start, end: s.end, placeId: s.placeId, agentIds: [s.agentId] });
  }
  return [...byKey.values()];
}
