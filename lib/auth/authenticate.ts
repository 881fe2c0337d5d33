import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { afterFailure, isLocked } from "./lockout";
import { verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

export type StaffUser = { id: string; email: string; name: string; role: Role; territoryId: string | null };
export type AuthResult = { ok: true; user: StaffUser } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a password and applies the lockout. The answer never says whether the e-mail exists;
 * a locked account is refused even with the right password.
 */
export async function authenticate(db: Db, input: unknown, now = new Date()): Promise<AuthResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email)).limit(1);
  if (!user || !user.passwordHash || user.disabledAt) return { ok: false, reason: "invalid" };
  if (isLocked(user.lockedUntil, now)) return { ok: false, reason: "locked" };
  if (!(await verifyPassword(parsed.data.password, user.passwordHash))) {
    const next = afterFailure(user.failedLogins, now);
    await db.update(users).set(next).where(eq(users.id, user.id));
    return { ok: false, reason: next.lockedUntil ? "locked" : "invalid" };
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, territoryId: user.territoryId },
  };
}
