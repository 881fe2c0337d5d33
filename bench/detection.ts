/**
 * npm run bench:detection -- [--situations 100000] [--households 80000] [--runs 20]
 * The detection rubriques (issue 13) over a generated territory, on PostgreSQL (a throw-away
 * database on DATABASE_URL's server, default the local `test`) and on PGlite (a temporary
 * directory): situations and households generated in SQL (time reported), then the server time
 * of the whole rubriques for staff (exact, per-worker and per-household tables included) and for
 * the committee (protected), unfiltered and with a period and a service filter.
 * Target: ≤ 150 ms median on PostgreSQL over 100,000 situations in 80,000 households.
 * Recording throughput (situations recorded per second through the form's code) is added by the
 * `record` branch under "recording" in the JSON line. Prints a table and one JSON line last.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Handle } from "@/db/client";
import { listServices } from "@/lib/detection/services";
import { loadRubriques } from "@/lib/detection/rubriques/load";
import { rubriquesWords } from "@/lib/detection/rubriques/words";
import type { RubriquesFilters } from "@/lib/detection/rubriques/filters";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { arg, percentile, printTable, round, runBenchmark, withThrowawayDatabase } from "./lib";

const SITUATIONS = arg("situations", 100_000);
const HOUSEHOLDS = arg("households", 80_000);
const RUNS = arg("runs", 20);

/**
 * Households and situations in a few INSERT … SELECT statements (deterministic arithmetic on the
 * row number, no randomness): every household has one situation, the rest go to a fifth of them
 * (so about 20 % of households hold two or more), half of those caused by the household's first.
 */
async function generate(db: Handle["db"], territoryId: string): Promise<number> {
  const services = await listServices(db, territoryId);
  const [asf, ep] = [services.find((s) => s.code === "asf")!.id, services.find((s) => s.code === "ep")!.id];
  const t0 = performance.now();
  const areas = sql`(select array_agg(id order by code) from neighbourhoods where territory_id = ${territoryId}::uuid)`;
  await db.execute(sql`insert into detection_households (territory_id, code, people_count, neighbourhood_id)
    select ${territoryId}::uuid, 'B-' || g, 1 + g % 6, case when g % 3 = 0 then null else (${areas})[1 + g % greatest(1, cardinality(${areas}))] end
    from generate_series(1, ${HOUSEHOLDS}) g`);
  const benefits = sql`array['rsa','c2s','puma','ame','retraite_reversion','aspa','aides_logement','aah','prime_activite','cheque_energie']`;
  const domains = sql`array['etat_civil_sejour','sante','logement_hebergement','domiciliation','loisirs_vacances']`;
  const actors = sql`array['caf','cpam','carsat','prefecture','departement','ccas','bailleur']`;
  const actions = sql`array['examen_approfondi','information_orientation','appel_service','courrier_service','instruction_asf']`;
  await db.execute(sql`insert into detection_situations (territory_id, household_id, idempotency_key, source, detected_on, service_id, worker_label,
      people_concerned, financial, benefit_code, domain, actors, intensity, caused_flag, actions, time_minutes, missed_monthly, missed_months,
      optional_aid_requested, optional_aid_granted, status, resolution, opened_monthly)
    select ${territoryId}::uuid, h.id, 'bench:' || g, 'import', date '2015-01-01' + (g * 37 % 365),
      case when g % 5 < 2 then ${asf}::uuid else ${ep}::uuid end, 'W' || (g % 14),
      case when g % 17 = 0 then null else 1 + g % 4 end,
      case when g % 23 = 0 then null else g % 10 < 7 end,
      case when g % 10 < 7 and g % 23 <> 0 and g % 29 <> 0 then (${benefits})[1 + g % 10] end,
      case when g % 10 >= 7 and g % 23 <> 0 and g % 11 <> 0 then (${domains})[1 + g % 5] end,
      case when g % 13 = 0 then '{}'::text[] else array[(${actors})[1 + g % 7]] || case when g % 4 = 0 then array[(${actors})[1 + (g / 7) % 7]] else '{}'::text[] end end,
      case when g % 19 = 0 then null when g % 9 = 0 then 'partial' else 'complete' end,
      false,
      array[(${actions})[1 + g % 5]] || case when g % 2 = 0 then array[(${actions})[1 + (g / 5) % 5]] else '{}'::text[] end,
      case when g % 21 = 0 then null else 10 + g % 9 * 10 end,
      case when g % 3 = 0 then 50 + g % 40 * 10 end, case when g % 6 = 0 then 1 + g % 24 end,
      case when g % 5 < 2 then g % 8 <> 0 end, case when g % 5 < 2 and g % 8 <> 0 then 100 + g % 30 * 10 end,
      case when g % 7 = 0 then 'resolved' when g % 7 = 1 then 'in_progress' else 'open' end,
      case when g % 7 = 0 then (array['right_opened','not_resolved','lost','not_non_recours'])[1 + g % 4] end,
      case when g % 7 = 0 and g % 4 = 0 then 80 + g % 50 * 5 end
    from generate_series(1, ${SITUATIONS}) g
    join detection_households h on h.territory_id = ${territoryId}::uuid
      and h.code = 'B-' || case when g <= ${HOUSEHOLDS} then g else 1 + (g * 7919) % greatest(1, ${HOUSEHOLDS} / 5) end`);
  // Half of the extra situations are caused by their household's first one.
  await db.execute(sql`with firsts as (
      select household_id, (array_agg(id order by detected_on, id))[1] as first_id from detection_situations where territory_id = ${territoryId}::uuid group by household_id having count(*) > 1
    )
    update detection_situations s set caused_by_id = f.first_id from firsts f
    where s.territory_id = ${territoryId}::uuid and s.household_id = f.household_id and s.id <> f.first_id and substring(s.idempotency_key from 7)::int % 2 = 0`);
  await db.execute(sql`insert into detection_situation_formes (situation_id, territory_id, forme, reason)
    select id, territory_id, (array['non_connaissance','non_proposition','non_reception','non_demande'])[1 + n % 4],
      (array['manque_information','protection','pieces_manquantes','desaccord'])[1 + n % 4]
    from (select id, territory_id, substring(idempotency_key from 7)::int as n from detection_situations where territory_id = ${territoryId}::uuid) x
    union all
    select id, territory_id, 'abandon', 'abandon_desaccord'
    from (select id, territory_id, substring(idempotency_key from 7)::int as n from detection_situations where territory_id = ${territoryId}::uuid) x where n % 8 = 3`);
  return (performance.now() - t0) / 1000;
}

async function timeRubriques(db: Handle["db"], territory: NonNullable<Awaited<ReturnType<typeof getTerritoryBySlug>>>, audience: "exact" | "committee", filters: RubriquesFilters) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const r = await loadRubriques(db, territory, filters, audience, rubriquesWords("fr"));
    if (!r.ok) throw new Error(r.error);
    if (i >= 2) ms.push(performance.now() - t0); // 2 warm-up runs
  }
  return ms.sort((a, b) => a - b);
}

async function measure(handle: Handle, engine: "postgres" | "pglite") {
  const db = handle.db;
  await seedDemo(db, { fixturesDir: "/nonexistent" });
  const territory = (await getTerritoryBySlug(db, "demo"))!;
  const insertSeconds = await generate(db, territory.id);
  if (engine === "postgres") await db.execute(sql`vacuum analyze`);
  const filtered: RubriquesFilters = { from: "2015-03-01", to: "2015-08-31", service: "ep" };
  const runs = {
    exact: await timeRubriques(db, territory, "exact", {}),
    committee: await timeRubriques(db, territory, "committee", {}),
    exactFiltered: await timeRubriques(db, territory, "exact", filtered),
    committeeFiltered: await timeRubriques(db, territory, "committee", filtered),
  };
  const stats = Object.fromEntries(Object.entries(runs).flatMap(([k, v]) => [[`${k}_p50_ms`, round(percentile(v, 50))], [`${k}_p95_ms`, round(percentile(v, 95))]]));
  return { engine, insert_seconds: round(insertSeconds), ...stats } as Record<string, string | number>;
}

async function main() {
  const results: Record<string, string | number>[] = [];
  await withThrowawayDatabase(async (handle) => { results.push(await measure(handle, "postgres")); });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "barometre-bench-detection-"));
  const pglite = await openDatabase({ dataDir: dir });
  try {
    results.push(await measure(pglite, "pglite"));
  } finally {
    await pglite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rows: [string, string | number, string][] = [];
  for (const r of results) {
    rows.push(
      [`${r.engine}: generate ${SITUATIONS} situations in ${HOUSEHOLDS} households (s)`, r.insert_seconds, "—"],
      [`${r.engine}: rubriques, staff (exact), p50 / p95 (ms)`, `${r.exact_p50_ms} / ${r.exact_p95_ms}`, r.engine === "postgres" ? "≤ 150" : "—"],
      [`${r.engine}: rubriques, committee (protected), p50 / p95 (ms)`, `${r.committee_p50_ms} / ${r.committee_p95_ms}`, r.engine === "postgres" ? "≤ 150" : "—"],
      [`${r.engine}: period + service filter, staff, p50 / p95 (ms)`, `${r.exactFiltered_p50_ms} / ${r.exactFiltered_p95_ms}`, "—"],
      [`${r.engine}: period + service filter, committee, p50 / p95 (ms)`, `${r.committeeFiltered_p50_ms} / ${r.committeeFiltered_p95_ms}`, "—"],
    );
  }
  printTable(rows);
  console.log(JSON.stringify({ benchmark: "detection", situations: SITUATIONS, households: HOUSEHOLDS, runs: RUNS, rubriques: results, recording: null }));
}

runBenchmark(main);
