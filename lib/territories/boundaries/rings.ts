import type { Position } from "@/lib/geo/geometry";

/** Lambert-93 (EPSG:2154) projected metres over metropolitan France. */
export function looksLikeLambert93([x, y]: Position): boolean {
  return x >= 100_000 && x <= 1_300_000 && y >= 6_000_000 && y <= 7_200_000;
}

export function isWgs84([x, y]: Position): boolean {
  return x >= -180 && x <= 180 && y >= -90 && y <= 90;
}

function orient(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

export function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = orient(q1, q2, p1), d2 = orient(q1, q2, p2), d3 = orient(p1, p2, q1), d4 = orient(p1, p2, q2);
  if (d1 !== d2 && d3 !== d4) return true;
  return (d1 === 0 && onSegment(q1, q2, p1)) || (d2 === 0 && onSegment(q1, q2, p2))
    || (d3 === 0 && onSegment(p1, p2, q1)) || (d4 === 0 && onSegment(p1, p2, q2));
}

/**
 * First pair of non-adjacent edges of a closed ring that touch or cross, found by a sweep on x
 * (edges sorted by their left end; each compared only with edges that overlap it in x). `budget`
 * caps the comparisons: returns "unknown" when spent (then the ring is not refused for it).
 */
export function findSelfIntersection(input: Position[], budget: { left: number }): { at: Position } | null | "unknown" {
  // Repeated consecutive positions (zero-length edges) are harmless: drop them first.
  const ring = input.filter((p, i) => i === 0 || p[0] !== input[i - 1][0] || p[1] !== input[i - 1][1]);
  const n = ring.length - 1; // edges; ring[n] === ring[0]
  if (n < 3) return null;
  const edges = Array.from({ length: n }, (_, i) => {
    const a = ring[i], b = ring[i + 1];
    return { i, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]), minY: Math.min(a[1], b[1]), maxY: Math.max(a[1], b[1]) };
  }).sort((e, f) => e.minX - f.minX);
  for (let s = 0; s < n; s++) {
    const e = edges[s];
    for (let u = s + 1; u < n && edges[u].minX <= e.maxX; u++) {
      if (--budget.left < 0) return "unknown";
      const f = edges[u];
      if (f.minY > e.maxY || f.maxY < e.minY) continue;
      const [i, j] = e.i < f.i ? [e.i, f.i] : [f.i, e.i];
      if (j === i + 1 || (i === 0 && j === n - 1)) continue; // neighbours share a vertex
      if (segmentsIntersect(ring[i], ring[i + 1], ring[j], ring[j + 1])) return { at: ring[i + 1] };
    }
  }
  return null;
}
