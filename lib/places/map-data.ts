import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { neighbourhoodLevels, neighbourhoods } from "@/db/schema/territories";
import type { HelpPointView } from "./queries";

export type FeatureCollection = { type: "FeatureCollection"; features: { type: "Feature"; properties: Record<string, string>; geometry: unknown }[] };

/** The territory's coarsest areas (e.g. Montpellier's 7 quartiers): the map's background and the list's area filter. */
export async function coarsestAreas(db: Db, territoryId: string) {
  const [level] = await db.select({ id: neighbourhoodLevels.id, name: neighbourhoodLevels.name }).from(neighbourhoodLevels)
    .where(and(eq(neighbourhoodLevels.territoryId, territoryId), isNull(neighbourhoodLevels.retiredAt))).orderBy(asc(neighbourhoodLevels.rank)).limit(1);
  if (!level) return { levelName: null, areas: [] };
  const areas = await db.select({ id: neighbourhoods.id, name: neighbourhoods.name, geometry: neighbourhoods.geometry }).from(neighbourhoods)
    .where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoods.levelId, level.id), isNull(neighbourhoods.retiredAt)))
    .orderBy(asc(neighbourhoods.name));
  return { levelName: level.name, areas };
}

/** Pure: areas and points as GeoJSON for maplibre (names only; nothing else leaves the server). */
export function mapGeo(areas: { id: string; name: string; geometry: unknown }[], points: HelpPointView[]): { areas: FeatureCollection; points: FeatureCollection } {
  return {
    areas: { type: "FeatureCollection", features: areas.filter((a) => a.geometry).map((a) => ({ type: "Feature", properties: { key: a.id, name: a.name }, geometry: a.geometry })) },
    points: {
      type: "FeatureCollection",
      features: points.filter((p) => p.lon != null && p.lat != null).map((p) => ({
        type: "Feature", properties: { id: p.id, name: p.name, category: p.category }, geometry: { type: "Point", coordinates: [p.lon, p.lat] },
      })),
    },
  };
}
