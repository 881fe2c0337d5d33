/** The [[west, south], [east, north]] box of a FeatureCollection's coordinates, to fit a map to it (null when empty). */
export function featureBounds(geo: { features: { geometry: unknown }[] }): [[number, number], [number, number]] | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      const [x, y] = c as number[];
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  geo.features.forEach((f) => walk((f.geometry as { coordinates: unknown } | null)?.coordinates));
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
}
