import type { Role } from "@/db/schema";

/**
 * Who may change whom (issue 12, item 3). Pure: the counts of active leads come from the caller.
 * - only the platform admin and a territory lead manage people;
 * - a territory lead sees only their territory: anyone else (an admin included) is "not found";
 * - nobody but the platform admin gives (or holds, by invitation) the admin role;
 * - nobody disables themself or changes their own role;
 * - the last active territory lead of a territory (and the last active admin) stays.
 */
export type Actor = { id: string; role: Role; territoryId: string | null };
export type Target = { id: string; role: Role; territoryId: string | null; disabledAt: Date | null };
export type PeopleChange =
  | { kind: "role"; role: Role }
  | { kind: "disable" }
  | { kind: "enable" }
  | { kind: "unlock" };

export type Refusal = "not_found" | "forbidden" | "self" | "last_lead" | "last_admin" | "admin_role";
export type Verdict = { ok: true } | { ok: false; reason: Refusal };

/** The roles of a territory's staff: what a lead may give. */
export const TERRITORY_ROLES = ["territory_admin", "ccas_agent", "interviewer", "committee", "partner"] as const satisfies readonly Role[];

export const managesPeople = (actor: Pick<Actor, "role">) => actor.role === "admin" || actor.role === "territory_admin";

/** Whether the actor may see this account at all (another territory is not found). */
export function canSeePerson(actor: Actor, target: Pick<Target, "role" | "territoryId">): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "territory_admin" && target.role !== "admin" && target.territoryId !== null && target.territoryId === actor.territoryId;
}

/** Who may invite whom: the role and territory of the new account. */
export function checkInvite(actor: Actor, role: Role, territoryId: string | null): Verdict {
  if (!managesPeople(actor)) return { ok: false, reason: "forbidden" };
  if (role === "admin") return actor.role === "admin" && territoryId === null ? { ok: true } : { ok: false, reason: "admin_role" };
  if (territoryId === null) return { ok: false, reason: "not_found" };
  if (actor.role !== "admin" && actor.territoryId !== territoryId) return { ok: false, reason: "not_found" };
  return { ok: true };
}

/**
 * One change of one account. `activeLeads`: active territory leads of the target's territory;
 * `activeAdmins`: active platform admins (both counting the target when it is one).
 */
export function checkChange(actor: Actor, target: Target, change: PeopleChange, counts: { activeLeads: number; activeAdmins: number }): Verdict {
  if (!managesPeople(actor)) return { ok: false, reason: "forbidden" };
  if (!canSeePerson(actor, target)) return { ok: false, reason: "not_found" };
  if (change.kind === "unlock") return { ok: true };
  if (change.kind === "enable") return { ok: true };
  if (target.id === actor.id) return { ok: false, reason: "self" };
  if (change.kind === "role") {
    // The admin role has no territory: it is given by invitation only, never by a change of role.
    if (change.role === "admin" || target.role === "admin") return { ok: false, reason: "admin_role" };
    if (target.role === "territory_admin" && change.role !== "territory_admin" && !target.disabledAt && counts.activeLeads <= 1) {
      return { ok: false, reason: "last_lead" };
    }
    return { ok: true };
  }
  // disable
  if (target.disabledAt) return { ok: true };
  if (target.role === "territory_admin" && counts.activeLeads <= 1) return { ok: false, reason: "last_lead" };
  if (target.role === "admin" && counts.activeAdmins <= 1) return { ok: false, reason: "last_admin" };
  return { ok: true };
}

export type PersonState = "active" | "disabled" | "locked" | "invited";

/** What the people list shows: disabled first, then locked, then invited (no password yet). */
export function personState(p: { disabledAt: Date | null; lockedUntil: Date | null; passwordHash?: string | null; hasPassword?: boolean }, now: Date): PersonState {
  if (p.disabledAt) return "disabled";
  if (p.lockedUntil && p.lockedUntil.getTime() > now.getTime()) return "locked";
  if (!(p.hasPassword ?? !!p.passwordHash)) return "invited";
  return "active";
}
