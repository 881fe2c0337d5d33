import type { PolygonGeometry } from "@/lib/geo/geometry";

/** A territory ready to be written: areas per level (with parent codes) and sites. */
export type AreaInput = { code: string; name: string; parentCode: string | null; geometry: PolygonGeometry | null };
export type LevelInput = { key: string; name: string; areas: AreaInput[] };
export type SiteInput = {
  code: string; name: string; kind: string; address: string | null; phone: string | null;
  lon: number | null; lat: number | null;
};
export type TerritoryInput = { slug: string; name: string; fictional?: boolean; levels: LevelInput[]; sites: SiteInput[] };
