import { and, eq, isNull, sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { neighbourhoodLevels, neighbourhoods, responses, sites, users } from "@/db/schema";
import { flattenAnswers } from "@/lib/questionnaire/flatten";
import { sampleAnswers, seededPick, type Pick } from "@/lib/questionnaire/sample-answers";
import { currentVersionIds, loadFlow } from "@/lib/questionnaire/versions";

/**
 * Synthetic responses for demonstrations and benchmarks, always marked `responses.synthetic`
 * (receipt codes start with "SY-"). Answers are drawn from a few hundred complete, valid
 * questionnaires ("templates"), ordered from the most to the least non-recours; each
 * neighbourhood leans towards one end so that the map shows contrasts. Deterministic for a
 * given seed. Inserted in batches with `insert … select generate_series`, answer rows included,
 * so that a million responses stay practical on PostgreSQL.
 */
export const TEMPLATE_COUNT = 240;

/** Picks the first choice with probability `bias`, any choice otherwise ("yes I know it / receive it"). */
function biasedPick(seed: number, bias: number): Pick {
  const uniform = seededPick(seed);
  const coin = seededPick(seed * 7919 + 1);
  const unit = Array.from({ length: 100 }, (_, i) => i / 100);
  return <T>(items: T[]) => (coin(unit) < bias ? items[0] : uniform(items));
}

export type TemplateRow = { t: number; question_id: string; item: string; field: string; value: string | null; num: string | null };

/** Answer rows of the templates (the neighbourhood question is added per response). */
export async function buildTemplates(db: Db, territoryId: string, seed: number, now = new Date()): Promise<TemplateRow[]> {
  const versions = await currentVersionIds(db, territoryId);
  const flow = await loadFlow(db, versions.commonVersionId, versions.moduleVersionId);
  const out: TemplateRow[] = [];
  for (let t = 0; t < TEMPLATE_COUNT; t++) {
    // t = 0 has the most non-recours (bias 0: uniform answers), the last the least.
    const answers = sampleAnswers(flow, ["outside"], biasedPick(seed * 1000 + t, (0.85 * t) / TEMPLATE_COUNT), now);
    for (const r of flattenAnswers(flow, answers)) {
      if (r.questionId === "neighbourhood" || r.questionId === "years_in_neighbourhood") continue;
      out.push({ t, question_id: r.questionId, item: r.item, field: r.field, value: r.value, num: r.num });
    }
  }
  return out;
}

export type SyntheticOptions = { responses: number; seed?: number; batchSize?: number; onProgress?: (done: number) => void; now?: Date };

/** Adds `n` synthetic responses to a territory; returns how many were inserted. */
export async function generateSyntheticResponses(db: Db, territoryId: string, o: SyntheticOptions): Promise<number> {
  const seed = o.seed ?? 1;
  const batch = o.batchSize ?? 5000;
  const now = o.now ?? new Date();
  const versions = await currentVersionIds(db, territoryId);
  const [finest] = await db.select({ id: neighbourhoodLevels.id }).from(neighbourhoodLevels)
    .where(and(eq(neighbourhoodLevels.territoryId, territoryId), isNull(neighbourhoodLevels.retiredAt))).orderBy(sql`${neighbourhoodLevels.rank} desc`).limit(1);
  const areas = finest
    ? await db.select({ id: neighbourhoods.id, code: neighbourhoods.code }).from(neighbourhoods)
      .where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoods.levelId, finest.id), isNull(neighbourhoods.retiredAt))).orderBy(neighbourhoods.code)
    : [];
  const siteRows = await db.select({ id: sites.id }).from(sites).where(eq(sites.territoryId, territoryId)).orderBy(sites.code);
  const interviewers = await db.select({ id: users.id }).from(users).where(and(eq(users.territoryId, territoryId), eq(users.role, "interviewer")));
  const templates = await buildTemplates(db, territoryId, seed, now);
  // Each area: a weight (one in ten is sparsely answered: small counts exist, as in real life)
  // and a lean towards more or less non-recours.
  const pick = seededPick(seed);
  const unit = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
  let cumulative = 0;
  const areaRows = areas.map((a, i) => {
    cumulative += pick(unit) < 0.1 ? 0.05 : 0.5 + pick(unit);
    return { i, id: a.id, code: a.code, upto: cumulative, lean: 0.2 + 3.8 * pick(unit) ** 2 };
  });
  const totalWeight = cumulative || 1;
  // Receipt codes are unique across territories: number on from the highest of any territory.
  const [{ start }] = await rows<{ start: number }>(db, sql`
    select coalesce(max(substring(receipt_code from 4)::int), 0) as start from ${responses}
    where synthetic and receipt_code ~ '^SY-[0-9]+$'`);
  const first = Number(start) + 1;
  const templatesJson = JSON.stringify(templates);
  const areasJson = JSON.stringify(areaRows.map((a) => ({ ...a, upto: a.upto / totalWeight })));
  const sitesJson = JSON.stringify(siteRows.map((s, i) => ({ i, id: s.id })));
  const interviewersJson = JSON.stringify(interviewers.map((u, i) => ({ i, id: u.id })));
  let done = 0;
  for (let a = first; a < first + o.responses; a += batch) {
    const b = Math.min(first + o.responses - 1, a + batch - 1);
    // u1…u5: independent uniform draws per response, from a hash of its number and the seed.
    await db.execute(sql`
      with g as (
        select g, ${sql.raw(Array.from({ length: 5 }, (_, k) => `(('x' || substr(md5(g::text || ':${k}:' || ${Number(seed)}::text), 1, 8))::bit(32)::bigint) / 4294967296.0 as u${k + 1}`).join(", "))}
        from generate_series(${a}::int, ${b}::int) g
      ), areas as (
        select * from jsonb_to_recordset(${areasJson}::jsonb) as x(i int, id uuid, code text, upto float8, lean float8)
      ), site_list as (select * from jsonb_to_recordset(${sitesJson}::jsonb) as x(i int, id uuid)),
      interviewer_list as (select * from jsonb_to_recordset(${interviewersJson}::jsonb) as x(i int, id uuid)),
      picked as (
        select g.*, (select ar.i from areas ar where ar.upto >= g.u1 order by ar.upto limit 1) as ai,
          case when g.u3 < 0.5 then 'self' when g.u3 < 0.7 then 'kiosk' else 'assisted' end as mode
        from g
      ), planned as (
        select p.g, p.mode, ar.id as neighbourhood_id, ar.code as neighbourhood_code,
          least(${TEMPLATE_COUNT - 1}, floor(${TEMPLATE_COUNT} * power(p.u2, coalesce(ar.lean, 1)))::int) as t,
          case when p.mode <> 'self' or p.u4 < 0.5 then (select s.id from site_list s where s.i = floor(p.u4 * (select count(*) from site_list))::int) end as site_id,
          case when p.mode = 'assisted' then (select i.id from interviewer_list i where i.i = floor(p.u5 * (select count(*) from interviewer_list))::int) end as interviewer_id,
          ${now.toISOString()}::timestamptz - (p.u5 * 180 || ' days')::interval as submitted_at
        from picked p left join areas ar on ar.i = p.ai
      ), r as (
        insert into ${responses} (territory_id, receipt_code, idempotency_key, common_version_id, module_version_id, mode, locale,
          site_id, interviewer_id, neighbourhood_id, answers, synthetic, started_at, submitted_at)
        select ${territoryId}::uuid, 'SY-' || p.g, 'synthetic-' || ${territoryId}::text || '-' || p.g, ${versions.commonVersionId}::uuid,
          ${versions.moduleVersionId}::uuid, p.mode, 'fr', p.site_id, p.interviewer_id, p.neighbourhood_id, '{"synthetic": true}'::jsonb, true,
          p.submitted_at - interval '9 minutes', p.submitted_at
        from planned p
        returning id, receipt_code
      ), rp as (
        select r.id, p.t, p.neighbourhood_code from r join planned p on 'SY-' || p.g = r.receipt_code
      ), tmpl as (
        select * from jsonb_to_recordset(${templatesJson}::jsonb) as x(t int, question_id text, item text, field text, value text, num numeric)
      )
      insert into response_answers (response_id, territory_id, question_id, item, field, value, num)
      select rp.id, ${territoryId}::uuid, tmpl.question_id, tmpl.item, tmpl.field, tmpl.value, tmpl.num from rp join tmpl on tmpl.t = rp.t
      union all
      select rp.id, ${territoryId}::uuid, 'neighbourhood', '', '', coalesce(rp.neighbourhood_code, 'outside'), null from rp`);
    done += b - a + 1;
    o.onProgress?.(done);
  }
  return done;
}

/** Removes every synthetic response of a territory (their answer rows and requests cascade). */
export async function removeSyntheticResponses(db: Db, territoryId: string): Promise<number> {
  const r = await rows<{ n: number }>(db, sql`
    with d as (delete from ${responses} where territory_id = ${territoryId}::uuid and synthetic returning 1)
    select count(*)::int as n from d`);
  return Number(r[0]?.n ?? 0);
}
