import { sql, type SQL } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { cellKey } from "@/lib/dashboard/perturbation";
import type { Cell, Tally } from "./cells";
import { DIMENSIONS } from "./dimensions";
import type { ResolvedFilters } from "./filters";
import type { Aggregates } from "./tally";

/**
 * The filtered situations as the dimensions read them (see facts.ts), household columns by
 * window functions over the filtered set. Record keys are seeded with the territory's secret
 * (decision 0007), the same hash as the survey's responses.
 */
function situationsCte(territoryId: string, f: ResolvedFilters): SQL {
  const conds: SQL[] = [sql`d.territory_id = ${territoryId}::uuid`];
  if (f.from) conds.push(sql`d.detected_on >= ${f.from}::date`);
  if (f.to) conds.push(sql`d.detected_on <= ${f.to}::date`);
  if (f.serviceId) conds.push(sql`d.service_id = ${f.serviceId}::uuid`);
  if (f.sectorId) conds.push(sql`d.sector_id = ${f.sectorId}::uuid`);
  if (f.benefitCodes) conds.push(sql`d.benefit_code in (${sql.join(f.benefitCodes.map((c) => sql`${c}`), sql`, `)})`);
  if (f.actor) conds.push(sql`${f.actor} = any(d.actors)`);
  const seed = sql`(select t.cell_key_seed from territories t where t.id = ${territoryId}::uuid)`;
  return sql`with seed as materialized (select ${seed} as v),
  base as (
    select d.id, d.household_id, hh.code as household_code, d.detected_on, sv.code as service, sv.instructs_optional_aid as instructs,
      coalesce(d.worker_id::text, 'label:' || d.worker_label, '') as worker,
      coalesce(d.sector_id::text, '') as sector, coalesce(hh.neighbourhood_id::text, '') as neighbourhood,
      d.people_concerned as people, d.financial, d.benefit_code as benefit, d.domain, d.actors, d.intensity,
      (d.caused_by_id is not null or d.caused_flag) as caused, (ind.id is not null) as induces,
      d.actions, d.time_minutes as minutes, d.missed_monthly::float8 as missed_monthly, d.missed_months,
      d.optional_aid_requested as aid_requested, d.optional_aid_granted::float8 as aid_granted,
      d.status, d.resolution, d.opened_monthly::float8 as opened_monthly,
      coalesce(fo.formes, '{}') as formes, coalesce(fo.forme_reasons, '{}') as forme_reasons,
      (uuid_hash_extended(d.id, (select v from seed)) & 4294967295) as rk,
      (uuid_hash_extended(d.household_id, (select v from seed)) & 4294967295) as hrk
    from detection_situations d
    join detection_services sv on sv.id = d.service_id
    join detection_households hh on hh.id = d.household_id
    left join (
      select situation_id, array_agg(forme) as formes, array_agg(forme || '|' || coalesce(reason, '')) as forme_reasons
      from detection_situation_formes where territory_id = ${territoryId}::uuid group by situation_id
    ) fo on fo.situation_id = d.id
    left join (
      select distinct caused_by_id as id from detection_situations where territory_id = ${territoryId}::uuid and caused_by_id is not null
    ) ind on ind.id = d.id
    where ${sql.join(conds, sql` and `)}
  ),
  s as materialized (
    select base.*, count(*) over w as hn, (row_number() over (partition by household_id order by id) = 1) as hfirst,
      sum(case when caused or induces then 1 else 0 end) over w as hcum,
      case when min(service) over w = max(service) over w then min(service) over w else min(service) over w || '+' || max(service) over w end as hservices
    from base window w as (partition by household_id)
  )`;
}

const MEASURES = (key: string) => `count(*)::int as n, sum(${key})::text as k,
  coalesce(sum(s.people), 0)::int as people, count(s.people)::int as people_n,
  count(s.minutes)::int as minutes_n, coalesce(sum(s.minutes), 0)::float8 as minutes_sum, min(s.minutes) as minutes_min, max(s.minutes) as minutes_max,
  count(s.aid_granted)::int as granted_n, coalesce(sum(s.aid_granted), 0)::float8 as granted_sum,
  count(s.missed_monthly)::int as missed_n, coalesce(sum(s.missed_monthly), 0)::float8 as missed_sum,
  count(s.missed_monthly * s.missed_months)::int as missed_total_n, coalesce(sum(s.missed_monthly * s.missed_months), 0)::float8 as missed_total_sum,
  count(s.opened_monthly)::int as opened_n, coalesce(sum(s.opened_monthly), 0)::float8 as opened_sum`;

type Row = {
  dim: string; v: string; n: number; k: string; people: number; people_n: number; minutes_n: number; minutes_sum: number;
  minutes_min: number | null; minutes_max: number | null; granted_n: number; granted_sum: number; missed_n: number; missed_sum: number;
  missed_total_n: number; missed_total_sum: number; opened_n: number; opened_sum: number;
};

const num = (v: unknown) => Number(v ?? 0);
const toCell = (r: Row): Cell => ({
  n: num(r.n), key: cellKey(r.k), people: num(r.people), peopleN: num(r.people_n),
  minutesN: num(r.minutes_n), minutesSum: num(r.minutes_sum),
  minutesMin: r.minutes_min === null ? null : num(r.minutes_min), minutesMax: r.minutes_max === null ? null : num(r.minutes_max),
  grantedN: num(r.granted_n), grantedSum: num(r.granted_sum), missedN: num(r.missed_n), missedSum: num(r.missed_sum),
  missedTotalN: num(r.missed_total_n), missedTotalSum: num(r.missed_total_sum), openedN: num(r.opened_n), openedSum: num(r.opened_sum),
});

/**
 * Every dimension's cells in one statement (one scan of the filtered situations per dimension,
 * over a materialised set). `staff: false` leaves out the per-worker cells altogether.
 */
export async function queryAggregates(db: Db, territoryId: string, f: ResolvedFilters, opts: { staff: boolean }): Promise<Aggregates> {
  const dims = DIMENSIONS.filter((d) => opts.staff || !d.staffOnly);
  const branches = dims.map((d) => {
    const from = d.array ? `s cross join lateral unnest(s.${d.array}) as x(v)` : "s";
    const where = d.where ? ` where ${d.where.sql}` : "";
    return `select '${d.name}' as dim, ${d.sql} as v, ${MEASURES(d.household ? "s.hrk" : "s.rk")} from ${from}${where} group by 2`;
  });
  const result = await rows<Row>(db, sql`${situationsCte(territoryId, f)} ${sql.raw(branches.join("\nunion all\n"))}`);
  const out: Aggregates = Object.fromEntries(dims.map((d) => [d.name, {} as Tally]));
  for (const r of result) out[r.dim][r.v] = toCell(r);
  return out;
}

export type HouseholdRow = { code: string; situations: number; services: string; cumulative: number; complete: number };

/** The per-household table (staff only): households with two situations or more, most first. */
export async function queryHouseholds(db: Db, territoryId: string, f: ResolvedFilters, limit = 200): Promise<{ rows: HouseholdRow[]; total: number }> {
  const result = await rows<{ code: string; n: number; services: string; cumulative: number; complete: number; total: number }>(db, sql`${situationsCte(territoryId, f)}
    select household_code as code, count(*)::int as n, min(hservices) as services,
      sum(case when caused or induces then 1 else 0 end)::int as cumulative, sum(case when intensity = 'complete' then 1 else 0 end)::int as complete,
      (count(*) over ())::int as total
    from s where hn >= 2 group by household_code order by n desc, household_code limit ${limit}`);
  return {
    rows: result.map((r) => ({ code: r.code, situations: num(r.n), services: r.services, cumulative: num(r.cumulative), complete: num(r.complete) })),
    total: result.length ? num(result[0].total) : 0,
  };
}
