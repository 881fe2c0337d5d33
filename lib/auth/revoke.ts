import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Revokes every session token of an account: tokens carry the session version of their sign-in
 * and lib/auth/session.ts refuses any other. Password, role, territory and disabling changes bump
 * it by themselves (database trigger, migration 0010); sign-out calls this.
 */
export async function revokeSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}
