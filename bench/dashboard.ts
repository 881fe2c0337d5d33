/**
 * npm run bench:dashboard -- --responses <n> [--runs 30] [--recolours 20] [--port 3301]
 * On PostgreSQL (a throw-away database on DATABASE_URL's server, default the local `test`):
 * - synthetic responses inserted with the seed:synthetic generator (time reported);
 * - server time of one map indicator with two filters: the view in process (SQL + perturbation
 *   or suppression + intervals + classes; the committee's and the lead's) and the committee's
 *   JSON route through `next start` (targets ≤ 30 ms median at
 *   50,000 responses, ≤ 150 ms at 1,000,000);
 * - in Chromium (Playwright's library), the time from a filter change to the repainted map
 *   (fetch + feature states + render, read from the page's performance mark; target ≤ 100 ms).
 * Needs a build (`npm run build`). Prints a table and one JSON line last.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { chromium } from "@playwright/test";
import { sql } from "drizzle-orm";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { loadChoiceCatalogue } from "@/lib/dashboard/choice-catalogue";
import { generateSyntheticResponses } from "@/lib/dashboard/synthetic";
import { buildView } from "@/lib/dashboard/view";
import { demoEmail, seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { arg, percentile, printTable, round, runBenchmark, signInForBench, startServer, withThrowawayDatabase } from "./lib";

const RESPONSES = arg("responses", 50_000);
const RUNS = arg("runs", 30);
const RECOLOURS = arg("recolours", 20);
const PORT = arg("port", 3301);
const BASE = `http://127.0.0.1:${PORT}`;
/** The measured view: a forme of non-recours for one benefit, with two population filters. */
const QUERY = "indicator=forme.non_demande&benefit=rsa&sex=femme&mode=self&source=synthetic";

const signIn = (email: string) => signInForBench(BASE, email);

async function timeRoute(url: string, cookie: string) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const r = await fetch(`${BASE}${url}`, { headers: { cookie } });
    await r.text();
    if (r.status !== 200) throw new Error(`${url} → ${r.status}`);
    if (i >= 3) ms.push(performance.now() - t0); // 3 warm-up requests
  }
  return ms.sort((a, b) => a - b);
}

/** Filter changes in the browser, alternating two values; the page records each recolour time. */
async function recolourTimes(cookie: string): Promise<{ total: number[]; repaint: number[] }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split("=");
    await context.addCookies([{ name, value, url: BASE }]);
    const page = await context.newPage();
    await page.goto(`${BASE}/staff/tableau-de-bord?${QUERY}&level=iris`);
    const map = page.getByTestId("dashboard-map");
    await page.locator('[data-testid="dashboard-map"][data-ready="1"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-map"]')?.getAttribute("data-recolour-count"), null, { timeout: 60_000 });
    const times: number[] = [];
    const repaint: number[] = [];
    for (let i = 0; i < RECOLOURS; i++) {
      const before = Number(await map.getAttribute("data-recolour-count"));
      await page.locator("#f-sex").selectOption(i % 2 ? "femme" : "homme");
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="dashboard-map"]')?.getAttribute("data-recolour-count")) > n, before);
      times.push(Number(await map.getAttribute("data-recolour-ms")));
      repaint.push(Number(await map.getAttribute("data-repaint-ms")));
    }
    return { total: times.sort((a, b) => a - b), repaint: repaint.sort((a, b) => a - b) };
  } finally {
    await browser.close();
  }
}

async function main() {
  await withThrowawayDatabase(async (handle, dbUrl) => {
    const db = handle.db;
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      await seedDemo(db, { fixturesDir: path.resolve(import.meta.dirname, "../fixtures/territories") });
      const territory = (await getTerritoryBySlug(db, "montpellier"))!;
      const t0 = performance.now();
      let last = 0;
      await generateSyntheticResponses(db, territory.id, {
        responses: RESPONSES, batchSize: 10_000,
        onProgress: (d) => { if (d - last >= RESPONSES / 10 || d === RESPONSES) { process.stderr.write(`  inserted ${d}\n`); last = d; } },
      });
      const insertSeconds = (performance.now() - t0) / 1000;
      await db.execute(sql`vacuum analyze`); // index-only scans need the visibility map (autovacuum does it in production)
      const [{ n }] = (await db.execute(sql`select count(*)::int as n from response_answers`)) as unknown as { n: number }[];

      const filters = parseDashboardFilters(new URLSearchParams(QUERY)).filters;
      // The committee's view (perturbed: record keys hashed per row) and the lead's (exact:
      // counts with each filter dropped, for the neighbouring-filter rule).
      const timeInProcess = async (audience: "committee" | "exact", f = filters) => {
        const ms: number[] = [];
        for (let i = 0; i < RUNS + 3; i++) {
          const s = performance.now();
          const v = await buildView(db, territory, f, audience);
          if (!v.ok) throw new Error(v.error);
          if (i >= 3) ms.push(performance.now() - s);
        }
        return ms.sort((a, b) => a - b);
      };
      const inProcess = await timeInProcess("committee");
      const inProcessExact = await timeInProcess("exact");
      // A module question's option (read from the answer rows, not the facts), same two filters.
      const moduleQuestion = (await loadChoiceCatalogue(db, territory.id)).questions.find((q) => q.source === "module");
      const choiceIndicator = moduleQuestion ? `q.${moduleQuestion.id}.${moduleQuestion.options[0].value}` : null;
      const inProcessChoice = choiceIndicator
        ? await timeInProcess("committee", parseDashboardFilters(new URLSearchParams(`${QUERY}&indicator=${choiceIndicator}`)).filters)
        : [];

      server = await startServer(PORT, {
        DATABASE_URL: dbUrl, NEXTAUTH_SECRET: "bench", NEXTAUTH_URL: BASE, NODE_ENV: "production",
        BAROMETRE_CONTACT_KEY: randomBytes(32).toString("base64"),
      });
      const cookie = await signIn(demoEmail("comite", "montpellier"));
      const route = await timeRoute(`/api/tableau-de-bord/vue?${QUERY}`, cookie);
      const routeIris = await timeRoute(`/api/tableau-de-bord/vue?${QUERY}&level=iris`, cookie);
      const recolour = await recolourTimes(cookie);
      const result = {
        benchmark: "dashboard", database: "postgres", responses: RESPONSES, answer_rows: Number(n), runs: RUNS,
        insert_seconds: round(insertSeconds), insert_responses_per_second: Math.round(RESPONSES / insertSeconds),
        view_in_process_p50_ms: round(percentile(inProcess, 50)), view_in_process_p95_ms: round(percentile(inProcess, 95)),
        view_exact_in_process_p50_ms: round(percentile(inProcessExact, 50)),
        choice_indicator: choiceIndicator, view_choice_in_process_p50_ms: choiceIndicator ? round(percentile(inProcessChoice, 50)) : null,
        view_choice_in_process_p95_ms: choiceIndicator ? round(percentile(inProcessChoice, 95)) : null,
        view_route_p50_ms: round(percentile(route, 50)), view_route_p95_ms: round(percentile(route, 95)),
        view_route_iris_p50_ms: round(percentile(routeIris, 50)),
        recolour_p50_ms: round(percentile(recolour.total, 50)), recolour_p95_ms: round(percentile(recolour.total, 95)),
        repaint_p50_ms: round(percentile(recolour.repaint, 50)), recolours: recolour.total.length,
      };
      const target = RESPONSES <= 50_000 ? "≤ 30" : RESPONSES >= 1_000_000 ? "≤ 150" : "—";
      printTable([
        [`synthetic insert, ${RESPONSES} responses (s)`, result.insert_seconds, "—"],
        ["answer rows", result.answer_rows, "—"],
        ["map indicator + 2 filters, committee (perturbed), in process, p50 (ms)", result.view_in_process_p50_ms, target],
        ["same, in process, p95 (ms)", result.view_in_process_p95_ms, "—"],
        ["same, territory lead (exact), in process, p50 (ms)", result.view_exact_in_process_p50_ms, "—"],
        [`module question ${choiceIndicator ?? "(none)"} + 2 filters, committee, in process, p50 (ms)`, result.view_choice_in_process_p50_ms ?? "—", target],
        ["same through the JSON route (quartiers), p50 (ms)", result.view_route_p50_ms, target],
        ["same through the JSON route (88 IRIS), p50 (ms)", result.view_route_iris_p50_ms, "—"],
        ["browser: filter change → map repainted, p50 (ms)", result.recolour_p50_ms, "≤ 100"],
        ["browser: same, p95 (ms)", result.recolour_p95_ms, "—"],
        ["browser: figures received → map repainted, p50 (ms)", result.repaint_p50_ms, "—"],
      ]);
      console.log(JSON.stringify(result));
    } finally {
      server?.kill("SIGTERM");
    }
  });
}

runBenchmark(main);
