/**
 * npm run bench:callbacks — the CCAS queue page's server time with 10,000 open requests in one
 * territory, on PostgreSQL (target ≤ 150 ms median). Also the queue queries alone, in process.
 * Needs a build (`npm run build`); uses a throw-away database on DATABASE_URL's server.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { listQueue, queueCounts, queueFiltersSchema } from "@/lib/callbacks/queue";
import { demoEmail, seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { arg, percentile, printTable, round, runBenchmark, signInForBench, startServer, withThrowawayDatabase } from "./lib";

const REQUESTS = arg("requests", 10_000);
const RUNS = arg("runs", 50);
const PORT = arg("port", 3201);
const BASE = `http://127.0.0.1:${PORT}`;

const signIn = (email: string) => signInForBench(BASE, email);

async function time(url: string, cookie: string) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await fetch(`${BASE}${url}`, { headers: { cookie } });
    await r.text();
    if (r.status !== 200) throw new Error(`${url} → ${r.status}`);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

async function main() {
  await withThrowawayDatabase(async (handle, dbUrl) => {
  const url = new URL(dbUrl);
  const db = handle.db;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await seedDemo(db, { fixturesDir: path.resolve(import.meta.dirname, "../fixtures/territories") });
    const territory = (await getTerritoryBySlug(db, "montpellier"))!;
    // 10,000 responses and their open requests, spread over neighbourhoods, languages, statuses and ages.
    await db.execute(sql`
      insert into responses (territory_id, receipt_code, idempotency_key, common_version_id, mode, locale, answers, started_at, submitted_at, neighbourhood_id, synthetic)
      select ${territory.id}::uuid, 'BM-B' || lpad(g::text, 7, '0'), 'bench-' || g, (select id from questionnaire_versions where scope = 'common' limit 1),
        'self', 'fr', '{}'::jsonb, now(), now() - (g || ' minutes')::interval,
        (select id from neighbourhoods n where n.territory_id = ${territory.id}::uuid order by n.code offset (g % 88) limit 1), true
      from generate_series(1, ${REQUESTS}) g`);
    await db.execute(sql`
      insert into callback_requests (territory_id, response_id, neighbourhood_id, status, consent_version, consented_at, language, preferred_channel,
        contact_ciphertext, due_on, created_at, assigned_to)
      select r.territory_id, r.id, r.neighbourhood_id, case when g % 3 = 0 then 'assigned' else 'new' end, 'bench', r.submitted_at,
        (array['fr','fr','fr','ar','en','es'])[1 + g % 6], 'phone', 'v1:bench', (r.submitted_at + interval '7 days')::date - (g % 30)::int, r.submitted_at,
        case when g % 3 = 0 then (select id from users where email = ${demoEmail("agent", "montpellier")}) end
      from (select *, row_number() over (order by receipt_code) as g from responses where synthetic) r`);
    await db.execute(sql`analyze`);

    const agentId = (await db.execute(sql`select id from users where email = ${demoEmail("agent", "montpellier")}`)) as unknown as { id: string }[];
    const inProcess: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await Promise.all([listQueue(db, territory.id, queueFiltersSchema.parse({}), agentId[0].id), queueCounts(db, territory.id, agentId[0].id)]);
      inProcess.push(performance.now() - t0);
    }
    inProcess.sort((a, b) => a - b);

    server = await startServer(PORT, {
      DATABASE_URL: url.toString(), NEXTAUTH_SECRET: "bench", NEXTAUTH_URL: BASE, NODE_ENV: "production",
      BAROMETRE_CONTACT_KEY: randomBytes(32).toString("base64"),
    });
    const cookie = await signIn(demoEmail("agent", "montpellier"));
    const plain = await time("/staff/rappels", cookie);
    const filtered = await time("/staff/rappels?overdue=1&language=ar&mine=1", cookie);
    const page40 = await time("/staff/rappels?page=40", cookie);
    const result = {
      benchmark: "callbacks", database: "postgres", open_requests: REQUESTS, runs: RUNS,
      queue_page_p50_ms: round(percentile(plain, 50)), queue_page_p95_ms: round(percentile(plain, 95)),
      filtered_page_p50_ms: round(percentile(filtered, 50)), deep_page_p50_ms: round(percentile(page40, 50)),
      queries_in_process_p50_ms: round(percentile(inProcess, 50)),
    };
    printTable([
      [`queue page, ${REQUESTS} open requests, p50 (ms)`, result.queue_page_p50_ms, "≤ 150"],
      ["queue page p95 (ms)", result.queue_page_p95_ms, "—"],
      ["overdue + language + mine filters, p50 (ms)", result.filtered_page_p50_ms, "—"],
      ["page 40 (rows 1951–2000), p50 (ms)", result.deep_page_p50_ms, "—"],
      ["queue queries alone, in process, p50 (ms)", result.queries_in_process_p50_ms, "—"],
    ]);
    console.log(JSON.stringify(result));
  } finally {
    server?.kill("SIGTERM");
  }
  });
}

runBenchmark(main);
