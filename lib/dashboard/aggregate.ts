import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { AGE_BANDS, type DashboardFilters } from "./filters";
import { DEFAULT_KNOWLEDGE_BENEFIT, parseIndicator, usesBenefit, type IndicatorDefinition } from "./indicators";

/** Raw counts of one indicator per area of a level (null key: no neighbourhood given), and the territory. */
export type RawCell = { key: string | null; num: number; den: number; without: { num: number; den: number }[] };
export type RawAggregate = { cells: RawCell[]; total: RawCell; activeFilters: string[] };

export type AggregateScope = {
  territoryId: string;
  /** The level's id: responses (finest level) are mapped up to it through parent links. */
  levelId: string;
  /** Resolved site id when the site filter is set (already checked to belong to the territory). */
  siteId?: string;
};

/**
 * Respondents with at least one stored answer matching, as a hashed `r.id in (…)` test read
 * from the answers' lookup index alone. `item` and `field` default to '' (simple questions);
 * `item: null` means any grid row (any benefit).
 */
function answered(territoryId: string, questionId: string, o: { item?: string | null; field?: string; values?: string[] } = {}): SQL {
  return sql`r.id in (select a.response_id from response_answers a where a.territory_id = ${territoryId}::uuid
    and a.question_id = ${questionId}
    ${o.item === null ? sql`` : sql`and a.item = ${o.item ?? ""}`}
    and a.field = ${o.field ?? ""}
    ${o.values ? sql`and a.value in (${sql.join(o.values.map((v) => sql`${v}`), sql`, `)})` : sql``})`;
}

/** Numerator and denominator conditions of an indicator, over `responses r`. */
export function indicatorConditions(def: IndicatorDefinition, territoryId: string, benefit?: string): { num: SQL; den: SQL } {
  const item = usesBenefit(def) && benefit ? benefit : null;
  const gridAnswered = answered(territoryId, "benefits", { item, field: "known" });
  switch (def.kind) {
    case "non_recours":
      return { den: gridAnswered, num: answered(territoryId, "benefits", { item, field: "received", values: ["no", "dk"] }) };
    case "forme":
      return { den: gridAnswered, num: answered(territoryId, "why_not", { item, field: "forme", values: [def.forme] }) };
    case "raison":
      return { den: gridAnswered, num: answered(territoryId, "why_not", { item, field: "raison", values: [def.raison] }) };
    case "knowledge": {
      const b = benefit ?? DEFAULT_KNOWLEDGE_BENEFIT;
      return {
        den: answered(territoryId, "benefits", { item: b, field: "known", values: ["yes", "no"] }),
        num: answered(territoryId, "benefits", { item: b, field: "known", values: ["yes"] }),
      };
    }
    case "difficulty":
      return {
        den: answered(territoryId, `difficulty_${def.difficulty}`, { values: ["yes", "no"] }),
        num: answered(territoryId, `difficulty_${def.difficulty}`, { values: ["yes"] }),
      };
    case "opt_in":
      return {
        den: sql`true`,
        num: sql`r.id in (select c.response_id from callback_requests c where c.territory_id = ${territoryId}::uuid)`,
      };
  }
}

/** Population filters (who is counted), each a condition that can be dropped to build neighbouring views. */
export function populationFilters(f: DashboardFilters, scope: AggregateScope): { name: string; cond: SQL }[] {
  const out: { name: string; cond: SQL }[] = [];
  const t = scope.territoryId;
  if (f.sex) out.push({ name: "sex", cond: answered(t, "sex", { values: [f.sex] }) });
  if (f.household) out.push({ name: "household", cond: answered(t, "household_type", { values: [f.household] }) });
  if (f.age) {
    const [lo, hi] = AGE_BANDS[f.age];
    out.push({
      name: "age",
      cond: sql`r.id in (select a.response_id from response_answers a join responses r2 on r2.id = a.response_id
        where a.territory_id = ${t}::uuid and r2.territory_id = ${t}::uuid and a.question_id = 'birth_year' and a.num is not null
        and extract(year from r2.submitted_at at time zone 'Europe/Paris')::int - a.num::int between ${lo} and ${hi})`,
    });
  }
  if (f.site) out.push({ name: "site", cond: scope.siteId ? sql`r.site_id = ${scope.siteId}::uuid` : sql`false` });
  if (f.mode) out.push({ name: "mode", cond: sql`r.mode = ${f.mode}` });
  return out;
}

/** Which responses are read at all: the territory, the data source and the period. */
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
 * over the stored answers. With population filters, the same counts with each filter dropped
 * in turn ("without"), for the neighbouring-filter check of the suppression.
 */
export async function aggregateIndicator(db: Db, f: DashboardFilters, scope: AggregateScope): Promise<RawAggregate> {
  const { query, filters } = aggregateQuery(f, scope);
  const result = await rows<Record<string, unknown>>(db, query);
  const cells: RawCell[] = [];
  let total: RawCell = { key: "total", num: 0, den: 0, without: filters.map(() => ({ num: 0, den: 0 })) };
  for (const row of result) {
    const cell: RawCell = {
      key: (row.area as string | null) ?? null, den: Number(row.den), num: Number(row.num),
      without: filters.map((_, i) => ({ den: Number(row[`den_${i}`]), num: Number(row[`num_${i}`]) })),
    };
    if (Number(row.is_total) === 1) total = { ...cell, key: "total" };
    else cells.push(cell);
  }
  return { cells, total, activeFilters: filters.map((x) => x.name) };
}

/** The statement of aggregateIndicator (exported for EXPLAIN in benchmarks). */
export function aggregateQuery(f: DashboardFilters, scope: AggregateScope): { query: SQL; filters: { name: string; cond: SQL }[] } {
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
  const withoutCols = filters.map((_, i) => sql`, ${counts(i)}`);
  const query = sql`
    with recursive ${areaMapCte(scope.territoryId, scope.levelId)},
    base as (
      select r.neighbourhood_id, (${den}) as d, (${num}) as n ${filters.length ? sql`, ${sql.join(flags, sql`, `)}` : sql``}
      from responses r where ${baseConditions(f, scope.territoryId)}
    )
    select m.area::text as area, grouping(m.area) as is_total, ${counts()} ${sql.join(withoutCols, sql``)}
    from base left join area_map m on m.fine = base.neighbourhood_id
    group by rollup (m.area)`;
  return { query, filters };
}
