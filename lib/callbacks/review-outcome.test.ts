import { describe, expect, it } from "vitest";
import { outcomeProblem, outcomeSchema } from "./review";

describe("review outcome form", () => {
  const base = { benefitCode: "rsa", outcome: "right_opened", openedOn: "2026-11-20" };
  const problem = (input: Record<string, unknown>) => {
    const r = outcomeSchema.safeParse(input);
    return r.success ? null : outcomeProblem(r.error.issues.map((i) => String(i.path[0])));
  };
  it("names the monthly amount when it is not a number (not the call-back date)", () => {
    expect(problem({ ...base, monthlyAmount: "six cents" })).toBe("invalidAmount");
    expect(problem({ ...base, monthlyAmount: "-3" })).toBe("invalidAmount");
    expect(problem({ ...base, monthlyAmount: "607.75" })).toBeNull();
  });
  it("names a missing opening date, then anything else as the outcome itself", () => {
    expect(problem({ ...base, openedOn: undefined })).toBe("invalidOpenedOn");
    expect(problem({ ...base, outcome: "nope" })).toBe("invalidOutcome");
  });
});
