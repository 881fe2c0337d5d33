import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { neighbourhoodLevels, neighbourhoods, sites, territories } from "@/db/schema";
import { contains } from "@/lib/geo/geometry";
import type { TerritoryInput } from "./geo-source";

/**
 * Creates or updates a territory with its neighbourhood levels, areas and sites, in one
 * transaction. Idempotent: keyed by slug, level key, area code and site code.
 */
export async function upsertTerritory(db: Db, input: TerritoryInput): Promise<string> {
  return db.transaction(async (tx) => {
    const [territory] = await tx
      .insert(territories)
      .values({ slug: input.slug, name: input.name, settings: input.fictional ? { fictional: true } : {} })
      .onConflictDoUpdate({ target: territories.slug, set: { name: input.name } })
      .returning({ id: territories.id });
    const territoryId = territory.id;

    const idsByLevel: Map<string, string>[] = [];
    for (const [rank, level] of input.levels.entries()) {
      const [lvl] = await tx
        .insert(neighbourhoodLevels)
        .values({ territoryId, key: level.key, name: level.name, rank })
        .onConflictDoUpdate({
          target: [neighbourhoodLevels.territoryId, neighbourhoodLevels.key],
          set: { name: level.name, rank },
        })
        .returning({ id: neighbourhoodLevels.id });
      const parentIds = idsByLevel[rank - 1];
      const ids = new Map<string, string>();
      for (const area of level.areas) {
        const values = {
          territoryId, levelId: lvl.id, code: area.code, name: area.name,
          parentId: area.parentCode ? parentIds?.get(area.parentCode) ?? null : null,
          geometry: area.geometry,
        };
        const [row] = await tx
          .insert(neighbourhoods)
          .values(values)
          .onConflictDoUpdate({
            target: [neighbourhoods.territoryId, neighbourhoods.levelId, neighbourhoods.code],
            set: { name: values.name, parentId: values.parentId, geometry: values.geometry },
          })
          .returning({ id: neighbourhoods.id });
        ids.set(area.code, row.id);
      }
      idsByLevel.push(ids);
    }

    const finest = input.levels[input.levels.length - 1];
    for (const site of input.sites) {
      const area = site.lon !== null && site.lat !== null
        ? finest?.areas.find((a) => a.geometry && contains(a.geometry, [site.lon!, site.lat!]))
        : undefined;
      const neighbourhoodId = area ? idsByLevel[idsByLevel.length - 1].get(area.code) ?? null : null;
      const values = { territoryId, ...site, neighbourhoodId };
      await tx
        .insert(sites)
        .values(values)
        .onConflictDoUpdate({
          target: [sites.territoryId, sites.code],
          set: { name: site.name, kind: site.kind, address: site.address, phone: site.phone, lon: site.lon, lat: site.lat, neighbourhoodId },
        });
    }
    return territoryId;
  });
}

export async function countAreas(db: Db, territoryId: string, levelKey: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(neighbourhoods)
    .innerJoin(neighbourhoodLevels, eq(neighbourhoods.levelId, neighbourhoodLevels.id))
    .where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoodLevels.key, levelKey)));
  return r.n;
}
