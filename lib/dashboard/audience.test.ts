import { describe, expect, it } from "vitest";
import { committeePeriod, dashboardAudience } from "./audience";

describe("dashboard audience", () => {
  it("gives exact figures to the territory lead and the admin only, and lets them preview the committee's", () => {
    expect(dashboardAudience({ role: "committee" }, {})).toBe("committee");
    expect(dashboardAudience({ role: "committee" }, { figures: "exact" })).toBe("committee");
    expect(dashboardAudience({ role: "territory_admin" }, {})).toBe("exact");
    expect(dashboardAudience({ role: "admin" }, { figures: "published" })).toBe("committee");
    expect(dashboardAudience({ role: "ccas_agent" }, { figures: "exact" })).toBe("committee");
  });

  it("widens the committee's period to whole months of the Paris calendar", () => {
    expect(committeePeriod({ from: "2026-03-29", to: "2026-03-30" })).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(committeePeriod({ from: "2024-02-15", to: "2024-02-15" })).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(committeePeriod({})).toEqual({ from: undefined, to: undefined });
  });
});
