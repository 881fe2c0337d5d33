import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { callbackAttempts, callbackRequests, reviewOutcomes } from "@/db/schema";
import { cellKey, recordKeySql } from "@/lib/dashboard/perturbation";

/**
 * The rights-review funnel of a territory, for the committee dashboards: opted in → reached →
 * reviewed → rights opened (per benefit, with monthly amounts), and the median delays between
 * steps, in days. Aggregates only; each count with its cell key (the sum of its respondents'
 * record keys) for the committee's perturbed figures. Survey opt-ins only: consents taken at an
 * outreach stand have no response (no record key) and are counted by the outreach bilan.
 */
export async function callbackFunnel(db: Db, territoryId: string, from?: Date, to?: Date) {
  const rk = recordKeySql(sql`${callbackRequests.responseId}`, territoryId);
  const period = sql`${callbackRequests.territoryId} = ${territoryId} and ${callbackRequests.responseId} is not null
    ${from ? sql`and ${callbackRequests.createdAt} >= ${from.toISOString()}::timestamptz` : sql``}
    ${to ? sql`and ${callbackRequests.createdAt} < ${to.toISOString()}::timestamptz` : sql``}`;
  const reachedCond = sql`exists (select 1 from ${callbackAttempts} a where a.request_id = ${callbackRequests.id} and a.outcome = 'reached')`;
  const [steps] = await rows<{ opted_in: number; reached: number; reviewed: number; unreachable: number; withdrawn: number; k_opted_in: string; k_reached: string; k_reviewed: string }>(db, sql`
    select count(*)::int as opted_in,
      (count(*) filter (where ${reachedCond}))::int as reached,
      (count(*) filter (where ${callbackRequests.status} = 'closed_reviewed'))::int as reviewed,
      sum(${rk})::text as k_opted_in, (sum(${rk}) filter (where ${reachedCond}))::text as k_reached,
      (sum(${rk}) filter (where ${callbackRequests.status} = 'closed_reviewed'))::text as k_reviewed,
      (count(*) filter (where ${callbackRequests.status} = 'closed_unreachable'))::int as unreachable,
      (count(*) filter (where ${callbackRequests.status} = 'withdrawn'))::int as withdrawn
    from ${callbackRequests} where ${period}`);
  const opened = await rows<{ benefit: string; rights_opened: number; monthly_total: string | null }>(db, sql`
    select o.benefit_code as benefit, count(*)::int as rights_opened, sum(o.monthly_amount)::text as monthly_total
    from ${reviewOutcomes} o join ${callbackRequests} on ${callbackRequests.id} = o.request_id
    where o.outcome = 'right_opened' and ${period}
    group by o.benefit_code order by o.benefit_code`);
  const [delays] = await rows<{ to_first_attempt: number | null; to_reached: number | null; to_closed: number | null }>(db, sql`
    with d as (
      select ${callbackRequests.createdAt} as created, ${callbackRequests.closedAt} as closed, ${callbackRequests.status} as status,
        (select min(a.at) from ${callbackAttempts} a where a.request_id = ${callbackRequests.id}) as first_attempt,
        (select min(a.at) from ${callbackAttempts} a where a.request_id = ${callbackRequests.id} and a.outcome = 'reached') as reached
      from ${callbackRequests} where ${period}
    )
    select
      percentile_cont(0.5) within group (order by extract(epoch from first_attempt - created) / 86400) as to_first_attempt,
      percentile_cont(0.5) within group (order by extract(epoch from reached - created) / 86400) as to_reached,
      percentile_cont(0.5) within group (order by case when status = 'closed_reviewed' then extract(epoch from closed - created) / 86400 end) as to_closed
    from d`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return {
    optedIn: steps.opted_in, reached: steps.reached, reviewed: steps.reviewed, unreachable: steps.unreachable, withdrawn: steps.withdrawn,
    cellKeys: { optedIn: cellKey(steps.k_opted_in), reached: cellKey(steps.k_reached), reviewed: cellKey(steps.k_reviewed) },
    rightsOpened: opened.map((o) => ({ benefit: o.benefit, count: o.rights_opened, monthlyTotal: Number(o.monthly_total ?? 0) })),
    medianDays: { toFirstAttempt: num(delays.to_first_attempt), toReached: num(delays.to_reached), toReviewed: num(delays.to_closed) },
  };
}

/**
 * The rights-review funnel per benefit of the catalogue, for the committee dashboards: among
 * the reviewed requests, how many examined the benefit, found the person potentially eligible
 * (or started / opened the right), and opened it. Aggregates only.
 */
export async function callbackFunnelByBenefit(db: Db, territoryId: string, from?: Date, to?: Date) {
  const period = sql`${callbackRequests.territoryId} = ${territoryId} and ${callbackRequests.responseId} is not null
    ${from ? sql`and ${callbackRequests.createdAt} >= ${from.toISOString()}::timestamptz` : sql``}
    ${to ? sql`and ${callbackRequests.createdAt} < ${to.toISOString()}::timestamptz` : sql``}`;
  const rk = recordKeySql(sql`${callbackRequests.responseId}`, territoryId);
  const eligible = sql`o.outcome in ('potentially_eligible', 'application_started', 'right_opened')`;
  const r = await rows<{ benefit: string; reviewed: number; eligible: number; opened: number; k_reviewed: string; k_eligible: string; k_opened: string }>(db, sql`
    select o.benefit_code as benefit, count(*)::int as reviewed,
      (count(*) filter (where ${eligible}))::int as eligible,
      (count(*) filter (where o.outcome = 'right_opened'))::int as opened,
      sum(${rk})::text as k_reviewed, (sum(${rk}) filter (where ${eligible}))::text as k_eligible,
      (sum(${rk}) filter (where o.outcome = 'right_opened'))::text as k_opened
    from ${reviewOutcomes} o join ${callbackRequests} on ${callbackRequests.id} = o.request_id
    where o.territory_id = ${territoryId} and ${period}
    group by o.benefit_code order by o.benefit_code`);
  return r.map((x) => ({
    benefit: x.benefit, reviewed: Number(x.reviewed), eligible: Number(x.eligible), opened: Number(x.opened),
    cellKeys: { reviewed: cellKey(x.k_reviewed), eligible: cellKey(x.k_eligible), opened: cellKey(x.k_opened) },
  }));
}
