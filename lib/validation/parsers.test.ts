import { describe, expect, it } from "vitest";
import {
  calendarDate, checkedFormData, formHasControlChars, hasControlChars, isCalendarDate, isUuid, parisWallClock, parisWallClockTime,
  parseTimeOfDay, parseUuid, safeText, uuid,
} from "./parsers";

describe("uuid", () => {
  it("accepts the canonical form only: 36 dashes or a misplaced dash are not ids", () => {
    expect(isUuid("6f1c2b9e-8a4d-4c3e-9b7a-0d2e4f6a8b1c")).toBe(true);
    expect(isUuid("6F1C2B9E-8A4D-4C3E-9B7A-0D2E4F6A8B1C")).toBe(true);
    expect(isUuid("-".repeat(36))).toBe(false);
    expect(isUuid("6f1c2b9e8-a4d-4c3e-9b7a-0d2e4f6a8b1c")).toBe(false);
    expect(isUuid("6f1c2b9e-8a4d-4c3e-9b7a-0d2e4f6a8b1g")).toBe(false);
    expect(isUuid(undefined)).toBe(false);
    expect(parseUuid("6F1C2B9E-8A4D-4C3E-9B7A-0D2E4F6A8B1C")).toBe("6f1c2b9e-8a4d-4c3e-9b7a-0d2e4f6a8b1c");
    const r = uuid().safeParse("-".repeat(36));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("Identifiant invalide.");
  });
});

describe("safeText", () => {
  it("refuses NUL and other control characters, with a French message", () => {
    const r = safeText(100).safeParse("Bonjour\u0000");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/caractères non autorisés/);
    expect(safeText(100).safeParse("  Aïcha  ").data).toBe("Aïcha");
    expect(safeText(5).safeParse("trop long").success).toBe(false);
    expect(safeText(100, { multiline: true }).safeParse("ligne 1\nligne 2\ttab").success).toBe(true);
    expect(safeText(100).safeParse("ligne 1\nligne 2").success).toBe(false);
    expect(hasControlChars("a\u007fb")).toBe(true);
  });

  it("checks a whole form", () => {
    const fd = new FormData();
    fd.set("note", "ok\r\nok");
    expect(checkedFormData(fd)).toBe(fd);
    fd.set("name", "x\u0000");
    expect(checkedFormData(fd)).toBeNull();
    expect(checkedFormData({ get: () => "x" })).toBeNull();
    expect(checkedFormData("montpellier")).toBeNull();
    expect(formHasControlChars(new URLSearchParams("a=b%00c"))).toBe(true);
    expect(formHasControlChars(new URLSearchParams("a=b%0Ac"))).toBe(false);
  });
});

describe("dates and times", () => {
  it("accepts real calendar days only", () => {
    expect(isCalendarDate("2026-03-29")).toBe(true);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-13-45")).toBe(false);
    expect(isCalendarDate("0001-01-01")).toBe(false);
    expect(isCalendarDate("2026-1-5")).toBe(false);
    expect(calendarDate().safeParse("2026-13-45").error?.issues[0].message).toMatch(/Date invalide/);
  });

  it("normalises times of day", () => {
    expect(parseTimeOfDay("9:00")).toBe("09:00");
    expect(parseTimeOfDay("09:00:00")).toBe("09:00");
    expect(parseTimeOfDay("24:00")).toBeNull();
    expect(parseTimeOfDay("12:60")).toBeNull();
  });

  it("refuses a Paris wall-clock time in the spring DST gap, keeps the others exact", () => {
    expect(parisWallClock("2026-03-29", "02:30")).toBeNull();
    expect(parisWallClock("2026-03-29", "03:00")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(parisWallClock("2026-03-29", "01:59")?.toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(parisWallClock("2026-10-25", "02:30")?.toISOString()).toBe("2026-10-25T01:30:00.000Z"); // luxon takes the standard-time one
    expect(parisWallClock("2026-02-30", "10:00")).toBeNull();
    const r = parisWallClockTime().safeParse({ date: "2026-03-29", time: "02:15" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/n'existe pas/);
    expect(parisWallClockTime().parse({ date: "2026-07-14", time: "10:00" }).toISOString()).toBe("2026-07-14T08:00:00.000Z");
  });
});
