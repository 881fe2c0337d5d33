import { describe, expect, it } from "vitest";
import { comingHolidays, namedHolidays } from "./holidays";

describe("named French holidays", () => {
  it("names the movable holidays of 2026 and keeps both names when Ascension falls on 1 May (2008)", () => {
    const y2026 = namedHolidays(2026);
    expect(y2026.find((h) => h.day === "2026-04-06")?.names).toEqual(["easter_monday"]);
    expect(y2026.find((h) => h.day === "2026-05-14")?.names).toEqual(["ascension"]);
    expect(y2026.find((h) => h.day === "2026-05-25")?.names).toEqual(["whit_monday"]);
    expect(y2026).toHaveLength(11);
    const y2008 = namedHolidays(2008);
    expect(y2008.find((h) => h.day === "2008-05-01")?.names.sort()).toEqual(["ascension", "labour_day"]);
    expect(y2008).toHaveLength(10);
  });
  it("lists the coming holidays of this year and the next, from the Paris day", () => {
    // 23:30 UTC on 31 Oct is already 1 Nov in Paris: All Saints' Day is today, so still listed.
    const list = comingHolidays(new Date("2026-10-31T23:30:00Z"));
    expect(list.map((h) => h.day).slice(0, 3)).toEqual(["2026-11-01", "2026-11-11", "2026-12-25"]);
    expect(list.at(-1)?.day).toBe("2027-12-25");
  });
});
