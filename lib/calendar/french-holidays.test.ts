import { describe, expect, it } from "vitest";
import { addWorkingDays, frenchHolidays, isWorkingDay, parisDay } from "./french-holidays";

describe("French public holidays", () => {
  it("computes the movable feasts from Easter", () => {
    expect(frenchHolidays(2026)).toEqual([
      "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
      "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
    ]);
    expect(frenchHolidays(2024)).toContain("2024-04-01"); // Easter Monday 2024
    expect(frenchHolidays(2038)).toContain("2038-04-26"); // late Easter (25 April 2038)
  });
  it("counts working days, skipping weekends and holidays, in Paris time", () => {
    expect(isWorkingDay("2026-11-11")).toBe(false);
    expect(isWorkingDay("2026-11-12")).toBe(true);
    // Monday 9 Nov 2026 + 5 working days, Wednesday 11 Nov off → Tuesday 17 Nov.
    expect(addWorkingDays(new Date("2026-11-09T09:00:00Z"), 5)).toBe("2026-11-17");
    // 23:30 UTC on 31 Dec is already 1 Jan in Paris.
    expect(parisDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
});
