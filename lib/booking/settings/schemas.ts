import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { LOCATION_TYPES } from "@/db/schema";
import { isCalendarDate, parisWallClock, parseTimeOfDay, UUID_PATTERN } from "@/lib/validation/parsers";
import { many, one, type FormLike } from "./form-input";

/**
 * Booking settings forms, validated on the server whatever the browser did. Inputs are the
 * strings a form posts; error messages are keys translated by the page (bookingSettings.errors.*).
 */
export const DELAY_UNITS = ["minutes", "hours", "days"] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];
const UNIT_MINUTES: Record<DelayUnit, number> = { minutes: 1, hours: 60, days: 1440 };

const uuid = (key: string) => z.string({ error: key }).regex(UUID_PATTERN, { error: key });
const text = (max: number) => z.string({ error: "required" }).min(1, { error: "required" }).max(max, { error: "too_long" });
const optionalText = (max: number) => z.string().max(max, { error: "too_long" }).optional();

/** A whole number typed in a text or number field. */
const int = (min: number, max: number, key: string) =>
  z.string({ error: "required" })
    .regex(/^\s*-?\d{1,7}\s*$/, { error: key })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: key }).max(max, { error: key }));

/** A decimal coordinate; French users type a comma. */
const coordinate = (min: number, max: number, key: string) =>
  z.string()
    .regex(/^-?\d{1,3}([.,]\d{1,15})?$/, { error: key })
    .transform((s) => Number(s.replace(",", ".")))
    .pipe(z.number().min(min, { error: key }).max(max, { error: key }))
    .optional();

/** "HH:MM" (24 h), also accepting "9:00" and "09:00:00" as some browsers send them. */
export const timeOfDay = z.string({ error: "required" }).transform((s, ctx) => {
  const t = parseTimeOfDay(s);
  if (!t) {
    ctx.addIssue({ code: "custom", message: "time" });
    return z.NEVER;
  }
  return t;
});

/** A real calendar day "YYYY-MM-DD" between 2000 and 2100. */
export const calendarDay = z.string({ error: "required" }).refine(
  (s) => isCalendarDate(s) && s >= "2000-01-01",
  { error: "date" },
);

// --- Places -------------------------------------------------------------------------------

export const placeSchema = z
  .object({
    name: text(120),
    address: text(300),
    phone: z.string().max(30, { error: "phone" }).optional(),
    accessNotes: optionalText(1000),
    accessNotesEn: optionalText(1000),
    lon: coordinate(-180, 180, "lon"),
    lat: coordinate(-90, 90, "lat"),
    neighbourhoodId: uuid("neighbourhood").optional(),
  })
  .transform((v, ctx) => {
    const phone = v.phone ? parsePhoneNumberFromString(v.phone, "FR") : undefined;
    if (v.phone && !phone?.isValid()) ctx.addIssue({ code: "custom", path: ["phone"], message: "phone" });
    if ((v.lon === undefined) !== (v.lat === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.lon === undefined ? "lon" : "lat"], message: "lon_lat_pair" });
    }
    // The lead sorts places by distance: a place needs a position, or a neighbourhood to derive one.
    if (v.lon === undefined && v.lat === undefined && !v.neighbourhoodId) {
      ctx.addIssue({ code: "custom", path: ["neighbourhoodId"], message: "position" });
    }
    return {
      name: v.name, address: v.address,
      phone: phone?.isValid() ? phone.formatNational() : null,
      accessNotes: v.accessNotes ?? null, accessNotesEn: v.accessNotesEn ?? null,
      lon: v.lon ?? null, lat: v.lat ?? null,
      neighbourhoodId: v.neighbourhoodId ?? null,
    };
  });
export type PlaceInput = z.output<typeof placeSchema>;
export const PLACE_FIELDS = ["name", "address", "phone", "accessNotes", "accessNotesEn", "lon", "lat", "neighbourhoodId"];

export function placeInput(form: FormLike) {
  return Object.fromEntries(PLACE_FIELDS.map((k) => [k, one(form, k)]));
}

// --- Motives ------------------------------------------------------------------------------

const MAX_DELAY_MINUTES = 365 * 1440;
const unit = z.enum(DELAY_UNITS, { error: "unit" });

export const motiveSchema = z
  .object({
    name: text(120),
    nameEn: optionalText(120),
    durationMinutes: int(5, 480, "duration"),
    locationType: z.enum(LOCATION_TYPES, { error: "location_type" }),
    minDelay: int(0, MAX_DELAY_MINUTES, "min_delay"),
    minDelayUnit: unit,
    maxDelayDays: int(1, 365, "max_delay"),
    cancelDeadline: int(0, MAX_DELAY_MINUTES, "deadline"),
    cancelDeadlineUnit: unit,
    moveDeadline: int(0, MAX_DELAY_MINUTES, "deadline"),
    moveDeadlineUnit: unit,
    bookableOnline: z.enum(["on"]).optional(),
    instructions: optionalText(2000),
    instructionsEn: optionalText(2000),
  })
  .transform((v, ctx) => {
    const minDelayMinutes = v.minDelay * UNIT_MINUTES[v.minDelayUnit];
    const cancelDeadlineMinutes = v.cancelDeadline * UNIT_MINUTES[v.cancelDeadlineUnit];
    const moveDeadlineMinutes = v.moveDeadline * UNIT_MINUTES[v.moveDeadlineUnit];
    if (minDelayMinutes > MAX_DELAY_MINUTES) ctx.addIssue({ code: "custom", path: ["minDelay"], message: "min_delay" });
    else if (v.maxDelayDays * 1440 <= minDelayMinutes) ctx.addIssue({ code: "custom", path: ["maxDelayDays"], message: "max_not_after_min" });
    if (cancelDeadlineMinutes > MAX_DELAY_MINUTES) ctx.addIssue({ code: "custom", path: ["cancelDeadline"], message: "deadline" });
    if (moveDeadlineMinutes > MAX_DELAY_MINUTES) ctx.addIssue({ code: "custom", path: ["moveDeadline"], message: "deadline" });
    return {
      name: v.name, nameEn: v.nameEn ?? null, durationMinutes: v.durationMinutes, locationType: v.locationType,
      minDelayMinutes, maxDelayDays: v.maxDelayDays, cancelDeadlineMinutes, moveDeadlineMinutes,
      bookableOnline: v.bookableOnline === "on", instructions: v.instructions ?? null,
      instructionsEn: v.instructionsEn ?? null,
    };
  });
export type MotiveInput = z.output<typeof motiveSchema>;
export const MOTIVE_FIELDS = [
  "name", "nameEn", "durationMinutes", "locationType", "minDelay", "minDelayUnit", "maxDelayDays",
  "cancelDeadline", "cancelDeadlineUnit", "moveDeadline", "moveDeadlineUnit", "bookableOnline", "instructions", "instructionsEn",
];

export function motiveInput(form: FormLike) {
  return Object.fromEntries(MOTIVE_FIELDS.map((k) => [k, one(form, k)]));
}

/** Stored minutes → the largest unit that divides them, for the edit form. */
export function splitMinutes(minutes: number): { value: number; unit: DelayUnit } {
  if (minutes > 0 && minutes % 1440 === 0) return { value: minutes / 1440, unit: "days" };
  if (minutes > 0 && minutes % 60 === 0) return { value: minutes / 60, unit: "hours" };
  return { value: minutes, unit: "minutes" };
}

// --- Opening slots ------------------------------------------------------------------------

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const openingSlotSchema = z
  .object({
    agentId: uuid("agent"),
    placeId: uuid("place"),
    weekdays: z.array(z.enum(["1", "2", "3", "4", "5", "6", "7"], { error: "weekday" })).min(1, { error: "weekday" }),
    startTime: timeOfDay,
    endTime: timeOfDay,
    motiveIds: z.array(uuid("motive")).min(1, { error: "motive" }),
    validFrom: calendarDay,
    validUntil: calendarDay.optional(),
  })
  .transform((v, ctx) => {
    if (v.endTime <= v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "end_before_start" });
    if (v.validUntil && v.validUntil < v.validFrom) ctx.addIssue({ code: "custom", path: ["validUntil"], message: "until_before_from" });
    return {
      agentId: v.agentId, placeId: v.placeId,
      weekdays: [...new Set(v.weekdays.map(Number))].sort(),
      startTime: v.startTime, endTime: v.endTime,
      motiveIds: [...new Set(v.motiveIds.map((id) => id.toLowerCase()))],
      validFrom: v.validFrom, validUntil: v.validUntil ?? null,
    };
  });
export type OpeningSlotInput = z.output<typeof openingSlotSchema>;
export const OPENING_SLOT_FIELDS = ["agentId", "placeId", "startTime", "endTime", "validFrom", "validUntil"];
export const OPENING_SLOT_LISTS = ["weekdays", "motiveIds"];

export function openingSlotInput(form: FormLike) {
  return {
    ...Object.fromEntries(OPENING_SLOT_FIELDS.map((k) => [k, one(form, k)])),
    weekdays: many(form, "weekdays", 7),
    motiveIds: many(form, "motiveIds", 100),
  };
}

// --- Absences -----------------------------------------------------------------------------

export const absenceSchema = z
  .object({
    agentId: uuid("agent"),
    startDate: calendarDay,
    startTime: timeOfDay,
    endDate: calendarDay,
    endTime: timeOfDay,
    reason: optionalText(200),
  })
  .transform((v, ctx) => {
    // A wall-clock time skipped by the change to summer time is refused, never moved an hour.
    const startsAt = parisWallClock(v.startDate, v.startTime);
    const endsAt = parisWallClock(v.endDate, v.endTime);
    if (!startsAt) ctx.addIssue({ code: "custom", path: ["startTime"], message: "nonexistent_time" });
    if (!endsAt) ctx.addIssue({ code: "custom", path: ["endTime"], message: "nonexistent_time" });
    if (!startsAt || !endsAt) return z.NEVER;
    if (endsAt.getTime() <= startsAt.getTime()) ctx.addIssue({ code: "custom", path: ["endDate"], message: "end_before_start" });
    return { agentId: v.agentId, startsAt, endsAt, reason: v.reason ?? null };
  });
export type AbsenceInput = z.output<typeof absenceSchema>;
export const ABSENCE_FIELDS = ["agentId", "startDate", "startTime", "endDate", "endTime", "reason"];

export function absenceInput(form: FormLike) {
  return Object.fromEntries(ABSENCE_FIELDS.map((k) => [k, one(form, k)]));
}
