import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { neighbourhoodLevels, neighbourhoods, sites, territories, type TerritorySettings } from "@/db/schema";
import { contains, type PolygonGeometry } from "@/lib/geo/geometry";
import { applyImport, type ImportActor } from "./boundaries/write";
import type { ImportDiff } from "./boundaries/diff";
import type { ImportPlan } from "./boundaries/types";
import type { SiteInput, TerritoryInput } from "./geo-source";

/** Creates the territory (by slug) or renames it; returns its id. */
export async function ensureTerritory(db: Db, slug: string, name: string, settings: TerritorySettings = {}): Promise<string> {
  const [territory] = await db
    .insert(territories)
    .values({ slug, name, settings })
    .onConflictDoUpdate({ target: territories.slug, set: { name } })
    .returning({ id: territories.id });
  return territory.id;
}

/**
 * Finds the current area of the territory's finest level that contains a point (null when none,
 * or without coordinates): a site is attached to it, whoever writes the site.
 */
export async function finestAreaLocator(db: Db | Tx, territoryId: string): Promise<(lon: number | null | undefined, lat: number | null | undefined) => string | null> {
  const [finest] = await db.select({ id: neighbourhoodLevels.id }).from(neighbourhoodLevels)
    .where(and(eq(neighbourhoodLevels.territoryId, territoryId), isNull(neighbourhoodLevels.retiredAt)))
    .orderBy(sql`${neighbourhoodLevels.rank} desc`).limit(1);
  const areas = finest
    ? await db.select({ id: neighbourhoods.id, geometry: neighbourhoods.geometry }).from(neighbourhoods)
      .where(and(eq(neighbourhoods.levelId, finest.id), isNull(neighbourhoods.retiredAt)))
    : [];
  return (lon, lat) => (lon == null || lat == null ? null
    : areas.find((a) => a.geometry && contains(a.geometry as PolygonGeometry, [lon, lat]))?.id ?? null);
}

/**
 * Creates or updates the territory's collection places, each attached to the current area of
 * the finest level that contains it. Idempotent: keyed by territory and site code.
 */
export async function upsertSites(db: Db, territoryId: string, input: SiteInput[]) {
  if (input.length === 0) return;
  const areaAt = await finestAreaLocator(db, territoryId);
  await db.transaction(async (tx) => {
    for (const site of input) {
      const neighbourhoodId = areaAt(site.lon, site.lat);
      await tx.insert(sites)
        .values({ territoryId, ...site, neighbourhoodId })
        .onConflictDoUpdate({
          target: [sites.territoryId, sites.code],
          set: { name: site.name, kind: site.kind, address: site.address, phone: site.phone, lon: site.lon, lat: site.lat, neighbourhoodId },
        });
    }
  });
}

/**
 * A territory given as data (generated, e.g. the fictional one, or already validated): the same
 * write path as a boundaries import (lib/territories/boundaries/write.ts), then its sites.
 */
export async function upsertTerritory(db: Db, input: TerritoryInput, actor: ImportActor = { kind: "system" }): Promise<string> {
  const territoryId = await ensureTerritory(db, input.slug, input.name, input.fictional ? { fictional: true } : {});
  const plan: ImportPlan = {
    levels: input.levels.map((l) => ({
      key: l.key, name: l.name, file: l.key,
      areas: l.areas.map((a) => ({ code: a.code, name: a.name, parentCode: a.parentCode, geometry: a.geometry as PolygonGeometry })),
    })),
  };
  await applyImport(db, territoryId, plan, actor);
  await upsertSites(db, territoryId, input.sites);
  return territoryId;
}

export type { ImportDiff };

export async function countAreas(db: Db, territoryId: string, levelKey: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(neighbourhoods)
    .innerJoin(neighbourhoodLevels, eq(neighbourhoods.levelId, neighbourhoodLevels.id))
    .where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoodLevels.key, levelKey), isNull(neighbourhoods.retiredAt)));
  return r.n;
}
