import { describe, expect, it } from "vitest";
import { retentionCutoffs, retentionFromEnv } from "./retention";

describe("retention cutoffs", () => {
  it("erases 12 months after a closure and 30 days after an unreachable one", () => {
    const c = retentionCutoffs(new Date("2027-03-15T12:00:00Z"), { monthsAfterClosure: 12, daysAfterUnreachable: 30 });
    expect(c.closure.toISOString()).toBe("2026-03-15T12:00:00.000Z");
    expect(c.unreachable.toISOString()).toBe("2027-02-13T12:00:00.000Z");
  });
  it("reads its delays from the environment, ignoring nonsense", () => {
    expect(retentionFromEnv({ BAROMETRE_RETENTION_MONTHS: "6", BAROMETRE_RETENTION_UNREACHABLE_DAYS: "abc" } as unknown as NodeJS.ProcessEnv)).toEqual({ monthsAfterClosure: 6, daysAfterUnreachable: 30 });
  });
});
