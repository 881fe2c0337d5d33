import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { checkChange, personState, type Actor, type PeopleChange, type Refusal } from "./rules";

export type PersonRow = {
  id: string; name: string; email: string; role: Role; territoryId: string | null;
  state: ReturnType<typeof personState>; lastSignInAt: Date | null;
};

/** The staff of a territory, and the platform admins when asked (for the admin only). */
export async function listPeople(db: Db, territoryId: string, opts: { includeAdmins: boolean; now?: Date }): Promise<PersonRow[]> {
  const now = opts.now ?? new Date();
  const rows = await db.select({
    id: users.id, name: users.name, email: users.email, role: users.role, territoryId: users.territoryId,
    disabledAt: users.disabledAt, lockedUntil: users.lockedUntil, hasPassword: sql<boolean>`${users.passwordHash} is not null`, lastSignInAt: users.lastSignInAt,
  }).from(users)
    .where(opts.includeAdmins ? or(eq(users.territoryId, territoryId), eq(users.role, "admin")) : eq(users.territoryId, territoryId))
    .orderBy(asc(users.name));
  return rows.map((r) => ({
    id: r.id, name: r.name, email: r.email, role: r.role, territoryId: r.territoryId,
    state: personState({ disabledAt: r.disabledAt, lockedUntil: r.lockedUntil, hasPassword: r.hasPassword }, now), lastSignInAt: r.lastSignInAt,
  }));
}

/** Active leads of a territory and active admins, the rows locked so that two changes cannot both pass the last-lead rule. */
async function activeCounts(tx: Tx, territoryId: string | null) {
  const leads = territoryId
    ? await tx.select({ id: users.id }).from(users).where(and(eq(users.territoryId, territoryId), eq(users.role, "territory_admin"), isNull(users.disabledAt))).for("update")
    : [];
  const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt))).for("update");
  return { activeLeads: leads.length, activeAdmins: admins.length };
}

export type ChangeResult = { ok: true } | { ok: false; reason: Refusal };

/**
 * Applies one change of one account after the rules (lib/people/rules.ts), in one transaction
 * with its audit row (who, what, the account's id — never an e-mail address). Changing the role
 * or disabling revokes the account's sessions (trigger of migration 0010).
 */
export async function changePerson(db: Db, actor: Actor, targetId: string, change: PeopleChange, contextTerritoryId: string, now = new Date()): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, targetId)).limit(1).for("update");
    if (!target) return { ok: false, reason: "not_found" } as const;
    const verdict = checkChange(actor, target, change, await activeCounts(tx, target.territoryId));
    if (!verdict.ok) return verdict;
    const details: Record<string, string> = {};
    if (change.kind === "role") {
      if (change.role === target.role) return { ok: true } as const;
      await tx.update(users).set({ role: change.role }).where(eq(users.id, target.id));
      Object.assign(details, { from: target.role, to: change.role });
    } else if (change.kind === "disable") {
      if (target.disabledAt) return { ok: true } as const;
      await tx.update(users).set({ disabledAt: now }).where(eq(users.id, target.id));
    } else if (change.kind === "enable") {
      if (!target.disabledAt) return { ok: true } as const;
      await tx.update(users).set({ disabledAt: null, failedLogins: 0, lockedUntil: null }).where(eq(users.id, target.id));
    } else {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, target.id));
    }
    await writeAudit(tx, {
      territoryId: target.territoryId ?? contextTerritoryId, actorUserId: actor.id, actorKind: "staff",
      action: `user.${change.kind === "role" ? "change_role" : change.kind}`, entity: "user", entityId: target.id, details, at: now,
    });
    return { ok: true } as const;
  });
}

/** Set at every successful sign-in (password or SSO). */
export async function recordSignIn(db: Db, userId: string, now = new Date()) {
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
}
