import type { ImportLimits, Issue, ParsedFeature, ParsedFile } from "./types";

const LAMBERT93_CRS = /(EPSG:*:?2154|EPSG::2154|RGF93.*Lambert|Lambert.?93|\b2154\b)/i;

/** Counts positions ([x, y, …] arrays of numbers) under a geometry, stopping past `stopAt`. */
export function countVertices(coords: unknown, stopAt: number, acc = 0): number {
  if (!Array.isArray(coords) || acc > stopAt) return acc;
  if (coords.length > 0 && typeof coords[0] === "number") return acc + 1;
  let n = acc;
  for (const c of coords) {
    n = countVertices(c, stopAt, n);
    if (n > stopAt) break;
  }
  return n;
}

/**
 * Reads one uploaded GeoJSON file: size, JSON, FeatureCollection, a `crs` naming Lambert-93 and
 * the number of vertices (refused before any costly check). Geometry is validated afterwards.
 */
export function parseGeoJson(file: string, text: string, limits: ImportLimits): { parsed?: ParsedFile; issues: Issue[] } {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxFileBytes) {
    return { issues: [{ code: "file_too_large", file, params: { size: megabytes(bytes), max: megabytes(limits.maxFileBytes) } }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { issues: [{ code: "invalid_json", file }] };
  }
  const fc = json as { type?: unknown; features?: unknown; crs?: unknown };
  if (!fc || typeof fc !== "object" || fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    const found = fc && typeof fc === "object" && typeof fc.type === "string" ? fc.type : "?";
    return { issues: [{ code: "not_feature_collection", file, params: { found } }] };
  }
  if (fc.crs && LAMBERT93_CRS.test(JSON.stringify(fc.crs))) return { issues: [{ code: "lambert93", file }] };
  if (fc.features.length === 0) return { issues: [{ code: "no_features", file }] };

  let vertices = 0;
  for (const f of fc.features as { geometry?: { coordinates?: unknown } }[]) {
    vertices = countVertices(f?.geometry?.coordinates, limits.maxVertices, vertices);
    if (vertices > limits.maxVertices) {
      return { issues: [{ code: "too_many_vertices", file, params: { max: limits.maxVertices } }] };
    }
  }
  const names = new Set<string>();
  const features: ParsedFeature[] = (fc.features as { properties?: unknown; geometry?: unknown }[]).map((f, index) => {
    const properties = f && typeof f.properties === "object" && f.properties !== null ? (f.properties as Record<string, unknown>) : {};
    for (const k of Object.keys(properties)) names.add(k);
    return { index, properties, geometry: f?.geometry ?? null };
  });
  return { parsed: { file, features, vertices, properties: [...names] }, issues: [] };
}

function megabytes(n: number): string {
  return (n / 1_000_000).toLocaleString("fr-FR", { maximumFractionDigits: 1 });
}
