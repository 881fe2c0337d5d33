import { describe, expect, it } from "vitest";
import { describeOpening, openingState, parseOpeningHours } from "./opening-hours";

// Also run under other process zones: `TZ=UTC npx vitest run lib/places`,
// `TZ=America/New_York npx vitest run lib/places` — results must not change.
const OFFICE = "Mo-Fr 08:30-12:30,13:30-17:00; PH off";
// Readable expectations: the library writes no-break spaces inside "12 h 30".
const plain = (s: string) => s.replace(/\u00a0/g, " ");
const describe_ = (value: string, iso: string, locale: "fr" | "en" = "fr") => {
  const at = new Date(iso);
  return plain(describeOpening(openingState(value, at), at, locale));
};

describe("parseOpeningHours", () => {
  it("accepts and normalises a valid value", () => {
    expect(parseOpeningHours(OFFICE)).toEqual({ ok: true, normalised: OFFICE, warnings: [] });
  });
  it("normalises a tolerated French-ish value and warns in French", () => {
    const r = parseOpeningHours("Lu-Ve 9h-12h");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.normalised).toBe("Mo-Fr 09:00-12:00");
    expect(r.warnings.join(" ")).toMatch(/Veuillez/);
  });
  it.each(["Mo-Fr 25:00-26:00", "lundi au vendredi", ""])("refuses %j with the library's message", (v) => {
    const r = parseOpeningHours(v);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.length).toBeGreaterThan(10);
  });
  it("points at the position of the error", () => {
    const r = parseOpeningHours("Mo-Fr 25:00-26:00");
    expect(r.ok || r.error).toMatch(/^Mo-Fr 25:00 <---/);
  });
});

describe("openingState in Paris time", () => {
  it("is open on a normal Wednesday morning and closes at 12:30 Paris", () => {
    // 2026-06-10 10:00 Paris (CEST, UTC+2)
    const s = openingState(OFFICE, new Date("2026-06-10T08:00:00Z"));
    expect(s).toMatchObject({ open: true, unknown: false });
    expect(s.nextChange?.toISOString()).toBe("2026-06-10T10:30:00.000Z");
  });
  it("is closed on Ascension Thursday 2026-05-14 and opens on Friday 8:30", () => {
    const s = openingState(OFFICE, new Date("2026-05-14T08:00:00Z"));
    expect(s.open).toBe(false);
    expect(s.nextChange?.toISOString()).toBe("2026-05-15T06:30:00.000Z");
  });
  it("after Friday 17:00 opens on Monday 8:30", () => {
    const s = openingState(OFFICE, new Date("2026-06-12T15:30:00Z")); // Friday 17:30 Paris
    expect(s.open).toBe(false);
    expect(s.nextChange?.toISOString()).toBe("2026-06-15T06:30:00.000Z");
  });
  it("skips Pentecost Monday 2026-05-25 and opens on Tuesday", () => {
    const s = openingState(OFFICE, new Date("2026-05-22T15:30:00Z")); // Friday 17:30 Paris
    expect(s.nextChange?.toISOString()).toBe("2026-05-26T06:30:00.000Z");
  });
  it.each([
    // Spring forward 2026-03-29: 08:30 Paris is already CEST (06:30Z), opening 09:00 = 07:00Z.
    ["2026-03-29T06:30:00Z", "2026-03-29T07:00:00.000Z"],
    // Fall back 2026-10-25: 08:30 Paris is CET (07:30Z), opening 09:00 = 08:00Z.
    ["2026-10-25T07:30:00Z", "2026-10-25T08:00:00.000Z"],
  ])("is right on a DST Sunday (%s)", (at, next) => {
    const s = openingState("Mo-Su 09:00-12:00", new Date(at));
    expect(s.open).toBe(false);
    expect(s.nextChange?.toISOString()).toBe(next);
  });
  it("crosses a DST night: Saturday evening to Sunday opening after spring forward", () => {
    const s = openingState("Mo-Su 09:00-12:00", new Date("2026-03-28T18:00:00Z")); // Sat 19:00 CET
    expect(s.nextChange?.toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });
  it("reads an empty or invalid value as unknown", () => {
    for (const v of ["", "  ", null, "lundi au vendredi"]) {
      expect(openingState(v, new Date("2026-06-10T08:00:00Z"))).toEqual({ open: false, unknown: true, nextChange: null });
    }
  });
  it("reports comments and unknown rules", () => {
    // A bare comment makes a rule "unknown" in the OSM syntax; "open" keeps it open.
    const s = openingState('Mo-Fr 09:00-12:00 open "sur rendez-vous"', new Date("2026-06-10T08:00:00Z"));
    expect(s).toMatchObject({ open: true, comment: "sur rendez-vous" });
    const u = openingState('Mo-Fr unknown "appeler avant"', new Date("2026-06-10T08:00:00Z"));
    expect(u).toMatchObject({ open: false, unknown: true, comment: "appeler avant" });
  });
  it("uses Alsace-Moselle holidays when given the state (Saint-Étienne, 26 December)", () => {
    const at = new Date("2025-12-26T09:00:00Z"); // Friday
    expect(openingState(OFFICE, at).open).toBe(true);
    expect(openingState(OFFICE, at, { lat: 48.58, lon: 7.75, state: "Bas-Rhin" }).open).toBe(false);
  });
});

describe("describeOpening", () => {
  it("says when an open place closes", () => {
    expect(describe_(OFFICE, "2026-06-10T08:00:00Z")).toBe("Ouvert maintenant, ferme à 12 h 30");
    expect(describe_(OFFICE, "2026-06-10T08:00:00Z", "en")).toBe("Open now, closes at 12:30");
  });
  it("says when a closed place opens: today, tomorrow, a weekday", () => {
    expect(describe_(OFFICE, "2026-06-10T11:00:00Z")).toBe("Fermé, ouvre aujourd'hui à 13 h 30");
    expect(describe_("Mo-Fr 14:00-17:00", "2026-06-10T08:00:00Z")).toBe("Fermé, ouvre aujourd'hui à 14 h");
    expect(describe_(OFFICE, "2026-06-10T16:00:00Z")).toBe("Fermé, ouvre demain à 8 h 30");
    expect(describe_("Mo-Fr 13:30-17:00", "2026-06-10T16:00:00Z")).toBe("Fermé, ouvre demain à 13 h 30");
    expect(describe_("Mo-Fr 09:00-12:00", "2026-06-12T15:30:00Z")).toBe("Fermé, ouvre lundi à 9 h");
    expect(describe_("Mo-Fr 09:00-12:00", "2026-06-12T15:30:00Z", "en")).toBe("Closed, opens Monday at 9:00");
    expect(describe_("Mo-Fr 09:00-12:00", "2026-06-10T16:00:00Z", "en")).toBe("Closed, opens tomorrow at 9:00");
  });
  it("names the weekday in Paris time even late in the evening UTC", () => {
    // Sunday 23:30Z = Monday 01:30 Paris: the opening is "today", not "tomorrow".
    expect(describe_("Mo-Fr 09:00-12:00", "2026-06-14T23:30:00Z")).toBe("Fermé, ouvre aujourd'hui à 9 h");
  });
  it("gives a date beyond a week", () => {
    expect(describe_("Jul 01-Aug 31 Mo 09:00-12:00", "2026-06-10T08:00:00Z")).toBe("Fermé, ouvre le 6 juillet à 9 h");
  });
  it("appends a comment to an open place", () => {
    expect(describe_('Mo-Fr 09:00-12:00 open "sur rendez-vous"', "2026-06-10T08:00:00Z")).toBe(
      "Ouvert maintenant, ferme à 12 h (sur rendez-vous)",
    );
  });
  it("has a line for missing or uncertain hours", () => {
    expect(describe_("", "2026-06-10T08:00:00Z")).toBe("Horaires non renseignés");
    expect(describe_("", "2026-06-10T08:00:00Z", "en")).toBe("Opening hours not provided");
    expect(describe_('Mo-Fr unknown "appeler avant"', "2026-06-10T08:00:00Z")).toBe("Horaires à confirmer : appeler avant");
  });
  it("keeps French times on one line", () => {
    const at = new Date("2026-06-10T08:00:00Z");
    expect(describeOpening(openingState(OFFICE, at), at, "fr")).toContain("12\u00a0h\u00a030");
  });
});
