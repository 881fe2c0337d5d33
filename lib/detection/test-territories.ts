import { users } from "@/db/schema";
import { createTerritory } from "@/lib/territories/territory-admin";
import type { TestDatabase } from "@/test/databases";

/** Integration tests of detection: two territories (the one tested, another for isolation) and a staff actor. */
export async function twoTerritories(t: TestDatabase) {
  const [u] = await t.db.insert(users).values({ email: "lead@test.fr", name: "Lead", role: "admin" }).returning();
  const a = await createTerritory(t.db, u.id, { name: "Alpha", slug: "alpha" });
  const b = await createTerritory(t.db, u.id, { name: "Beta", slug: "beta" });
  if (!a.ok || !b.ok) throw new Error("territories");
  return { actor: u.id, territoryId: a.id, otherTerritoryId: b.id };
}
