import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { neighbourhoodLevels, neighbourhoods, sites, territories } from "@/db/schema";
import { memoWithTtl } from "@/lib/cache/memo";

/** Never the secret `cell_key_seed` (decision 0007): territory rows reach pages and caches. */
const PUBLIC_COLUMNS = { id: territories.id, slug: territories.slug, name: territories.name, settings: territories.settings, createdAt: territories.createdAt };

export async function getTerritoryBySlug(db: Db, slug: string) {
  const [t] = await db.select(PUBLIC_COLUMNS).from(territories).where(eq(territories.slug, slug)).limit(1);
  return t ?? null;
}

export async function listTerritories(db: Db) {
  return db.select({ id: territories.id, slug: territories.slug, name: territories.name, settings: territories.settings })
    .from(territories).orderBy(asc(territories.name));
}

/**
 * The territory's collection sites. Archived sites are left out (respondents' choices, links, QR
 * sheets, kiosks) unless asked for (dashboards: their history stays).
 */
export async function listSites(db: Db, territoryId: string, opts: { includeArchived?: boolean } = {}) {
  return db
    .select({ id: sites.id, code: sites.code, name: sites.name, kind: sites.kind, address: sites.address })
    .from(sites)
    .where(opts.includeArchived ? eq(sites.territoryId, territoryId) : and(eq(sites.territoryId, territoryId), isNull(sites.archivedAt)))
    .orderBy(asc(sites.name));
}

/** A site a new response can be attached to (never an archived one, unless asked: an old QR code still opens the questionnaire). */
export async function getSiteByCode(db: Db, territoryId: string, code: string, opts: { includeArchived?: boolean } = {}) {
  const [s] = await db.select().from(sites)
    .where(and(eq(sites.territoryId, territoryId), eq(sites.code, code), opts.includeArchived ? undefined : isNull(sites.archivedAt))).limit(1);
  return s ?? null;
}

/** The same by id (never an archived one). */
export async function getSiteById(db: Db, territoryId: string, id: string) {
  const [s] = await db.select().from(sites).where(and(eq(sites.territoryId, territoryId), eq(sites.id, id), isNull(sites.archivedAt))).limit(1);
  return s ?? null;
}

export type NeighbourhoodChoice = {
  code: string; id: string; name: string; group: string | null;
  /** A whole coarse area (a quartier), for people who do not know their finer one (their IRIS). */
  whole?: boolean;
};

/**
 * The areas a respondent picks from: the territory's finest level, grouped under their
 * coarsest ancestor (e.g. Montpellier's 88 IRIS grouped by its 7 quartiers).
 */
export async function listNeighbourhoodChoices(db: Db, territoryId: string): Promise<NeighbourhoodChoice[]> {
  const levels = await db
    .select().from(neighbourhoodLevels)
    .where(and(eq(neighbourhoodLevels.territoryId, territoryId), isNull(neighbourhoodLevels.retiredAt)))
    .orderBy(asc(neighbourhoodLevels.rank));
  if (levels.length === 0) return [];
  const all = await db
    .select({ id: neighbourhoods.id, code: neighbourhoods.code, name: neighbourhoods.name, parentId: neighbourhoods.parentId, levelId: neighbourhoods.levelId })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.territoryId, territoryId), isNull(neighbourhoods.retiredAt)));
  const byId = new Map(all.map((n) => [n.id, n]));
  const finest = levels[levels.length - 1];
  const root = (id: string | null) => {
    let n = id ? byId.get(id) : undefined;
    while (n?.parentId && byId.get(n.parentId)) n = byId.get(n.parentId);
    return n;
  };
  const finestChoices: NeighbourhoodChoice[] = all
    .filter((n) => n.levelId === finest.id)
    .map((n) => ({ code: n.code, id: n.id, name: n.name, group: levels.length > 1 ? root(n.parentId)?.name ?? null : null }));
  // Few people know their IRIS: each coarsest area can be chosen as a whole, first in its group.
  const wholes: NeighbourhoodChoice[] = levels.length > 1
    ? all.filter((n) => n.levelId === levels[0].id).map((n) => ({ code: n.code, id: n.id, name: n.name, group: n.name, whole: true }))
    : [];
  return [...wholes, ...finestChoices]
    .sort((a, b) => (a.group ?? "").localeCompare(b.group ?? "", "fr") || Number(!!b.whole) - Number(!!a.whole) || a.name.localeCompare(b.name, "fr"));
}

// Read on every respondent request; they change only through an import or the seed.
const territoryCache = new WeakMap<Db, ReturnType<typeof memoWithTtl<string, Awaited<ReturnType<typeof getTerritoryBySlug>>>>>();
const choicesCache = new WeakMap<Db, ReturnType<typeof memoWithTtl<string, NeighbourhoodChoice[]>>>();

export function getTerritoryBySlugCached(db: Db, slug: string) {
  let memo = territoryCache.get(db);
  if (!memo) territoryCache.set(db, (memo = memoWithTtl(30_000, (s: string) => getTerritoryBySlug(db, s))));
  return memo(slug);
}

export function listNeighbourhoodChoicesCached(db: Db, territoryId: string) {
  let memo = choicesCache.get(db);
  if (!memo) choicesCache.set(db, (memo = memoWithTtl(60_000, (id: string) => listNeighbourhoodChoices(db, id))));
  return memo(territoryId);
}

/** The territory's levels, coarsest first, each with its areas (for configuration forms). */
export async function listAreasByLevel(db: Db, territoryId: string) {
  const levels = await db.select().from(neighbourhoodLevels)
    .where(and(eq(neighbourhoodLevels.territoryId, territoryId), isNull(neighbourhoodLevels.retiredAt))).orderBy(asc(neighbourhoodLevels.rank));
  const areas = await db
    .select({ id: neighbourhoods.id, name: neighbourhoods.name, levelId: neighbourhoods.levelId })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.territoryId, territoryId), isNull(neighbourhoods.retiredAt)))
    .orderBy(asc(neighbourhoods.name));
  return levels.map((l) => ({ id: l.id, key: l.key, name: l.name, areas: areas.filter((a) => a.levelId === l.id) }));
}
