import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { AGE_BANDS, type DashboardFilters } from "./filters";
import { DEFAULT_KNOWLEDGE_BENEFIT, DIFFICULTIES, parseIndicator, usesBenefit, type IndicatorDefinition } from "./indicators";
import { EXCLUDED_ANSWERS } from "./choice-catalogue";
import { cellKey, recordKeySql } from "./perturbation";

/**
 * Raw counts of one indicator per area of a level (null key: no neighbourhood given), and the
 * territory; with the cell keys of the numerator's and the denominator's sets (committee views).
 */
export type RawCell = { key: string | null; num: number; den: number; keyNum: number; keyDen: number; without: { num: number; den: number }[] };
export type RawAggregate = { cells: RawCell[]; total: RawCell; activeFilters: string[] };

export type AggregateScope = {
  territoryId: string;
  /** The level's id: responses (finest level) are mapped up to it through parent links. */
  levelId: string;
  /** Resolved site id when the site filter is set (already checked to belong to the territory). */
  siteId?: string;
};

/**
 * What to count besides the exact counts: the same counts with each filter dropped (the exact
 * view's neighbouring-filter suppression) or the cell keys (the committee's perturbation).
 */
export type AggregateExtras = { neighbours: boolean; cellKeys: boolean };
const EXACT_EXTRAS: AggregateExtras = { neighbours: true, cellKeys: false };

const bit = (i: number) => 2 ** i;

/** The territory's position of one code (a scalar evaluated once; null when never seen). */
const position = (territoryId: string, dictionary: "benefit" | "forme" | "raison" | "choice", code: string) =>
  sql`(select c.position from dashboard_codes c where c.territory_id = ${territoryId}::uuid and c.dictionary = ${dictionary} and c.code = ${code})`;
/** (benefit position << 32) | position of a forme or raison, for all benefits (an array evaluated once). */
const pairs = (territoryId: string, dictionary: "forme" | "raison", code: string) =>
  sql`(select array_agg((b.position::bigint << 32) | c.position) from dashboard_codes b, dashboard_codes c
    where b.territory_id = ${territoryId}::uuid and b.dictionary = 'benefit'
    and c.territory_id = ${territoryId}::uuid and c.dictionary = ${dictionary} and c.code = ${code})`;
/** The same for one benefit: a scalar. */
const pair = (territoryId: string, dictionary: "forme" | "raison", code: string, benefit: string) =>
  sql`((${position(territoryId, "benefit", benefit)})::bigint << 32 | ${position(territoryId, dictionary, code)})`;
/** One value in an array column: `= any` compares in place (faster than `&&` with a one-element array). */
const has = (column: SQL, value: SQL) => sql`${value} = any(${column})`;

/**
 * Numerator and denominator conditions of an indicator, over `dashboard_facts f` (one row per
 * response, arrays of code positions — see db/schema/dashboard.ts). A code never seen gives
 * an empty set (null array: the condition is not true).
 */
export function indicatorConditions(def: IndicatorDefinition, territoryId: string, benefit?: string): { num: SQL; den: SQL } {
  const b = usesBenefit(def) ? benefit : undefined;
  const some = (column: SQL) => (b === undefined ? sql`cardinality(${column}) > 0` : has(column, position(territoryId, "benefit", b)));
  const gridAnswered = some(sql`f.grid_answered`);
  switch (def.kind) {
    case "non_recours":
      return { den: gridAnswered, num: some(sql`f.not_received`) };
    case "forme":
      return { den: gridAnswered, num: b === undefined ? sql`f.formes && ${pairs(territoryId, "forme", def.forme)}` : has(sql`f.formes`, pair(territoryId, "forme", def.forme, b)) };
    case "raison":
      return { den: gridAnswered, num: b === undefined ? sql`f.raisons && ${pairs(territoryId, "raison", def.raison)}` : has(sql`f.raisons`, pair(territoryId, "raison", def.raison, b)) };
    case "knowledge": {
      const k = position(territoryId, "benefit", benefit ?? DEFAULT_KNOWLEDGE_BENEFIT);
      return { den: has(sql`f.grid_answered`, k), num: has(sql`f.known`, k) };
    }
    case "difficulty": {
      const di = DIFFICULTIES.indexOf(def.difficulty);
      return { den: sql`f.difficulties & ${sql.raw(String(3 * bit(di * 2)))} <> 0`, num: sql`f.difficulties & ${sql.raw(String(bit(di * 2)))} <> 0` };
    }
    case "choice": {
      // Codes `question=value` of the facts' choices (a new question needs no migration).
      const codes = (test: SQL) => sql`(select array_agg(c.position) from dashboard_codes c
        where c.territory_id = ${territoryId}::uuid and c.dictionary = 'choice' and split_part(c.code, '=', 1) = ${def.question} and ${test})`;
      return {
        den: sql`f.choices && ${codes(sql`split_part(c.code, '=', 2) not in (${sql.join(EXCLUDED_ANSWERS.map((v) => sql`${v}`), sql`, `)})`)}`,
        num: has(sql`f.choices`, position(territoryId, "choice", `${def.question}=${def.option}`)),
      };
    }
    case "opt_in":
      return {
        den: sql`true`,
        num: sql`f.response_id in (select c.response_id from callback_requests c where c.territory_id = ${territoryId}::uuid and c.response_id is not null)`,
      };
  }
}

/** Population filters (who is counted), each a condition that can be dropped to build neighbouring views. */
export function populationFilters(f: DashboardFilters, scope: AggregateScope): { name: string; cond: SQL }[] {
  const out: { name: string; cond: SQL }[] = [];
  if (f.sex) out.push({ name: "sex", cond: sql`f.sex = ${f.sex}` });
  if (f.household) out.push({ name: "household", cond: sql`f.household = ${f.household}` });
  if (f.age) {
    const [lo, hi] = AGE_BANDS[f.age];
    out.push({ name: "age", cond: sql`extract(year from f.submitted_at at time zone 'Europe/Paris')::int - f.birth_year between ${lo} and ${hi}` });
  }
  if (f.site) out.push({ name: "site", cond: scope.siteId ? sql`f.site_id = ${scope.siteId}::uuid` : sql`false` });
  if (f.mode) out.push({ name: "mode", cond: sql`f.mode = ${f.mode}` });
  return out;
}

/** Which responses are read at all: the territory, the data source and the period (over `dashboard_facts f`). */
export function factConditions(f: DashboardFilters, territoryId: string): SQL {
  const source = f.source ?? "real";
  return sql`f.territory_id = ${territoryId}::uuid
    ${source === "real" ? sql`and not f.synthetic` : source === "synthetic" ? sql`and f.synthetic` : sql``}
    ${f.from ? sql`and f.submitted_at >= (${f.from}::date::timestamp at time zone 'Europe/Paris')` : sql``}
    ${f.to ? sql`and f.submitted_at < ((${f.to}::date + 1)::timestamp at time zone 'Europe/Paris')` : sql``}`;
}

/** The same over `responses r` (collection progress counts every response). */
export function baseConditions(f: DashboardFilters, territoryId: string): SQL {
  const source = f.source ?? "real";
  return sql`r.territory_id = ${territoryId}::uuid
    ${source === "real" ? sql`and not r.synthetic` : source === "synthetic" ? sql`and r.synthetic` : sql``}
    ${f.from ? sql`and r.submitted_at >= (${f.from}::date::timestamp at time zone 'Europe/Paris')` : sql``}
    ${f.to ? sql`and r.submitted_at < ((${f.to}::date + 1)::timestamp at time zone 'Europe/Paris')` : sql``}`;
}

/** Finest neighbourhood → its ancestor (or itself) at the level, through parent links. */
export function areaMapCte(territoryId: string, levelId: string): SQL {
  return sql`up(fine, node) as (
      select n.id, n.id from neighbourhoods n where n.territory_id = ${territoryId}::uuid
      union all
      select up.fine, p.parent_id from up join neighbourhoods p on p.id = up.node
      where p.territory_id = ${territoryId}::uuid and p.parent_id is not null
    ), area_map as (
      select up.fine, up.node as area from up join neighbourhoods n on n.id = up.node
      where n.level_id = ${levelId}::uuid and n.territory_id = ${territoryId}::uuid
    )`;
}

/**
 * Counts of one indicator per area of the level and for the territory, in one SQL statement
 * over the per-response facts (derived from the stored answers by the database). With population filters, the same counts with each filter dropped
 * in turn ("without"), for the neighbouring-filter check of the suppression.
 */
export async function aggregateIndicator(db: Db, f: DashboardFilters, scope: AggregateScope, extras = EXACT_EXTRAS): Promise<RawAggregate> {
  const { query, filters } = aggregateQuery(f, scope, extras);
  const result = await rows<Record<string, unknown>>(db, query);
  const cells: RawCell[] = [];
  const dropped = extras.neighbours ? filters : [];
  let total: RawCell = { key: "total", num: 0, den: 0, keyNum: 0, keyDen: 0, without: dropped.map(() => ({ num: 0, den: 0 })) };
  for (const row of result) {
    const cell: RawCell = {
      key: (row.area as string | null) ?? null, den: Number(row.den), num: Number(row.num),
      keyNum: cellKey(row.knum), keyDen: cellKey(row.kden),
      without: dropped.map((_, i) => ({ den: Number(row[`den_${i}`]), num: Number(row[`num_${i}`]) })),
    };
    if (Number(row.is_total) === 1) total = { ...cell, key: "total" };
    else cells.push(cell);
  }
  return { cells, total, activeFilters: filters.map((x) => x.name) };
}

/** The statement of aggregateIndicator (exported for EXPLAIN in benchmarks). */
export function aggregateQuery(f: DashboardFilters, scope: AggregateScope, extras = EXACT_EXTRAS): { query: SQL; filters: { name: string; cond: SQL }[] } {
  const def = parseIndicator(f.indicator);
  if (!def) throw new Error(`unknown indicator ${f.indicator}`);
  const { num, den } = indicatorConditions(def, scope.territoryId, f.benefit);
  const filters = populationFilters(f, scope);
  const flags = filters.map((x, i) => sql`(${x.cond}) as f${sql.raw(String(i))}`);
  const all = (except?: number) => {
    const conds = filters.map((_, i) => i).filter((i) => i !== except).map((i) => sql.raw(`f${i}`));
    return conds.length ? sql.join(conds, sql` and `) : sql`true`;
  };
  const counts = (except?: number) => {
    const suffix = except === undefined ? "" : `_${except}`;
    return sql`(count(*) filter (where d and ${all(except)}))::int as ${sql.raw(`den${suffix}`)},
      (count(*) filter (where d and n and ${all(except)}))::int as ${sql.raw(`num${suffix}`)}`;
  };
  const sums = (except?: number) => {
    const suffix = except === undefined ? "" : `_${except}`;
    return sql.raw(`sum(den${suffix})::int as den${suffix}, sum(num${suffix})::int as num${suffix}`);
  };
  const dropped = extras.neighbours ? filters : [];
  const withoutCounts = dropped.map((_, i) => sql`, ${counts(i)}`);
  const withoutSums = dropped.map((_, i) => sql`, ${sums(i)}`);
  // Sums of record keys (numeric: no overflow), reduced modulo 2³² in JS.
  const keyCounts = extras.cellKeys
    ? sql`, sum(rk) filter (where d and ${all()}) as kden, sum(rk) filter (where d and n and ${all()}) as knum`
    : sql``;
  const keySums = extras.cellKeys ? sql`, sum(kden)::text as kden, sum(knum)::text as knum` : sql``;
  const rk = extras.cellKeys ? sql`, ${recordKeySql(sql`f.response_id`, scope.territoryId)} as rk` : sql``;
  // Counted per finest area first (a few hundred groups), then mapped up and rolled up.
  const query = sql`
    with recursive ${areaMapCte(scope.territoryId, scope.levelId)},
    base as (
      select f.neighbourhood_id, (${den}) as d, (${num}) as n ${rk} ${filters.length ? sql`, ${sql.join(flags, sql`, `)}` : sql``}
      from dashboard_facts f where ${factConditions(f, scope.territoryId)}
      offset 0 -- keeps this a subquery: each test is evaluated once per row, not once per count
    ), by_fine as (
      select neighbourhood_id, ${counts()} ${keyCounts} ${sql.join(withoutCounts, sql``)} from base group by neighbourhood_id
    )
    select m.area::text as area, grouping(m.area) as is_total, ${sums()} ${keySums} ${sql.join(withoutSums, sql``)}
    from by_fine left join area_map m on m.fine = by_fine.neighbourhood_id
    group by rollup (m.area)`;
  return { query, filters };
}
