import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { activeStaffItem, visibleStaffItems } from "./staff-nav";

describe("staff navigation", () => {
  it("marks the entry a path belongs to", () => {
    expect(activeStaffItem("/staff")).toBe("home");
    expect(activeStaffItem("/staff/rappels/123")).toBe("requests");
    expect(activeStaffItem("/staff/rendez-vous/nouveau")).toBe("appointments");
    expect(activeStaffItem("/staff/rendez-vous/reglages/lieux")).toBe("settings");
    expect(activeStaffItem("/staff/journal")).toBe("settings");
    expect(activeStaffItem("/staff/tableau-de-bord/rapport")).toBe("dashboards");
    expect(activeStaffItem("/staff/rappelsx")).toBe(null);
    expect(activeStaffItem("/staff/reperage/situations/1")).toBe("detection");
    expect(activeStaffItem("/staff/reperage/analyse/rapport")).toBe("analysis");
    expect(activeStaffItem("/staff/reperage/reglages")).toBe("settings");
    expect(activeStaffItem("/staff/aller-vers/bilan")).toBe("outreach");
    expect(activeStaffItem("/staff/guides/rsa")).toBe("guides");
    expect(activeStaffItem("/staff/lieux/import")).toBe("places");
  });
  it("shows only what the role may use", () => {
    const keys = (role: Parameters<typeof can>[0]["role"]) => visibleStaffItems((p) => can({ role }, p)).map((i) => i.key);
    expect(keys("committee")).toEqual(["home", "outreach", "dashboards", "analysis"]);
    expect(keys("interviewer")).toEqual(["home", "outreach"]);
    expect(keys("partner")).toEqual(["home", "outreach"]);
    expect(keys("ccas_agent")).toEqual(["home", "requests", "appointments", "detection", "outreach", "analysis"]);
    expect(keys("territory_admin")).toEqual(["home", "requests", "appointments", "detection", "outreach", "dashboards", "analysis", "guides", "places", "settings"]);
  });
});
