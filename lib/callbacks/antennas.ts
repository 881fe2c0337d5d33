import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { safeText, uuid } from "@/lib/validation/parsers";
import { rows, type Db, type Tx } from "@/db/client";
import { antennaNeighbourhoods, antennas, neighbourhoods } from "@/db/schema";

/**
 * CCAS antennas: a territory may split its callback work by neighbourhood. A request goes to the
 * antenna mapped to its neighbourhood or, failing that, to the closest mapped ancestor (IRIS →
 * sous-quartier → quartier); none mapped: the territory's CCAS as a whole.
 */
export async function routeToAntenna(db: Db | Tx, territoryId: string, neighbourhoodId: string | null): Promise<string | null> {
  if (!neighbourhoodId) return null;
  const [hit] = await rows<{ antenna_id: string }>(db, sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from ${neighbourhoods} where id = ${neighbourhoodId}::uuid and territory_id = ${territoryId}::uuid
      union all
      select n.id, n.parent_id, up.depth + 1 from ${neighbourhoods} n join up on n.id = up.parent_id where up.depth < 10
    )
    select an.antenna_id from up join ${antennaNeighbourhoods} an on an.neighbourhood_id = up.id
    order by up.depth limit 1`);
  return hit?.antenna_id ?? null;
}

export const antennaSchema = z.object({
  name: safeText(80).pipe(z.string().min(1, { error: "Donnez un nom à l'antenne." })),
  neighbourhoodIds: z.array(uuid("Quartier invalide.")).min(1).max(500),
});

/** Creates an antenna covering neighbourhoods of its own territory (a neighbourhood belongs to one antenna). */
export async function createAntenna(db: Db, territoryId: string, input: z.infer<typeof antennaSchema>) {
  return db.transaction(async (tx) => {
    const own = await tx.select({ id: neighbourhoods.id }).from(neighbourhoods)
      .where(and(eq(neighbourhoods.territoryId, territoryId), inArray(neighbourhoods.id, input.neighbourhoodIds)));
    if (own.length !== new Set(input.neighbourhoodIds).size) return { ok: false as const, reason: "unknown_neighbourhood" as const };
    const [a] = await tx.insert(antennas).values({ territoryId, name: input.name }).onConflictDoNothing().returning({ id: antennas.id });
    if (!a) return { ok: false as const, reason: "duplicate_name" as const };
    await tx.delete(antennaNeighbourhoods).where(inArray(antennaNeighbourhoods.neighbourhoodId, input.neighbourhoodIds));
    await tx.insert(antennaNeighbourhoods).values(own.map((n) => ({ territoryId, antennaId: a.id, neighbourhoodId: n.id })));
    return { ok: true as const, id: a.id };
  });
}

export async function listAntennas(db: Db, territoryId: string) {
  const list = await db.select().from(antennas).where(eq(antennas.territoryId, territoryId)).orderBy(asc(antennas.name));
  const areas = await db
    .select({ antennaId: antennaNeighbourhoods.antennaId, name: neighbourhoods.name })
    .from(antennaNeighbourhoods)
    .innerJoin(neighbourhoods, eq(neighbourhoods.id, antennaNeighbourhoods.neighbourhoodId))
    .where(eq(antennaNeighbourhoods.territoryId, territoryId))
    .orderBy(asc(neighbourhoods.name));
  return list.map((a) => ({ ...a, areas: areas.filter((x) => x.antennaId === a.id).map((x) => x.name) }));
}

export async function deleteAntenna(db: Db, territoryId: string, id: string) {
  const r = await db.delete(antennas).where(and(eq(antennas.id, id), eq(antennas.territoryId, territoryId))).returning({ id: antennas.id });
  return r.length > 0;
}

/** Demo antennas of Montpellier: the Mosson antenna (SOURCES.md: "une antenne à la Mosson") and the head office. */
export async function seedDemoAntennas(db: Db, territoryId: string) {
  if ((await listAntennas(db, territoryId)).length) return;
  const quartiers = await rows<{ id: string; code: string }>(db, sql`
    select n.id, n.code from ${neighbourhoods} n where n.territory_id = ${territoryId}::uuid and n.parent_id is null and n.code like '34172-Q%'`);
  const mosson = quartiers.filter((q) => q.code === "34172-Q2").map((q) => q.id);
  const others = quartiers.filter((q) => q.code !== "34172-Q2").map((q) => q.id);
  if (!mosson.length || !others.length) return;
  await createAntenna(db, territoryId, { name: "Antenne Mosson", neighbourhoodIds: mosson });
  await createAntenna(db, territoryId, { name: "CCAS — siège (Port Marianne)", neighbourhoodIds: others });
}
