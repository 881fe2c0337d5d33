import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { cellKey } from "@/lib/dashboard/perturbation";
import { cellOf, EMPTY_CELL, minusCell, sumTally, type Cell, type Tally } from "./cells";
import { DIMENSIONS } from "./dimensions";
import type { ResolvedFilters } from "./filters";
import type { Aggregates } from "./tally";

/**
 * The rubriques' cells in one statement, built for speed over 100,000 situations (BENCHMARKS.md):
 * the filtered situations `f` are read once into a narrow set; scalar dimensions are counted by
 * GROUPING SETS in one pass (count and key only); sums only for the total, the services and the
 * optional aid; households are grouped once (`hh`) and their dimensions — and the situation
 * dimensions that depend on the household (situations of multi-situation households, the map by
 * neighbourhood) — are read from `hh` without joining back; arrays (actors, actions) by unnest;
 * formes from their table joined to `f`. tally.ts is the same in plain code (the tests compare).
 */
function filteredCte(territoryId: string, f: ResolvedFilters): SQL {
  const conds: SQL[] = [sql`d.territory_id = ${territoryId}::uuid`];
  if (f.from) conds.push(sql`d.detected_on >= ${f.from}::date`);
  if (f.to) conds.push(sql`d.detected_on <= ${f.to}::date`);
  if (f.serviceId) conds.push(sql`d.service_id = ${f.serviceId}::uuid`);
  if (f.sectorId) conds.push(sql`d.sector_id = ${f.sectorId}::uuid`);
  if (f.benefitCodes) conds.push(sql`d.benefit_code in (${sql.join(f.benefitCodes.map((c) => sql`${c}`), sql`, `)})`);
  if (f.actor) conds.push(sql`${f.actor} = any(d.actors)`);
  return sql`with seed as materialized (select (select t.cell_key_seed from territories t where t.id = ${territoryId}::uuid) as v),
  f as materialized (
    select d.id, d.household_id, sv.code as service, sv.instructs_optional_aid as instructs,
      coalesce(d.worker_id::text, 'label:' || d.worker_label, '') as worker, coalesce(d.sector_id::text, '') as sector,
      to_char(d.detected_on, 'YYYY-MM') as month, d.people_concerned as people, d.financial, d.benefit_code as benefit, d.domain,
      d.actors, d.actions, d.intensity, (d.caused_by_id is not null or d.caused_flag) as caused,
      d.id in (select c.caused_by_id from detection_situations c where c.territory_id = ${territoryId}::uuid and c.caused_by_id is not null) as induces,
      d.time_minutes as minutes, d.missed_monthly::float8 as missed_monthly, d.missed_months, d.optional_aid_requested as aid_requested,
      d.optional_aid_granted::float8 as aid_granted, d.status, d.resolution, d.opened_monthly::float8 as opened_monthly,
      (uuid_hash_extended(d.id, (select v from seed)) & 4294967295) as rk
    from detection_situations d join detection_services sv on sv.id = d.service_id
    where ${sql.join(conds, sql` and `)}
  ),
  hh as materialized (
    select f.household_id, count(*)::int as hn, sum(f.rk) as rk_all, count(*) filter (where f.caused)::int as hcum,
      sum(f.rk) filter (where f.caused) as rk_caused,
      count(*) filter (where f.intensity = 'complete')::int as n_complete, sum(f.rk) filter (where f.intensity = 'complete') as rk_complete,
      count(*) filter (where f.intensity = 'partial')::int as n_partial, sum(f.rk) filter (where f.intensity = 'partial') as rk_partial,
      case when min(f.service) = max(f.service) then min(f.service) else min(f.service) || '+' || max(f.service) end as services,
      (uuid_hash_extended(f.household_id, (select v from seed)) & 4294967295) as hrk
    from f group by f.household_id
  )`;
}

/** Scalar dimensions of one situation: [name, value expression (null = not counted)]; total and service come with their sums. */
const SCALAR: [string, string][] = [
  ["sector", "sector"], ["month", "month"],
  ["financial", "coalesce(financial::text, '')"],
  ["benefit", "case when financial is true then coalesce(benefit, '') end"],
  ["domain", "case when financial is false then coalesce(domain, '') end"],
  ["actors_given", "(cardinality(actors) > 0)::text"],
  ["financial_service", "financial::text || '|' || service"],
  ["caused", "caused::text"],
  ["induces_benefit", "case when induces and financial is true then coalesce(benefit, '') end"],
  ["people", "case when people is null then '' else least(people, 5)::text end"],
  ["intensity", "coalesce(intensity, '')"],
  ["actions_count", "least(cardinality(actions), 4)::text"],
  ["time_service", `(case when minutes is null then '' when minutes <= 15 then '0_15' when minutes <= 30 then '16_30'
    when minutes <= 60 then '31_60' else '61_plus' end) || '|' || service`],
  ["status", "status"],
  ["resolution", "case when status = 'resolved' then coalesce(resolution, '') end"],
];
const WORKER: [string, string] = ["worker", "worker"];

type Row = { dim: string; v: string | null; n: number; k: string } & Partial<Record<
  "people" | "people_n" | "minutes_n" | "minutes_sum" | "minutes_min" | "minutes_max" | "granted_n" | "granted_sum" | "missed_n" | "missed_sum"
  | "missed_total_n" | "missed_total_sum" | "opened_n" | "opened_sum", number | null>>;

const MEASURES = `coalesce(sum(people), 0)::int as people, count(people)::int as people_n,
  count(minutes)::int as minutes_n, coalesce(sum(minutes), 0)::float8 as minutes_sum, min(minutes) as minutes_min, max(minutes) as minutes_max,
  count(aid_granted)::int as granted_n, coalesce(sum(aid_granted), 0)::float8 as granted_sum,
  count(missed_monthly)::int as missed_n, coalesce(sum(missed_monthly), 0)::float8 as missed_sum,
  count(missed_monthly * missed_months)::int as missed_total_n, coalesce(sum(missed_monthly * missed_months), 0)::float8 as missed_total_sum,
  count(opened_monthly)::int as opened_n, coalesce(sum(opened_monthly), 0)::float8 as opened_sum`;

function statement(territoryId: string, f: ResolvedFilters, staff: boolean): SQL {
  const scalar = staff ? [...SCALAR, WORKER] : SCALAR;
  // One pass over f: each grouping set is one dimension; `grouping()` tells which one a row is.
  const dimCase = `case ${scalar.map(([name], i) => `when grouping(d${i}) = 0 then '${name}'`).join(" ")} end`;
  const valueCase = `coalesce(${scalar.map((_, i) => `case when grouping(d${i}) = 0 then d${i} end`).join(", ")})`;
  const scalarQuery = `select ${dimCase} as dim, ${valueCase} as v, count(*)::int as n, sum(rk)::text as k
    from (select rk, ${scalar.map(([, e], i) => `${e} as d${i}`).join(", ")} from f) x
    group by grouping sets (${scalar.map((_, i) => `(d${i})`).join(", ")})`;
  const measured = `select case when grouping(service) = 0 then 'service' when grouping(aid_requested) = 0 then 'optional_aid' else 'total' end as dim,
      case when grouping(service) = 0 then service when grouping(aid_requested) = 0 then coalesce(aid_requested::text, '') else '' end as v,
      count(*)::int as n, sum(rk)::text as k, ${MEASURES}
    from f group by grouping sets ((), (service), (instructs, aid_requested))
    having grouping(instructs) = 1 or instructs`;
  const households = `select 'household_size' as dim, hn::text as v, count(*)::int as n, sum(hrk)::text as k from hh group by hn
    union all select 'household_services', services, count(*)::int, sum(hrk)::text from hh where hn >= 2 group by services
    union all select 'household_cumulative', (hcum > 0)::text, count(*)::int, sum(hrk)::text from hh where hn >= 2 group by 2
    union all select 'multi_cumulative', 'true', sum(hcum)::int, coalesce(sum(rk_caused), 0)::text from hh where hn >= 2 having sum(hcum) > 0
    union all select 'multi_cumulative', 'false', sum(hn - hcum)::int, (sum(rk_all) - coalesce(sum(rk_caused), 0))::text from hh where hn >= 2 having sum(hn - hcum) > 0
    union all select 'multi_intensity', 'complete', sum(n_complete)::int, coalesce(sum(rk_complete), 0)::text from hh where hn >= 2 having sum(n_complete) > 0
    union all select 'multi_intensity', 'partial', sum(n_partial)::int, coalesce(sum(rk_partial), 0)::text from hh where hn >= 2 having sum(n_partial) > 0
    union all select 'multi_intensity', '', sum(hn - n_complete - n_partial)::int, (sum(rk_all) - coalesce(sum(rk_complete), 0) - coalesce(sum(rk_partial), 0))::text
      from hh where hn >= 2 having sum(hn - n_complete - n_partial) > 0
    union all select 'neighbourhood', coalesce(h.neighbourhood_id::text, ''), sum(hh.hn)::int, sum(hh.rk_all)::text
      from hh join detection_households h on h.id = hh.household_id group by 2`;
  const arrays = `select 'actor' as dim, x.v, count(*)::int as n, sum(f.rk)::text as k from f cross join lateral unnest(f.actors) as x(v) group by x.v
    union all select 'action', x.v, count(*)::int, sum(f.rk)::text from f cross join lateral unnest(f.actions) as x(v) group by x.v`;
  const formes = `fo as (select fo.situation_id, fo.forme, coalesce(fo.reason, '') as reason, f.rk
      from detection_situation_formes fo join f on f.id = fo.situation_id where fo.territory_id = '${territoryId}'::uuid)`;
  const formesQuery = `select 'forme' as dim, forme as v, count(*)::int as n, sum(rk)::text as k from fo group by forme
    union all select 'forme_reason', forme || '|' || reason, count(*)::int, sum(rk)::text from fo group by forme, reason
    union all select 'formes_count', least(c, 4)::text, count(*)::int, sum(rk)::text from (select situation_id, count(*) as c, min(rk) as rk from fo group by situation_id) y group by 2`;
  const pad = (q: string) => `select dim, v, n, k, ${["people", "people_n", "minutes_n", "minutes_sum", "minutes_min", "minutes_max", "granted_n", "granted_sum", "missed_n",
    "missed_sum", "missed_total_n", "missed_total_sum", "opened_n", "opened_sum"].map((c) => `null::float8 as ${c}`).join(", ")} from (${q}) q`;
  if (!/^[0-9a-f-]{36}$/.test(territoryId)) throw new Error("territory id");
  return sql`${filteredCte(territoryId, f)}, ${sql.raw(formes)}
    ${sql.raw([pad(scalarQuery), measured, pad(households), pad(arrays), pad(formesQuery)].join("\nunion all\n"))}`;
}

/**
 * Runs the statement with nested loops off: without fresh statistics (PGlite is never analysed)
 * the planner may join the formes to the filtered set row by row — 44 s instead of 2 s at
 * 100,000 situations (BENCHMARKS.md). Hash joins are right for every join here. JIT off: the
 * statement is many small aggregates, and PostgreSQL's JIT compiled it for 1–2 s each time.
 */
async function withHashJoins<T>(db: Db, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_nestloop = off`);
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return rows<T>(tx, query);
  });
}

const num = (v: unknown) => Number(v ?? 0);
const opt = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Every dimension's cells for the filtered situations. `staff: false` leaves the per-worker cells out altogether. */
export async function queryAggregates(db: Db, territoryId: string, f: ResolvedFilters, opts: { staff: boolean }): Promise<Aggregates> {
  const result = await withHashJoins<Row>(db, statement(territoryId, f, opts.staff));
  const out: Aggregates = Object.fromEntries(DIMENSIONS.filter((d) => opts.staff || !d.staffOnly).map((d) => [d.name, {} as Tally]));
  for (const r of result) {
    if (r.v === null || !out[r.dim]) continue; // a value outside its dimension's population (e.g. a benefit of a non-financial right)
    const cell: Cell = { ...EMPTY_CELL, n: num(r.n), key: cellKey(r.k) };
    if (r.people !== null && r.people !== undefined) {
      Object.assign(cell, {
        people: num(r.people), peopleN: num(r.people_n), minutesN: num(r.minutes_n), minutesSum: num(r.minutes_sum),
        minutesMin: opt(r.minutes_min), minutesMax: opt(r.minutes_max), grantedN: num(r.granted_n), grantedSum: num(r.granted_sum),
        missedN: num(r.missed_n), missedSum: num(r.missed_sum), missedTotalN: num(r.missed_total_n), missedTotalSum: num(r.missed_total_sum),
        openedN: num(r.opened_n), openedSum: num(r.opened_sum),
      });
    }
    out[r.dim][r.v] = cell;
  }
  // Situations without any forme are not in the formes table: the total minus the others.
  const none = minusCell(cellOf(out.total, ""), sumTally(out.formes_count));
  if (none.n > 0) out.formes_count["0"] = { ...EMPTY_CELL, n: none.n, key: none.key };
  return out;
}

export type HouseholdRow = { code: string; situations: number; services: string; cumulative: number; complete: number };

/** The per-household table (staff only): households with two situations or more, most first. */
export async function queryHouseholds(db: Db, territoryId: string, f: ResolvedFilters, limit = 200): Promise<{ rows: HouseholdRow[]; total: number }> {
  const result = await withHashJoins<{ code: string; n: number; services: string; cumulative: number; complete: number; total: number }>(db, sql`${filteredCte(territoryId, f)}
    select h.code, hh.hn as n, hh.services, hh.hcum as cumulative, hh.n_complete as complete, (count(*) over ())::int as total
    from hh join detection_households h on h.id = hh.household_id where hh.hn >= 2 order by hh.hn desc, h.code limit ${limit}`);
  return {
    rows: result.map((r) => ({ code: r.code, situations: num(r.n), services: r.services, cumulative: num(r.cumulative), complete: num(r.complete) })),
    total: result.length ? num(result[0].total) : 0,
  };
}

