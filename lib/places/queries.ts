import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { helpPoints } from "@/db/schema/places";
import { neighbourhoods } from "@/db/schema/territories";
import type { HelpPointAccessibility, HelpPointCategory, HelpPointTransit } from "./reference";
import { openingState } from "./opening-hours";
import { isUuid } from "@/lib/validation/parsers";

/** What pages (list, map, receipt, footer) read about a help point: public information only. */
export type HelpPointView = {
  id: string; name: string; category: HelpPointCategory; address: string | null;
  postcode: string | null; city: string | null; lon: number | null; lat: number | null; neighbourhoodId: string | null;
  neighbourhoodName: string | null; phone: string | null; email: string | null; website: string | null;
  openingHours: string | null; openingNote: string | null; languages: string[]; benefitCodes: string[];
  appointmentUrl: string | null; bookingMotiveId: string | null; transit: HelpPointTransit;
  accessibility: HelpPointAccessibility; acceslibreUrl: string | null; mission: string | null;
};

export type HelpPointFilters = { neighbourhoodId?: string; category?: HelpPointCategory; benefit?: string; openAt?: Date };

const columns = {
  id: helpPoints.id, name: helpPoints.name, category: helpPoints.category, address: helpPoints.address,
  postcode: helpPoints.postcode, city: helpPoints.city, lon: helpPoints.lon, lat: helpPoints.lat,
  neighbourhoodId: helpPoints.neighbourhoodId, neighbourhoodName: neighbourhoods.name, phone: helpPoints.phone,
  email: helpPoints.email, website: helpPoints.website, openingHours: helpPoints.openingHours,
  openingNote: helpPoints.openingNote, languages: helpPoints.languages, benefitCodes: helpPoints.benefitCodes,
  appointmentUrl: helpPoints.appointmentUrl, bookingMotiveId: helpPoints.bookingMotiveId, transit: helpPoints.transit,
  accessibility: helpPoints.accessibility, acceslibreUrl: helpPoints.acceslibreUrl, mission: helpPoints.mission,
};

/** Active (not archived) points of one territory, by name; filters applied in memory (a few hundred rows at most). */
async function activePoints(db: Db, territoryId: string, filters: Pick<HelpPointFilters, "category"> = {}) {
  const where = [eq(helpPoints.territoryId, territoryId), isNull(helpPoints.archivedAt)];
  if (filters.category) where.push(eq(helpPoints.category, filters.category));
  const rows = await db
    .select(columns)
    .from(helpPoints)
    // The territory check on the join keeps a foreign area's name out even if an id were shared.
    .leftJoin(neighbourhoods, and(eq(neighbourhoods.id, helpPoints.neighbourhoodId), eq(neighbourhoods.territoryId, territoryId)))
    .where(and(...where))
    .orderBy(asc(helpPoints.name), asc(helpPoints.id));
  return rows as HelpPointView[];
}

/** Pure filter on views (benefit and open-at), shared by the pages and tests. */
export function filterHelpPoints(points: HelpPointView[], filters: Pick<HelpPointFilters, "benefit" | "openAt">): HelpPointView[] {
  return points.filter(
    (p) =>
      (!filters.benefit || p.benefitCodes.includes(filters.benefit)) &&
      (!filters.openAt || isOpenAt(p, filters.openAt)),
  );
}

/** Open at `at` for sure (an unknown or "à confirmer" state does not count as open). */
export function isOpenAt(p: Pick<HelpPointView, "openingHours" | "lat" | "lon">, at: Date): boolean {
  const s = openingState(p.openingHours, at, p.lat != null && p.lon != null ? { lat: p.lat, lon: p.lon } : undefined);
  return s.open && !s.unknown;
}

/** The neighbourhood filter matches the area itself or any coarser area holding it (a quartier holds its IRIS). */
export async function listHelpPoints(db: Db, territoryId: string, filters: HelpPointFilters = {}): Promise<HelpPointView[]> {
  const points = filterHelpPoints(await activePoints(db, territoryId, filters), filters);
  if (!filters.neighbourhoodId) return points;
  if (!isUuid(filters.neighbourhoodId)) return [];
  const wanted = filters.neighbourhoodId.toLowerCase();
  const parents = new Map((await db.select({ id: neighbourhoods.id, parentId: neighbourhoods.parentId }).from(neighbourhoods)
    .where(eq(neighbourhoods.territoryId, territoryId))).map((n) => [n.id, n.parentId]));
  return points.filter((p) => withinArea(p.neighbourhoodId, wanted, parents));
}

/** Pure: whether `areaId` is `wanted` or lies inside it (following parents, cycle-safe). */
export function withinArea(areaId: string | null, wanted: string, parents: Map<string, string | null>): boolean {
  for (let id = areaId, hops = 0; id && hops < 10; id = parents.get(id) ?? null, hops++) if (id === wanted) return true;
  return false;
}

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres. */
export function haversineMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Pure ordering behind nearestHelpPoints. */
export function rankHelpPoints(
  points: HelpPointView[], near: { lon: number; lat: number } | null,
  opts: { benefitCodes?: string[]; limit?: number } = {},
): HelpPointView[] {
  const wanted = opts.benefitCodes?.filter(Boolean) ?? [];
  // Points helping with the wanted benefits; when none does, any point is better than none.
  const matching = wanted.length ? points.filter((p) => p.benefitCodes.some((c) => wanted.includes(c))) : points;
  const pool = matching.length ? matching : points;
  const byName = (a: HelpPointView, b: HelpPointView) => a.name.localeCompare(b.name, "fr");
  const sorted = near
    ? [...pool].sort((a, b) => distance(a, near) - distance(b, near) || byName(a, b))
    : [...pool].sort((a, b) => Number(b.category === "ccas") - Number(a.category === "ccas") || byName(a, b));
  return sorted.slice(0, opts.limit ?? 3);
}

// Points without a position go last.
function distance(p: HelpPointView, near: { lon: number; lat: number }): number {
  return p.lon == null || p.lat == null ? Number.POSITIVE_INFINITY : haversineMetres({ lon: p.lon, lat: p.lat }, near);
}

/** Closest first (haversine from `near`; when near is null, CCAS places first then by name). */
export async function nearestHelpPoints(
  db: Db, territoryId: string, near: { lon: number; lat: number } | null,
  opts: { benefitCodes?: string[]; limit?: number } = {},
): Promise<HelpPointView[]> {
  return rankHelpPoints(await activePoints(db, territoryId), near, opts);
}
