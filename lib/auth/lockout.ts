/** Lockout after repeated failures: pure rules, with the clock passed in. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * The account state after one more failure. lib/auth/authenticate.ts applies the same rule in
 * one atomic UPDATE (so that parallel attempts cannot race it).
 */
export function afterFailure(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const n = failedLogins + 1;
  return n >= MAX_FAILED_LOGINS
    ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
    : { failedLogins: n, lockedUntil: null };
}
