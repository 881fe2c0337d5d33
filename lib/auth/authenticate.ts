import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { keyedHash } from "@/lib/security/client-address";
import { LIMITS } from "@/lib/security/limits";
import { hitLimit, peekLimit } from "@/lib/security/rate-limit";
import { isLocked, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from "./lockout";
import { dummyHash, verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export type StaffUser = { id: string; email: string; name: string; role: Role; territoryId: string | null };
export type AuthResult =
  | { ok: true; user: StaffUser & { sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" };

/** Where the attempt comes from: the hashed client address (lib/security/client-address.ts). */
export type AuthClient = { addressKey?: string | null };

/**
 * Checks a password and applies the lockout. The answer never says whether the e-mail exists:
 * an unknown (or disabled, or password-less) e-mail is compared against a dummy hash of the same
 * cost, gets the same messages, and is locked after the same 5 failures (counted in the rate
 * limiter's table). A locked account is refused even with the right password. Failures are
 * counted atomically (one UPDATE … RETURNING), so parallel attempts cannot slip past the lock,
 * and failures per client address are throttled too.
 */
export async function authenticate(db: Db, input: unknown, now = new Date(), client: AuthClient = {}): Promise<AuthResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const addressKey = client.addressKey ?? null;
  // At most LIMITS.signinAddress.max failures per window from one address, then no attempt at all.
  if (addressKey && (await peekLimit(db, LIMITS.signinAddress, addressKey, now)).count >= LIMITS.signinAddress.max) {
    return { ok: false, reason: "locked" };
  }

  const emailKey = keyedHash("signin-email", email);
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const usable = user && user.passwordHash && !user.disabledAt ? user : null;
  // Both lock states are read for every e-mail, so that the work does not depend on existence.
  const unknownLocked = !(await peekLimit(db, LIMITS.signinUnknownAccount, emailKey, now)).allowed;
  if (usable ? isLocked(usable.lockedUntil, now) : unknownLocked) return { ok: false, reason: "locked" };

  const matches = await verifyPassword(password, usable?.passwordHash ?? (await dummyHash()));
  if (!usable || !matches) {
    if (addressKey) await hitLimit(db, LIMITS.signinAddress, addressKey, now);
    const locked = usable ? await countFailure(db, usable.id, now) : !(await hitLimit(db, LIMITS.signinUnknownAccount, emailKey, now)).allowed;
    return { ok: false, reason: locked ? "locked" : "invalid" };
  }
  // Success only if the account is still not locked (nor disabled) now: a parallel failure may
  // have locked it while this password was being checked. The sign-in time is recorded here.
  const [u] = await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastSignInAt: now })
    .where(and(eq(users.id, usable.id), isNull(users.disabledAt), notLocked(now)))
    .returning();
  if (!u) return { ok: false, reason: "locked" };
  return {
    ok: true,
    user: { id: u.id, email: u.email, name: u.name, role: u.role, territoryId: u.territoryId, sessionVersion: u.sessionVersion },
  };
}

const notLocked = (now: Date) => or(isNull(users.lockedUntil), lte(users.lockedUntil, now));

/**
 * One more failure, atomically: PostgreSQL serialises concurrent updates of the row and
 * re-checks the condition on the latest version, so 40 parallel failures count 5 and lock; the
 * others find the account locked. Returns whether the account is now locked.
 */
async function countFailure(db: Db, userId: string, now: Date): Promise<boolean> {
  const lockEnd = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  const reached = sql`${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}`;
  const [r] = await db.update(users).set({
    failedLogins: sql`case when ${reached} then 0 else ${users.failedLogins} + 1 end`,
    lockedUntil: sql`case when ${reached} then ${lockEnd}::timestamptz else null end`,
  }).where(and(eq(users.id, userId), notLocked(now))).returning({ lockedUntil: users.lockedUntil });
  return !r || r.lockedUntil !== null;
}
