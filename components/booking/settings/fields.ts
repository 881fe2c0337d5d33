import { LOCATION_TYPES } from "@/db/schema";
import { DELAY_UNITS, splitMinutes, WEEKDAYS } from "@/lib/booking/settings/schemas";
import type { T } from "@/lib/i18n/server";
import type { Field, FormStrings, Option } from "./types";

/** The form descriptions of the settings pages, translated on the server. */
type Tk = (key: string, values?: Record<string, string | number>) => string;
const tk = (t: T) => t as unknown as Tk; // keys built at run time (units, weekdays…)

export function formStrings(t: T, submit: string): FormStrings {
  return {
    submit, errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"),
    errors: (t.raw as (key: string) => unknown)("bookingSettings.errors") as Record<string, string>,
  };
}

type Place = { name: string; address: string; phone: string | null; accessNotes: string | null; accessNotesEn?: string | null; lon: number | null; lat: number | null; neighbourhoodId: string | null };
type Areas = { name: string; areas: { id: string; name: string }[] }[];

/** A stored coordinate for the form: seven decimals at most, with a comma in French. */
const decimal = (n: number | null, locale: string) => {
  if (n === null) return "";
  const s = String(Math.round(n * 1e7) / 1e7);
  return locale === "fr" ? s.replace(".", ",") : s;
};

export function placeFields(t: T, locale: string, levels: Areas, p?: Place): Field[] {
  const k = (s: string) => tk(t)(`bookingSettings.places.${s}`);
  return [
    { kind: "text", name: "name", label: k("name"), maxLength: 120, defaultValue: p?.name },
    { kind: "text", name: "address", label: k("address"), maxLength: 300, defaultValue: p?.address, autoComplete: "street-address" },
    { kind: "tel", name: "phone", label: k("phone"), hint: k("phoneHint"), optional: true, maxLength: 30, defaultValue: p?.phone ?? "" },
    { kind: "textarea", name: "accessNotes", label: k("accessNotes"), hint: k("accessNotesHint"), optional: true, maxLength: 1000, defaultValue: p?.accessNotes ?? "" },
    { kind: "textarea", name: "accessNotesEn", label: k("accessNotesEn"), hint: tk(t)("bookingSettings.englishHint"), optional: true, maxLength: 1000, defaultValue: p?.accessNotesEn ?? "" },
    {
      kind: "group", name: "position", legend: k("position"), hint: k("positionHint"), fields: [
        { kind: "decimal", name: "lon", label: k("lon"), hint: k("lonHint"), optional: true, maxLength: 20, defaultValue: decimal(p?.lon ?? null, locale) },
        { kind: "decimal", name: "lat", label: k("lat"), hint: k("latHint"), optional: true, maxLength: 20, defaultValue: decimal(p?.lat ?? null, locale) },
        {
          kind: "select", name: "neighbourhoodId", label: k("neighbourhood"), optional: true, placeholder: k("noNeighbourhood"), defaultValue: p?.neighbourhoodId ?? "",
          options: levels.flatMap((l) => l.areas.map((a) => ({ value: a.id, label: a.name, group: l.name }))),
        },
      ],
    },
  ];
}

type Motive = {
  name: string; durationMinutes: number; locationType: string; minDelayMinutes: number; maxDelayDays: number;
  cancelDeadlineMinutes: number; moveDeadlineMinutes: number; bookableOnline: boolean; instructions: string | null;
  nameEn?: string | null; instructionsEn?: string | null;
};
/** Defaults of a new motive: RDV SP's (2 h minimum, 6 weeks maximum, cancel 4 h and move 48 h before). */
const NEW_MOTIVE: Motive = {
  name: "", durationMinutes: 30, locationType: "on_site", minDelayMinutes: 120, maxDelayDays: 42,
  cancelDeadlineMinutes: 240, moveDeadlineMinutes: 2880, bookableOnline: true, instructions: null,
};

export function unitOptions(t: T): Option[] {
  return DELAY_UNITS.map((u) => ({ value: u, label: tk(t)(`bookingSettings.units.${u}`) }));
}

export function motiveFields(t: T, m: Motive = NEW_MOTIVE): Field[] {
  const k = (s: string) => tk(t)(`bookingSettings.motives.${s}`);
  const units = unitOptions(t);
  const delay = (name: string, minutes: number, legend: string, hint: string): Field => {
    const { value, unit } = splitMinutes(minutes);
    return {
      kind: "group", name: `${name}Group`, legend, hint, fields: [
        { kind: "integer", name, label: `${legend}, ${k("value").toLowerCase()}`, short: k("value"), maxLength: 7, defaultValue: String(value) },
        { kind: "select", name: `${name}Unit`, label: `${legend}, ${k("unit").toLowerCase()}`, short: k("unit"), options: units, defaultValue: unit },
      ],
    };
  };
  return [
    { kind: "text", name: "name", label: k("name"), hint: k("nameHint"), maxLength: 120, defaultValue: m.name },
    { kind: "text", name: "nameEn", label: k("nameEn"), hint: tk(t)("bookingSettings.englishHint"), optional: true, maxLength: 120, defaultValue: m.nameEn ?? "" },
    { kind: "integer", name: "durationMinutes", label: k("duration"), hint: k("durationHint"), maxLength: 3, defaultValue: String(m.durationMinutes) },
    {
      kind: "radios", name: "locationType", label: k("locationType"), defaultValue: [m.locationType],
      options: LOCATION_TYPES.map((l) => ({ value: l, label: tk(t)(`bookingSettings.locationTypes.${l}`) })),
    },
    delay("minDelay", m.minDelayMinutes, k("minDelay"), k("minDelayHint")),
    { kind: "integer", name: "maxDelayDays", label: k("maxDelayDays"), hint: k("maxDelayHint"), maxLength: 3, defaultValue: String(m.maxDelayDays) },
    delay("cancelDeadline", m.cancelDeadlineMinutes, k("cancelDeadline"), k("cancelDeadlineHint")),
    delay("moveDeadline", m.moveDeadlineMinutes, k("moveDeadline"), k("moveDeadlineHint")),
    { kind: "checkbox", name: "bookableOnline", label: k("bookableOnline"), hint: k("bookableOnlineHint"), defaultChecked: m.bookableOnline },
    { kind: "textarea", name: "instructions", label: k("instructions"), hint: k("instructionsHint"), optional: true, maxLength: 2000, defaultValue: m.instructions ?? "" },
    { kind: "textarea", name: "instructionsEn", label: k("instructionsEn"), hint: tk(t)("bookingSettings.englishHint"), optional: true, maxLength: 2000, defaultValue: m.instructionsEn ?? "" },
  ];
}

export function weekdayOptions(t: T): Option[] {
  return WEEKDAYS.map((d) => ({ value: String(d), label: tk(t)(`bookingSettings.weekdays.${d}`) }));
}

type Named = { id: string; name: string };

export function openingSlotFields(t: T, agents: Named[], places: Named[], motives: Named[], today: string): Field[] {
  const k = (s: string) => tk(t)(`bookingSettings.slots.${s}`);
  const opts = (list: Named[]) => list.map((x) => ({ value: x.id, label: x.name }));
  return [
    { kind: "select", name: "agentId", label: k("agent"), options: opts(agents), placeholder: k("choose") },
    { kind: "select", name: "placeId", label: k("place"), options: opts(places), placeholder: k("choose") },
    { kind: "checkboxes", name: "weekdays", label: k("weekdays"), options: weekdayOptions(t) },
    { kind: "time", name: "startTime", label: k("startTime"), hint: k("timeHint"), maxLength: 5, defaultValue: "09:00" },
    { kind: "time", name: "endTime", label: k("endTime"), hint: k("timeHint"), maxLength: 5, defaultValue: "12:00" },
    { kind: "checkboxes", name: "motiveIds", label: k("motives"), options: opts(motives) },
    { kind: "date", name: "validFrom", label: k("validFrom"), hint: k("dateHint"), maxLength: 10, defaultValue: today },
    { kind: "date", name: "validUntil", label: k("validUntil"), hint: `${k("dateHint")} ${k("untilHint")}`, optional: true, maxLength: 10 },
  ];
}

export function absenceFields(t: T, agents: Named[], today: string): Field[] {
  const k = (s: string) => tk(t)(`bookingSettings.absences.${s}`);
  const moment = (which: "start" | "end", time: string): Field => ({
    kind: "group", name: which, legend: k(which), fields: [
      { kind: "date", name: `${which}Date`, label: `${k(which)}, ${k("date").toLowerCase()}`, short: k("date"), hint: k("dateHint"), maxLength: 10, defaultValue: today },
      { kind: "time", name: `${which}Time`, label: `${k(which)}, ${k("time").toLowerCase()}`, short: k("time"), hint: k("timeHint"), maxLength: 5, defaultValue: time },
    ],
  });
  return [
    { kind: "select", name: "agentId", label: k("agent"), options: agents.map((a) => ({ value: a.id, label: a.name })), placeholder: k("choose") },
    moment("start", "08:00"),
    moment("end", "18:00"),
    { kind: "text", name: "reason", label: k("reason"), hint: k("reasonHint"), optional: true, maxLength: 200 },
  ];
}
