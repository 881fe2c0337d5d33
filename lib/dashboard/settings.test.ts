import { describe, expect, it } from "vitest";
import { dashboardSettingsSchema } from "./settings";

describe("dashboard settings form", () => {
  it("coerces form strings and accepts an empty target", () => {
    expect(dashboardSettingsSchema.parse({ suppressionThreshold: "7", collectionTarget: "" })).toEqual({ suppressionThreshold: 7 });
    expect(dashboardSettingsSchema.parse({ suppressionThreshold: "3", collectionTarget: "1200" })).toEqual({ suppressionThreshold: 3, collectionTarget: 1200 });
  });
  it("refuses a threshold below 3 or not whole, with a French message", () => {
    for (const v of ["2", "4.5", "abc", ""]) {
      const r = dashboardSettingsSchema.safeParse({ suppressionThreshold: v });
      expect(r.success, v).toBe(false);
      expect(r.error?.issues[0].message, v).toMatch(/^Le seuil doit être un nombre entier entre 3 et 100\.$/);
    }
    expect(dashboardSettingsSchema.safeParse({ suppressionThreshold: "5", collectionTarget: "-3" }).success).toBe(false);
  });
});
