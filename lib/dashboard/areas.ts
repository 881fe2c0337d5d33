import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { neighbourhoodLevels, neighbourhoods, sites } from "@/db/schema";

export type Level = { id: string; key: string; name: string; rank: number };
export type Area = { id: string; code: string; name: string; parent: string | null };

/** The territory's current neighbourhood levels, coarsest first (retired ones left out). */
export async function listLevels(db: Db, territoryId: string): Promise<Level[]> {
  return db.select({ id: neighbourhoodLevels.id, key: neighbourhoodLevels.key, name: neighbourhoodLevels.name, rank: neighbourhoodLevels.rank })
    .from(neighbourhoodLevels).where(and(eq(neighbourhoodLevels.territoryId, territoryId), isNull(neighbourhoodLevels.retiredAt)))
    .orderBy(asc(neighbourhoodLevels.rank));
}

/** The level asked for by key, or the coarsest one (null when the territory has none). */
export function pickLevel(levels: Level[], key?: string): Level | null | "unknown" {
  if (!levels.length) return null;
  if (!key) return levels[0];
  return levels.find((l) => l.key === key) ?? "unknown";
}

export async function listAreas(db: Db, territoryId: string, levelId: string): Promise<Area[]> {
  return db.select({ id: neighbourhoods.id, code: neighbourhoods.code, name: neighbourhoods.name, parent: neighbourhoods.parentId })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoods.levelId, levelId), isNull(neighbourhoods.retiredAt)))
    .orderBy(asc(neighbourhoods.name));
}

/** The level's areas as GeoJSON for the map (feature ids are the areas' ids). */
export async function areaFeatures(db: Db, territoryId: string, levelId: string) {
  const rows = await db.select({ id: neighbourhoods.id, name: neighbourhoods.name, geometry: neighbourhoods.geometry })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoods.levelId, levelId), isNotNull(neighbourhoods.geometry), isNull(neighbourhoods.retiredAt)));
  return {
    type: "FeatureCollection" as const,
    features: rows.map((r) => ({ type: "Feature" as const, properties: { key: r.id, name: r.name }, geometry: r.geometry as object })),
  };
}

/** The territory's collection sites with coordinates, for the map's points. */
export async function siteFeatures(db: Db, territoryId: string) {
  const rows = await db.select({ id: sites.id, code: sites.code, name: sites.name, lon: sites.lon, lat: sites.lat })
    .from(sites).where(and(eq(sites.territoryId, territoryId), isNotNull(sites.lon), isNotNull(sites.lat)));
  return {
    type: "FeatureCollection" as const,
    features: rows.map((s) => ({
      type: "Feature" as const, properties: { code: s.code, name: s.name },
      geometry: { type: "Point" as const, coordinates: [s.lon!, s.lat!] },
    })),
  };
}
