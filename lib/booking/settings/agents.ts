import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { users, type Role } from "@/db/schema";

/** Staff who receive appointments: CCAS agents and the territory's project leads. */
export const BOOKABLE_ROLES: Role[] = ["ccas_agent", "territory_admin"];

export async function listBookableAgents(db: Db | Tx, territoryId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.territoryId, territoryId), inArray(users.role, BOOKABLE_ROLES), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/**
 * The agent, if bookable in this territory, locked for the rest of the transaction: two
 * concurrent writes for one agent (opening slots, absences) then run one after the other.
 */
export async function lockBookableAgent(tx: Tx, territoryId: string, agentId: string) {
  const [a] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, agentId), eq(users.territoryId, territoryId), inArray(users.role, BOOKABLE_ROLES), isNull(users.disabledAt)))
    .for("update");
  return a ?? null;
}
