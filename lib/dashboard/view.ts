import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { responses, sites } from "@/db/schema";
import type { TerritorySettings } from "@/db/schema/territories";
import { aggregateIndicator } from "./aggregate";
import { listTerritoryBenefitCodes } from "./benefits";
import { findChoice, loadChoiceCatalogue } from "./choice-catalogue";
import { parseIndicator } from "./indicators";
import { listAreas, listLevels, pickLevel, type Level } from "./areas";
import { buildLegend, classColour, classOf, type Legend } from "./classes";
import type { DashboardFilters } from "./filters";
import { committeePeriod, type Audience } from "./audience";
import { cellKey, perturbGroup } from "./perturbation";
import { effectiveThreshold, suppressGroup, type SuppressionReason } from "./suppression";
import { wilsonInterval } from "./wilson";

/**
 * One published figure. When suppressed, the counts, rate and interval are absent: a hidden
 * value never leaves the server (not in the page, the JSON, the exports).
 */
export type Figure = {
  num: number | null; den: number | null; rate: number | null; low: number | null; high: number | null;
  suppressed: boolean; reason: SuppressionReason | null;
};
/** One area of the level; `parent` is its area at the next coarser level (public geography). */
export type AreaRow = Figure & { key: string; name: string; parent: string | null; cls: number; colour: string };
export type DashboardView = {
  indicator: string;
  threshold: number;
  level: Level;
  levels: Level[];
  total: Figure;
  rows: AreaRow[];
  /** Respondents with no neighbourhood (outside the territory or not given). */
  unknown: Figure;
  legend: Legend;
  activeFilters: string[];
  source: "real" | "synthetic" | "all";
  /** Who the figures are for: the committee's are perturbed (cell-key method), the lead's exact. */
  audience: Audience;
  /** The period actually counted (the committee's is widened to whole months). */
  period: { from: string | null; to: string | null };
};

export type ViewError = "unknown_level" | "unknown_site" | "no_level" | "unknown_indicator" | "unknown_benefit";

export function figure(num: number, den: number, suppressed: boolean, reason: SuppressionReason | null): Figure {
  if (suppressed) return { num: null, den: null, rate: null, low: null, high: null, suppressed, reason };
  const ci = wilsonInterval(num, den);
  return { num, den, rate: den > 0 ? num / den : null, low: ci?.low ?? null, high: ci?.high ?? null, suppressed: false, reason: null };
}

/** Whether a territory holds synthetic responses (the source choice appears only then). */
export async function syntheticCount(db: Db, territoryId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(responses)
    .where(and(eq(responses.territoryId, territoryId), eq(responses.synthetic, true)));
  return r?.n ?? 0;
}

export async function resolveSite(db: Db, territoryId: string, code?: string): Promise<string | null | undefined> {
  if (!code) return undefined;
  const [s] = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.territoryId, territoryId), eq(sites.code, code))).limit(1);
  return s?.id ?? null;
}

/**
 * The dashboard's numbers for a view: counts in SQL, then the audience's disclosure control
 * (docs/decisions/0007), rates, Wilson intervals and the legend's classes (on visible values).
 * - committee: every count perturbed by its cell key, then a cell is hidden when a published
 *   numerator, denominator or complement is 1 … k − 1; the period is whole months;
 * - exact (territory lead, admin): the true counts with primary, secondary and
 *   neighbouring-filter suppression (decision 0006).
 */
export async function buildView(
  db: Db, territory: { id: string; settings: TerritorySettings | null }, filters: DashboardFilters, audience: Audience,
): Promise<{ ok: true; view: DashboardView } | { ok: false; error: ViewError }> {
  const f = audience === "committee" ? { ...filters, ...committeePeriod(filters) } : filters;
  const levels = await listLevels(db, territory.id);
  const level = pickLevel(levels, f.level);
  if (level === null) return { ok: false, error: "no_level" };
  if (level === "unknown") return { ok: false, error: "unknown_level" };
  const siteId = await resolveSite(db, territory.id, f.site);
  if (siteId === null) return { ok: false, error: "unknown_site" };
  const def = parseIndicator(f.indicator);
  if (def?.kind === "choice" && !findChoice(await loadChoiceCatalogue(db, territory.id), def.question, def.option)) return { ok: false, error: "unknown_indicator" };
  if (f.benefit && !(await listTerritoryBenefitCodes(db, territory.id)).includes(f.benefit)) return { ok: false, error: "unknown_benefit" };
  const k = effectiveThreshold(territory.settings?.suppressionThreshold);
  const committee = audience === "committee";
  const [raw, areas] = await Promise.all([
    aggregateIndicator(db, f, { territoryId: territory.id, levelId: level.id, siteId }, { neighbours: !committee, cellKeys: committee }),
    listAreas(db, territory.id, level.id),
  ]);
  const byKey = new Map(raw.cells.map((c) => [c.key, c]));
  const empty = { num: 0, den: 0, keyNum: 0, keyDen: 0, without: raw.total.without.map(() => ({ num: 0, den: 0 })) };
  // Responses whose area is not a current area of the level (no area, or an area retired by a
  // later boundaries import) count as "unknown area": the group still adds up to the total, so
  // the suppression never leaves a small retired-area count to be read as total minus the rest.
  const listed = new Set(areas.map((a) => a.id));
  const add = (a: typeof empty, b: typeof empty) => ({
    num: a.num + b.num, den: a.den + b.den, keyNum: cellKey(a.keyNum + b.keyNum), keyDen: cellKey(a.keyDen + b.keyDen),
    without: a.without.map((w, i) => ({ num: w.num + b.without[i].num, den: w.den + b.without[i].den })),
  });
  const unknown = raw.cells.filter((c) => c.key === null || !listed.has(c.key)).reduce(add, empty);
  const cells = [
    ...areas.map((a) => ({ ...(byKey.get(a.id) ?? empty), key: a.id })),
    { ...unknown, key: "unknown" },
  ];
  const total = { ...raw.total, key: "total" };
  const s = committee ? perturbGroup(cells, total, k) : suppressGroup(cells, total, k);
  const shown = s.cells.filter((c) => c.key !== "unknown" && !c.suppressed && c.den > 0);
  const legend = buildLegend(shown.map((c) => c.num / c.den), undefined, "quantile", shown.map((c) => figure(c.num, c.den, false, null)));
  const rows: AreaRow[] = areas.map((a, i) => {
    const c = s.cells[i];
    const fig = figure(c.num, c.den, c.suppressed, c.reason);
    const cls = classOf(fig.rate, legend.breaks);
    return { ...fig, key: a.id, name: a.name, parent: a.parent, cls, colour: classColour(cls, legend.breaks.length) };
  });
  const u = s.cells[s.cells.length - 1];
  return {
    ok: true,
    view: {
      indicator: f.indicator, threshold: k, level, levels, rows, legend, activeFilters: raw.activeFilters,
      total: figure(s.total.num, s.total.den, s.total.suppressed, s.total.reason),
      unknown: figure(u.num, u.den, u.suppressed, u.reason),
      source: f.source ?? "real", audience, period: { from: f.from ?? null, to: f.to ?? null },
    },
  };
}
