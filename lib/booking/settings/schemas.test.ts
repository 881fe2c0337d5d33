import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/field-errors";
import { parisInstant } from "../slots";
import { absenceSchema, motiveInput, motiveSchema, openingSlotInput, openingSlotSchema, placeSchema, splitMinutes } from "./schemas";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";
const errorsOf = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrors(r.error as never));

describe("place form", () => {
  it("needs a position or a neighbourhood, and both coordinates together", () => {
    expect(errorsOf(placeSchema.safeParse({ name: "MPT", address: "1 rue" }))).toEqual({ neighbourhoodId: "position" });
    expect(errorsOf(placeSchema.safeParse({ name: "MPT", address: "1 rue", lon: "3,87" }))).toMatchObject({ lat: "lon_lat_pair" });
    const ok = placeSchema.parse({ name: "MPT", address: "1 rue", lon: "3,877", lat: "43.61", phone: "04 67 00 00 00" });
    expect(placeSchema.parse({ name: "M", address: "a", lon: "3.123456789012345", lat: "-43,1" })).toMatchObject({ lon: 3.123456789012345, lat: -43.1 });
    expect(ok).toMatchObject({ lon: 3.877, lat: 43.61, phone: "04 67 00 00 00", neighbourhoodId: null, accessNotes: null });
  });
  it("refuses out-of-range coordinates, a bad phone and empty names", () => {
    expect(errorsOf(placeSchema.safeParse({ name: "", address: "1 rue", lon: "200", lat: "43", phone: "12" })))
      .toEqual({ name: "required", lon: "lon" });
    expect(errorsOf(placeSchema.safeParse({ name: "X", address: "1 rue", neighbourhoodId: A, phone: "12" }))).toEqual({ phone: "phone" });
  });
});

const motive = {
  name: "Étude de droits", durationMinutes: "45", locationType: "on_site", minDelay: "2", minDelayUnit: "hours", maxDelayDays: "42",
  cancelDeadline: "4", cancelDeadlineUnit: "hours", moveDeadline: "2", moveDeadlineUnit: "days", bookableOnline: "on",
};

describe("motive form", () => {
  it("converts delays and deadlines to minutes", () => {
    expect(motiveSchema.parse(motive)).toMatchObject({
      durationMinutes: 45, minDelayMinutes: 120, maxDelayDays: 42, cancelDeadlineMinutes: 240, moveDeadlineMinutes: 2880, bookableOnline: true, instructions: null,
    });
    expect(motiveSchema.parse({ ...motive, bookableOnline: undefined, minDelay: "0" })).toMatchObject({ bookableOnline: false, minDelayMinutes: 0 });
  });
  it("bounds the duration to 5–480 minutes and the maximum delay to 1–365 days", () => {
    for (const d of ["4", "481", "abc", "-5", "1.5"]) expect(errorsOf(motiveSchema.safeParse({ ...motive, durationMinutes: d }))).toEqual({ durationMinutes: "duration" });
    expect(errorsOf(motiveSchema.safeParse({ ...motive, durationMinutes: undefined }))).toEqual({ durationMinutes: "required" });
    for (const d of ["0", "366"]) expect(errorsOf(motiveSchema.safeParse({ ...motive, maxDelayDays: d }))).toEqual({ maxDelayDays: "max_delay" });
  });
  it("refuses a maximum delay not after the minimum delay, and negative values", () => {
    expect(errorsOf(motiveSchema.safeParse({ ...motive, minDelay: "3", minDelayUnit: "days", maxDelayDays: "3" }))).toEqual({ maxDelayDays: "max_not_after_min" });
    expect(errorsOf(motiveSchema.safeParse({ ...motive, minDelay: "-1", cancelDeadline: "-2" }))).toEqual({ minDelay: "min_delay", cancelDeadline: "deadline" });
    expect(errorsOf(motiveSchema.safeParse({ ...motive, locationType: "home", moveDeadlineUnit: "weeks" }))).toEqual({ locationType: "location_type", moveDeadlineUnit: "unit" });
  });
  it("reads a posted form and splits stored minutes back into a unit", () => {
    const form = new URLSearchParams({ ...motive, instructions: "  Apportez votre avis d'imposition  " });
    expect(motiveSchema.parse(motiveInput(form)).instructions).toBe("Apportez votre avis d'imposition");
    // English versions are optional, read like the French ones.
    const en = new URLSearchParams({ ...motive, nameEn: " Benefits review ", instructionsEn: "Bring your tax notice" });
    expect(motiveSchema.parse(motiveInput(en))).toMatchObject({ nameEn: "Benefits review", instructionsEn: "Bring your tax notice" });
    expect(motiveSchema.parse(motiveInput(form))).toMatchObject({ nameEn: null, instructionsEn: null });
    expect([splitMinutes(2880), splitMinutes(240), splitMinutes(90), splitMinutes(0)]).toEqual([
      { value: 2, unit: "days" }, { value: 4, unit: "hours" }, { value: 90, unit: "minutes" }, { value: 0, unit: "minutes" },
    ]);
  });
});

const slot = { agentId: A, placeId: B, weekdays: ["2", "4"], startTime: "09:00", endTime: "12:30", motiveIds: [A], validFrom: "2026-12-01" };

describe("opening slot form", () => {
  it("normalises times, weekdays and motives", () => {
    expect(openingSlotSchema.parse({ ...slot, startTime: "9:00", weekdays: ["4", "2", "4"], motiveIds: [A.toUpperCase(), A] }))
      .toEqual({ ...slot, weekdays: [2, 4], motiveIds: [A], validUntil: null });
  });
  it("refuses bad times and an end not after the start", () => {
    for (const t of ["24:00", "9h", "12:60", "", "0900"]) {
      expect(errorsOf(openingSlotSchema.safeParse({ ...slot, startTime: t || undefined }))).toEqual({ startTime: t ? "time" : "required" });
    }
    expect(errorsOf(openingSlotSchema.safeParse({ ...slot, endTime: "09:00" }))).toEqual({ endTime: "end_before_start" });
    expect(errorsOf(openingSlotSchema.safeParse({ ...slot, endTime: "08:00" }))).toEqual({ endTime: "end_before_start" });
  });
  it("needs a weekday and a motive, valid ISO weekdays only", () => {
    const form = new URLSearchParams([["agentId", A], ["placeId", B], ["startTime", "09:00"], ["endTime", "10:00"], ["validFrom", "2026-12-01"]]);
    expect(errorsOf(openingSlotSchema.safeParse(openingSlotInput(form)))).toEqual({ weekdays: "weekday", motiveIds: "motive" });
    expect(errorsOf(openingSlotSchema.safeParse({ ...slot, weekdays: ["0"] }))).toEqual({ weekdays: "weekday" });
    expect(errorsOf(openingSlotSchema.safeParse({ ...slot, weekdays: ["8"], motiveIds: ["nope"] }))).toEqual({ weekdays: "weekday", motiveIds: "motive" });
  });
  it("refuses impossible dates and a validity that ends before it starts", () => {
    expect(errorsOf(openingSlotSchema.safeParse({ ...slot, validFrom: "2026-02-30" }))).toEqual({ validFrom: "date" });
    expect(errorsOf(openingSlotSchema.safeParse({ ...slot, validUntil: "2026-11-30" }))).toEqual({ validUntil: "until_before_from" });
    expect(openingSlotSchema.parse({ ...slot, validUntil: "2026-12-01" }).validUntil).toBe("2026-12-01");
  });
});

describe("absence form", () => {
  const absence = { agentId: A, startDate: "2026-03-29", startTime: "00:00", endDate: "2026-03-29", endTime: "12:00" };
  it("reads Paris wall-clock times, across the spring daylight-saving change", () => {
    const r = absenceSchema.parse(absence);
    expect(r.startsAt.toISOString()).toBe("2026-03-28T23:00:00.000Z"); // winter time, UTC+1
    expect(r.endsAt.toISOString()).toBe("2026-03-29T10:00:00.000Z"); // summer time, UTC+2
    expect(absenceSchema.parse({ ...absence, startDate: "2026-07-01", endDate: "2026-07-01" }).startsAt.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // 02:30 does not exist on 29 March (clocks jump to 03:00): luxon moves it forward to 03:30 summer time.
    expect(parisInstant("2026-03-29", "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
  it("refuses an end not after the start and bad values", () => {
    expect(errorsOf(absenceSchema.safeParse({ ...absence, endTime: "00:00" }))).toEqual({ endDate: "end_before_start" });
    expect(errorsOf(absenceSchema.safeParse({ ...absence, endDate: "2026-03-28", endTime: "23:59" }))).toEqual({ endDate: "end_before_start" });
    expect(errorsOf(absenceSchema.safeParse({ ...absence, agentId: "x", startTime: "25:00", endDate: "demain" }))).toEqual({ agentId: "agent", startTime: "time", endDate: "date" });
  });
  it("refuses impossible dates and a time skipped by the change to summer time, never moves them", () => {
    expect(errorsOf(absenceSchema.safeParse({ ...absence, startDate: "2026-13-45" }))).toEqual({ startDate: "date" });
    expect(errorsOf(absenceSchema.safeParse({ ...absence, startDate: "2026-02-30", endDate: "2026-03-02" }))).toEqual({ startDate: "date" });
    expect(errorsOf(absenceSchema.safeParse({ ...absence, startTime: "02:30" }))).toEqual({ startTime: "nonexistent_time" });
    expect(errorsOf(absenceSchema.safeParse({ ...absence, agentId: "-".repeat(36) }))).toEqual({ agentId: "agent" });
  });
});
