import { centroid, contains, type PolygonGeometry, type Position } from "@/lib/geo/geometry";

/**
 * A point surely inside the area: its centroid when inside, otherwise the middle of the widest
 * inside stretch of the horizontal line through the centroid (or through the middle of the
 * largest polygon's extent) — what PostGIS calls a point on surface, for concave shapes.
 */
export function pointOnSurface(g: PolygonGeometry): Position {
  const c = centroid(g);
  if (contains(g, c)) return c;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const ys = polys[0][0].map((p) => p[1]);
  for (const y of [c[1], (Math.min(...ys) + Math.max(...ys)) / 2]) {
    const xs: number[] = [];
    for (const poly of polys) {
      for (const ring of poly) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i], [xj, yj] = ring[j];
          if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
        }
      }
    }
    xs.sort((a, b) => a - b);
    let best: Position | null = null;
    let width = 0;
    for (let k = 0; k + 1 < xs.length; k += 2) {
      if (xs[k + 1] - xs[k] > width) {
        width = xs[k + 1] - xs[k];
        best = [(xs[k] + xs[k + 1]) / 2, y];
      }
    }
    if (best && contains(g, best)) return best;
  }
  return c;
}
