import fs from "node:fs";
import path from "node:path";
import { centroid, contains, type PolygonGeometry, type Position } from "@/lib/geo/geometry";
import type { TerritorySource } from "./demo-manifest";

/** A territory ready to be written: areas per level (with parent codes) and sites. */
export type AreaInput = { code: string; name: string; parentCode: string | null; geometry: PolygonGeometry | null };
export type LevelInput = { key: string; name: string; areas: AreaInput[] };
export type SiteInput = {
  code: string; name: string; kind: string; address: string | null; phone: string | null;
  lon: number | null; lat: number | null;
};
export type TerritoryInput = { slug: string; name: string; fictional?: boolean; levels: LevelInput[]; sites: SiteInput[] };

type Feature = { id?: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };

export function geoDataDir(): string {
  return path.resolve(process.env.BAROMETRE_GEO_DIR || path.join(process.cwd(), "..", "shared", "data", "geo"));
}

function readFeatures(dir: string, file: string): Feature[] {
  const json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as { features?: Feature[] };
  if (!Array.isArray(json.features)) throw new Error(`${file} is not a GeoJSON FeatureCollection`);
  return json.features;
}

const str = (v: unknown) => (v === undefined || v === null || v === "" ? null : String(v));

/** Reads a territory described by a manifest entry; returns null when a file is missing. */
export function readTerritory(source: TerritorySource, dir = geoDataDir()): TerritoryInput | null {
  const files = [...source.levels.map((l) => l.file), ...source.sites.map((s) => s.file)];
  if (!files.every((f) => fs.existsSync(path.join(dir, f)))) return null;

  const levels: LevelInput[] = [];
  for (const level of source.levels) {
    const parent = levels[levels.length - 1];
    const areas = readFeatures(dir, level.file).map((f): AreaInput => {
      const geometry = f.geometry as PolygonGeometry;
      let parentCode: string | null = null;
      if (parent && level.parentCode) {
        parentCode = `${level.parentCodePrefix ?? ""}${f.properties[level.parentCode]}`;
      } else if (parent) {
        const c = centroid(geometry);
        parentCode = parent.areas.find((a) => a.geometry && contains(a.geometry, c))?.code ?? null;
      }
      return { code: String(f.properties[level.code]), name: String(f.properties[level.label]), parentCode, geometry };
    });
    if (parent) {
      const known = new Set(parent.areas.map((a) => a.code));
      for (const a of areas) if (a.parentCode && !known.has(a.parentCode)) a.parentCode = null;
    }
    levels.push({ key: level.key, name: level.name, areas });
  }

  const sites = source.sites.flatMap((s) =>
    readFeatures(dir, s.file).map((f): SiteInput => {
      const [lon, lat] = f.geometry.type === "Point" ? (f.geometry.coordinates as Position) : [null, null];
      return {
        code: String(f.properties[s.code]),
        name: String(f.properties[s.label]),
        kind: s.kind,
        address: s.address ? str(f.properties[s.address]) : null,
        phone: s.phone ? str(f.properties[s.phone]) : null,
        lon, lat,
      };
    }),
  );
  return { slug: source.slug, name: source.name, levels, sites };
}
