import { describe, expect, it } from "vitest";
import { computeSlots, offeredSlots, parisDays, subtract, weekStart, type OpeningRule, type MotiveTiming } from "./slots";

const motive: MotiveTiming = { id: "m1", durationMinutes: 30, minDelayMinutes: 0, maxDelayDays: 365 };
const rule = (over: Partial<OpeningRule> = {}): OpeningRule => ({
  agentId: "a1", placeId: "p1", weekdays: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "12:00",
  motiveIds: ["m1"], validFrom: "2020-01-01", validUntil: null, ...over,
});
const paris = (s: string) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(new Date(s));
const times = (slots: { start: Date }[]) => slots.map((s) => paris(s.start.toISOString()));
const early = new Date("2026-01-01T00:00:00Z");

describe("computeSlots", () => {
  it("cuts a weekly opening into slots of the motive's duration, in Paris time", () => {
    // Monday 2026-11-30, winter time (UTC+1).
    const slots = computeSlots({ rules: [rule()], busy: [], motive, now: early, fromDay: "2026-11-30", toDay: "2026-12-01" });
    expect(slots).toHaveLength(6);
    expect(slots[0].start.toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(slots[5].end.toISOString()).toBe("2026-11-30T11:00:00.000Z");
  });

  it("keeps 09:00 Paris across the spring daylight-saving change (29 March 2026)", () => {
    const r = rule({ weekdays: [5, 1] });
    const slots = computeSlots({ rules: [r], busy: [], motive, now: early, fromDay: "2026-03-27", toDay: "2026-03-31" });
    const firsts = slots.filter((s, i) => i === 0 || slots[i - 1].start.getTime() + 30 * 60_000 !== s.start.getTime());
    // Friday before: UTC+1 → 08:00Z; Monday after: UTC+2 → 07:00Z.
    expect(firsts.map((s) => s.start.toISOString())).toEqual(["2026-03-27T08:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
    expect(times(firsts)).toEqual(["27/03/2026 09:00", "30/03/2026 09:00"]);
  });

  it("keeps wall-clock hours on the autumn change day itself (Sunday 25 October 2026)", () => {
    // An opening of 01:00–04:00 on the night the clocks go back is 4 real hours long.
    const r = rule({ weekdays: [7], startTime: "01:00", endTime: "04:00" });
    const slots = computeSlots({ rules: [r], busy: [], motive: { ...motive, durationMinutes: 60 }, now: early, fromDay: "2026-10-25", toDay: "2026-10-26" });
    expect(slots[0].start.toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(slots).toHaveLength(4);
  });

  it("skips French public holidays computed by rule (1 May, Ascension 2026)", () => {
    const slots = computeSlots({ rules: [rule()], busy: [], motive, now: early, fromDay: "2026-04-27", toDay: "2026-05-16" });
    const days = new Set(slots.map((s) => s.start.toISOString().slice(0, 10)));
    expect(days.has("2026-05-01")).toBe(false); // Friday, Labour Day
    expect(days.has("2026-05-08")).toBe(false); // Friday, Victory in Europe
    expect(days.has("2026-05-14")).toBe(false); // Thursday, Ascension (Easter 5 April + 39)
    expect(days.has("2026-05-13")).toBe(true);
    expect(days.size).toBe(12); // 15 weekdays minus 3 holidays
  });

  it("removes absences and existing appointments, and the next slot starts where the busy time ends", () => {
    const busy = [
      { agentId: "a1", start: new Date("2026-11-30T08:00:00Z"), end: new Date("2026-11-30T08:45:00Z") }, // 09:00–09:45
      { agentId: "a1", start: new Date("2026-11-30T10:00:00Z"), end: new Date("2026-11-30T13:00:00Z") }, // absence 11:00–14:00
      { agentId: "other", start: new Date("2026-11-30T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") },
    ];
    const slots = computeSlots({ rules: [rule()], busy, motive, now: early, fromDay: "2026-11-30", toDay: "2026-12-01" });
    expect(times(slots)).toEqual(["30/11/2026 09:45", "30/11/2026 10:15"]);
  });

  it("applies the minimum delay from now, on a 5-minute grid, and the maximum delay", () => {
    const now = new Date("2026-11-30T08:12:00Z"); // Monday 09:12 Paris
    const m = { ...motive, minDelayMinutes: 60, maxDelayDays: 1 };
    const slots = computeSlots({ rules: [rule()], busy: [], motive: m, now, fromDay: "2026-11-30", toDay: "2026-12-05" });
    // Earliest 10:12 → 10:15; latest start: Tuesday 09:12 → Tuesday 09:00 only.
    expect(times(slots)).toEqual(["30/11/2026 10:15", "30/11/2026 10:45", "30/11/2026 11:15", "01/12/2026 09:00"]);
    const staff = computeSlots({ rules: [rule()], busy: [], motive: m, now, fromDay: "2026-11-30", toDay: "2026-12-01", ignoreMinDelay: true });
    expect(times(staff)[0]).toBe("30/11/2026 09:15");
  });

  it("honours validity dates, weekdays, motives and the place filter", () => {
    const rules = [
      rule({ validFrom: "2026-12-02" }),
      rule({ agentId: "a2", placeId: "p2", weekdays: [1], motiveIds: ["m2"] }),
      rule({ agentId: "a3", placeId: "p2", weekdays: [2], validUntil: "2026-11-30" }),
    ];
    const slots = computeSlots({ rules, busy: [], motive, now: early, fromDay: "2026-11-30", toDay: "2026-12-03" });
    expect(new Set(slots.map((s) => s.start.toISOString().slice(0, 10)))).toEqual(new Set(["2026-12-02"]));
    expect(computeSlots({ rules, busy: [], motive, now: early, fromDay: "2026-11-30", toDay: "2026-12-03", placeId: "p2" })).toEqual([]);
  });

  it("returns nothing in the past and groups agents offering the same start at one place", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(computeSlots({ rules: [rule()], busy: [], motive, now, fromDay: "2026-11-30", toDay: "2026-12-01" })).toEqual([]);
    const two = computeSlots({ rules: [rule(), rule({ agentId: "a2" })], busy: [], motive, now: early, fromDay: "2026-11-30", toDay: "2026-12-01" });
    const offered = offeredSlots(two);
    expect(offered).toHaveLength(6);
    expect(offered[0].agentIds).toEqual(["a1", "a2"]);
  });
});

describe("time ranges and days", () => {
  it("subtracts overlapping cuts", () => {
    expect(subtract([[0, 10], [20, 30]], [[2, 4], [8, 22], [25, 26]])).toEqual([[0, 2], [4, 8], [22, 25], [26, 30]]);
  });
  it("walks Paris days through a DST change and finds Mondays", () => {
    expect(parisDays("2026-03-28", "2026-03-31")).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(weekStart("2026-03-29")).toBe("2026-03-23");
  });
});
