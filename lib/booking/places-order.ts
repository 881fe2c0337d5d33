/** Great-circle distance in km between two lon/lat points. */
export function distanceKm([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}

/** Places nearest to a point first (places without a position last, by name), with the distance. */
export function sortByDistance<P extends { name: string; lon: number | null; lat: number | null }>(places: P[], from: [number, number] | null) {
  return places
    .map((p) => ({ place: p, km: from && p.lon !== null && p.lat !== null ? distanceKm(from, [p.lon, p.lat]) : null }))
    .sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.place.name.localeCompare(b.place.name, "fr"));
}
