import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { SiteInput } from "@/lib/territories/geo-source";
import type { LevelFile } from "./types";

const property = z.string().trim().min(1).max(100);
const levelSchema = z.object({
  key: z.string().trim().regex(/^[a-z0-9_]{1,40}$/),
  name: z.string().trim().min(1).max(80),
  file: z.string().trim().min(1).max(200),
  codeProperty: property,
  nameProperty: property,
  parentProperty: property.optional(),
  parentCodePrefix: z.string().max(40).optional(),
  /** The file's licence, as in its provenance note (informative). */
  licence: z.string().max(200).optional(),
});
const siteSchema = z.object({
  file: z.string().trim().min(1).max(200),
  kind: z.string().trim().min(1).max(40),
  codeProperty: property,
  nameProperty: property,
  addressProperty: property.optional(),
  phoneProperty: property.optional(),
  licence: z.string().max(200).optional(),
});

/** A territory's boundaries and sites as shipped in fixtures/territories/<slug>/manifest.json. */
export const manifestSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: z.string().trim().min(1).max(120),
  /** The provenance and licence note beside the manifest (informative). */
  provenance: z.string().max(200).optional(),
  levels: z.array(levelSchema).min(1).max(6),
  sites: z.array(siteSchema).default([]),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The project's shipped fixtures (beside package.json). */
export function fixturesDir(): string {
  return path.join(process.cwd(), "fixtures", "territories");
}

export function readManifest(file: string): Manifest {
  return manifestSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** Every `<dir>/<slug>/manifest.json`, in folder order; none when the folder is absent. */
export function listManifests(dir: string): { dir: string; manifest: Manifest }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "manifest.json")))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => ({ dir: path.join(dir, e.name), manifest: readManifest(path.join(dir, e.name, "manifest.json")) }));
}

/** The level files of a manifest, read from its folder. */
export function manifestLevelFiles(dir: string, manifest: Manifest): LevelFile[] {
  return manifest.levels.map((l) => ({ ...l, text: fs.readFileSync(path.join(dir, l.file), "utf8") }));
}

type PointFeature = { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } };
const str = (v: unknown) => (v === undefined || v === null || v === "" ? null : String(v));

/** The collection places of a manifest (GeoJSON points). */
export function manifestSites(dir: string, manifest: Manifest): SiteInput[] {
  return manifest.sites.flatMap((s) => {
    const fc = JSON.parse(fs.readFileSync(path.join(dir, s.file), "utf8")) as { features?: PointFeature[] };
    if (!Array.isArray(fc.features)) throw new Error(`${s.file} n'est pas une FeatureCollection GeoJSON`);
    return fc.features.map((f): SiteInput => {
      const p = f.properties ?? {};
      const point = f.geometry?.type === "Point" && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as number[]) : null;
      return {
        code: String(p[s.codeProperty]), name: String(p[s.nameProperty]), kind: s.kind,
        address: s.addressProperty ? str(p[s.addressProperty]) : null,
        phone: s.phoneProperty ? str(p[s.phoneProperty]) : null,
        lon: point ? point[0] : null, lat: point ? point[1] : null,
      };
    });
  });
}
