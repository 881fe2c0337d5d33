import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "./lockout";

const now = new Date("2026-03-01T10:00:00Z");

describe("lockout", () => {
  it("locks on the fifth failure for 15 minutes", () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      state = afterFailure(state.failedLogins, now);
      expect(state.lockedUntil).toBeNull();
    }
    state = afterFailure(state.failedLogins, now);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCKOUT_MINUTES * 60_000);
    expect(isLocked(state.lockedUntil, new Date(now.getTime() + 60_000))).toBe(true);
    expect(isLocked(state.lockedUntil, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000 + 1))).toBe(false);
  });
});
