import type { PolygonGeometry, Position } from "@/lib/geo/geometry";
import { findSelfIntersection, isWgs84, looksLikeLambert93 } from "./rings";
import type { AreaPlan, ImportLimits, Issue, LevelMapping, ParsedFile } from "./types";

/** An area read from a file, before its parent is found (the raw parent property kept aside). */
export type ReadArea = AreaPlan & { index: number; parentValue: string | null };

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v).trim());

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === "number" && typeof p[1] === "number" && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** The polygons of a geometry as rings of positions, or null when the structure is wrong. */
function polygonsOf(g: { type: string; coordinates: unknown }): Position[][][] | null {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) return null;
  for (const poly of polys) {
    if (!Array.isArray(poly) || poly.length === 0) return null;
    for (const ring of poly) if (!Array.isArray(ring) || !ring.every(isPosition)) return null;
  }
  return polys as Position[][][];
}

/**
 * Checks one level's features against its mapping: geometry type and rings (closed, at least 4
 * positions, not self-intersecting), WGS84 coordinates (Lambert-93 recognised and refused with a
 * hint), a non-empty code and name, codes unique in the file. Each fault is one issue.
 */
export function validateLevel(parsed: ParsedFile, mapping: LevelMapping, limits: ImportLimits): { areas: ReadArea[]; issues: Issue[] } {
  const file = parsed.file;
  const issues: Issue[] = [];
  const props = new Set(parsed.properties);
  for (const [which, prop] of [["code", mapping.codeProperty], ["name", mapping.nameProperty], ["parent", mapping.parentProperty]] as const) {
    if (prop && !props.has(prop)) issues.push({ code: "missing_property", file, params: { property: prop, role: which } });
  }
  if (issues.length) return { areas: [], issues };

  // Projection first, for the whole file: one clear message instead of one per feature.
  for (const f of parsed.features) {
    const g = f.geometry as { type?: string; coordinates?: unknown } | null;
    const first = firstPosition(g?.coordinates);
    if (first && !isWgs84(first)) {
      return { areas: [], issues: [{ code: looksLikeLambert93(first) ? "lambert93" : "not_wgs84", file, index: f.index, params: { x: first[0], y: first[1] } }] };
    }
  }

  const budget = { left: limits.maxIntersectionWork };
  const areas: ReadArea[] = [];
  const seen = new Map<string, number>();
  for (const f of parsed.features) {
    const code = text(f.properties[mapping.codeProperty]);
    const name = text(f.properties[mapping.nameProperty]);
    const at = { file, index: f.index, ...(code ? { areaCode: code } : {}) };
    const before = issues.length;
    if (!code) issues.push({ code: "empty_code", ...at, params: { property: mapping.codeProperty } });
    if (!name) issues.push({ code: "empty_name", ...at, params: { property: mapping.nameProperty } });
    if (code) {
      const first = seen.get(code);
      if (first !== undefined) issues.push({ code: "duplicate_code", ...at, params: { first: first + 1 } });
      else seen.set(code, f.index);
    }
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
      issues.push({ code: "geometry_type", ...at, params: { found: typeof g?.type === "string" ? g.type : "aucune" } });
      continue;
    }
    const polys = polygonsOf(g as { type: string; coordinates: unknown });
    if (!polys) {
      issues.push({ code: "invalid_coordinates", ...at });
      continue;
    }
    ringChecks: for (const [p, poly] of polys.entries()) {
      for (const [r, ring] of poly.entries()) {
        const where = { polygon: p + 1, ring: r + 1 };
        if (ring.some((pos) => !isWgs84(pos))) {
          issues.push({ code: "not_wgs84", ...at, params: { x: ring[0][0], y: ring[0][1] } });
          break ringChecks;
        }
        if (ring.length < 4) {
          issues.push({ code: "ring_too_short", ...at, params: { ...where, count: ring.length } });
          continue;
        }
        const [a, b] = [ring[0], ring[ring.length - 1]];
        if (a[0] !== b[0] || a[1] !== b[1]) {
          issues.push({ code: "unclosed_ring", ...at, params: where });
          continue;
        }
        const hit = findSelfIntersection(ring, budget);
        if (hit && hit !== "unknown") issues.push({ code: "self_intersection", ...at, params: { ...where, x: hit.at[0], y: hit.at[1] } });
      }
    }
    if (issues.length > before) continue;
    const parentRaw = mapping.parentProperty ? text(f.properties[mapping.parentProperty]) : "";
    areas.push({
      index: f.index, code, name,
      parentValue: parentRaw ? `${mapping.parentCodePrefix ?? ""}${parentRaw}` : null,
      parentCode: null,
      geometry: { type: g.type, coordinates: g.type === "Polygon" ? polys[0] : polys } as PolygonGeometry,
    });
  }
  return { areas, issues };
}

function firstPosition(c: unknown): Position | null {
  let cur = c;
  while (Array.isArray(cur) && cur.length > 0 && !isPosition(cur)) cur = cur[0];
  return isPosition(cur) ? cur : null;
}
