/**
 * npm run bench:detection -- [--situations 100000] [--households 80000] [--runs 20] [--pglite-runs 3]
 * The detection rubriques (issue 13) over a generated territory, on PostgreSQL (a throw-away
 * database on DATABASE_URL's server, default the local `test`) and on PGlite (a temporary
 * directory): situations and households generated in SQL (time reported), then the server time
 * of the whole rubriques for staff (exact, per-worker and per-household tables included) and for
 * the committee (protected), unfiltered and with a period and a service filter.
 * Target: ≤ 150 ms median on PostgreSQL over 100,000 situations in 80,000 households.
 * "Cold" clears the per-process rubriques cache before each run (the SQL itself); "warm" is a
 * repeated read of unchanged data (the version check and the build only). Recording throughput:
 * situations recorded one after another through the form's own validation and write
 * (parseSituation + recordSituation, each in its transaction with its audit row), half of them
 * in an existing household. Prints a table and one JSON line last.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase, type Handle } from "@/db/client";
import { generateSituations } from "@/lib/detection/rubriques/synthetic";
import { loadRubriques } from "@/lib/detection/rubriques/load";
import { clearRubriquesCache } from "@/lib/detection/rubriques/cache";
import { recordSituation } from "@/lib/detection/record-situation";
import { parseSituation } from "@/lib/detection/situation-schema";
import { loadLists } from "@/lib/detection/options";
import { listServices } from "@/lib/detection/services";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { rubriquesWords } from "@/lib/detection/rubriques/words";
import type { RubriquesFilters } from "@/lib/detection/rubriques/filters";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { arg, percentile, printTable, round, runBenchmark, withThrowawayDatabase } from "./lib";

const SITUATIONS = arg("situations", 100_000);
const HOUSEHOLDS = arg("households", 80_000);
const RUNS = arg("runs", 20);
/** PGlite (WebAssembly, one thread) is an order of magnitude slower: fewer runs by default. */
const PGLITE_RUNS = arg("pglite-runs", 3);
const RECORDINGS = arg("recordings", 300);

async function timeRubriques(db: Handle["db"], territory: NonNullable<Awaited<ReturnType<typeof getTerritoryBySlug>>>, audience: "exact" | "committee", filters: RubriquesFilters, runs: number, cold: boolean) {
  const ms: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    if (cold) clearRubriquesCache();
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
  const insertSeconds = await generateSituations(db, territory.id, { situations: SITUATIONS, households: HOUSEHOLDS });
  process.stderr.write(`  ${engine}: ${SITUATIONS} situations generated in ${round(insertSeconds)} s\n`);
  if (engine === "postgres") await db.execute(sql`vacuum analyze`);
  const filtered: RubriquesFilters = { from: "2015-03-01", to: "2015-08-31", service: "ep" };
  const n = engine === "postgres" ? RUNS : PGLITE_RUNS;
  const runs = {
    exact: await timeRubriques(db, territory, "exact", {}, n, true),
    committee: await timeRubriques(db, territory, "committee", {}, n, true),
    exactFiltered: await timeRubriques(db, territory, "exact", filtered, n, true),
    committeeFiltered: await timeRubriques(db, territory, "committee", filtered, n, true),
    exactWarm: await timeRubriques(db, territory, "exact", {}, RUNS, false),
    committeeWarm: await timeRubriques(db, territory, "committee", {}, RUNS, false),
  };
  process.stderr.write(`  ${engine}: exact p50 ${round(percentile(runs.exact, 50))} ms, committee p50 ${round(percentile(runs.committee, 50))} ms\n`);
  const stats = Object.fromEntries(Object.entries(runs).flatMap(([k, v]) => [[`${k}_p50_ms`, round(percentile(v, 50))], [`${k}_p95_ms`, round(percentile(v, 95))]]));
  const recordings_per_s = await measureRecording(db, territory.id);
  return { engine, insert_seconds: round(insertSeconds), ...stats, recordings_per_s } as Record<string, string | number>;
}

/** Situations recorded per second, one after another, through the form's validation and write. */
async function measureRecording(db: Handle["db"], territoryId: string): Promise<number> {
  const ctx = { today: "2026-11-30", lists: await loadLists(db, territoryId), services: await listServices(db, territoryId) };
  const [worker] = await db.select({ id: users.id }).from(users).where(eq(users.email, "agent.demo@barometre.test"));
  const ep = ctx.services.find((s) => s.code === "ep")!.id;
  let lastCode: string | null = null;
  const t0 = performance.now();
  for (let i = 0; i < RECORDINGS; i++) {
    const parsed = parseSituation(ctx, {
      detectedOn: "2026-11-02", serviceId: ep, financial: "yes", benefitCode: i % 2 ? "rsa" : "c2s", actors: ["caf"], actions: ["information_orientation", "appel_service"],
      formes: ["non_reception", "non_connaissance"], reason_non_reception: "pieces_manquantes", reason_non_connaissance: "manque_information",
      peopleConcerned: "2", timeMinutes: "25", missedMonthly: "540,50",
    });
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    const r = await recordSituation(db, {
      territoryId, workerId: worker.id, input: parsed.data, idempotencyKey: `form:bench-${i}`,
      household: i % 2 && lastCode ? { code: lastCode } : { new: { peopleCount: 3 } },
    });
    if (!r.ok) throw new Error(r.problem);
    lastCode = r.householdCode;
  }
  return round(RECORDINGS / ((performance.now() - t0) / 1000));
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
      [`${r.engine}: rubriques again, data unchanged (cache), staff, p50 / p95 (ms)`, `${r.exactWarm_p50_ms} / ${r.exactWarm_p95_ms}`, "—"],
      [`${r.engine}: rubriques again, data unchanged (cache), committee, p50 / p95 (ms)`, `${r.committeeWarm_p50_ms} / ${r.committeeWarm_p95_ms}`, "—"],
      [`${r.engine}: recording, one after another (situations/s)`, r.recordings_per_s, "—"],
    );
  }
  printTable(rows);
  console.log(JSON.stringify({ benchmark: "detection", situations: SITUATIONS, households: HOUSEHOLDS, runs: RUNS, pglite_runs: PGLITE_RUNS, recordings: RECORDINGS, rubriques: results }));
}

runBenchmark(main);
