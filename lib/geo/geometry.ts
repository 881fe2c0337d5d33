/** Minimal planar geometry on GeoJSON (lon/lat) for assigning areas and points to areas. */
export type Position = [number, number];
export type PolygonGeometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

function polygons(g: PolygonGeometry): Position[][][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

function ringContains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function contains(g: PolygonGeometry, p: Position): boolean {
  return polygons(g).some(
    ([outer, ...holes]) => ringContains(outer, p) && !holes.some((h) => ringContains(h, p)),
  );
}

/** Area-weighted centroid of the largest outer ring (good enough to pick a parent area). */
export function centroid(g: PolygonGeometry): Position {
  let best: { area: number; c: Position } = { area: -1, c: [0, 0] };
  for (const [outer] of polygons(g)) {
    let a = 0, cx = 0, cy = 0;
    for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
      const f = outer[j][0] * outer[i][1] - outer[i][0] * outer[j][1];
      a += f;
      cx += (outer[j][0] + outer[i][0]) * f;
      cy += (outer[j][1] + outer[i][1]) * f;
    }
    const area = Math.abs(a / 2);
    if (area > best.area && a !== 0) best = { area, c: [cx / (3 * a), cy / (3 * a)] };
  }
  return best.c;
}
