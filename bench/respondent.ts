/**
 * npm run bench:respondent — what a respondent's phone downloads, and how the submission path
 * holds under load on PostgreSQL.
 *
 *  1. First-load JavaScript of a questionnaire section page (all <script src>, gzipped).
 *  2. HTML of one section page, gzipped.
 *  3. 50 concurrent clients: (a) whole questionnaires over HTTP (start, every section, submit),
 *     (b) the final submission alone, on drafts prepared in the database.
 *  4. Server memory (RSS, process tree) under that load.
 *
 * Needs a build (`npm run build`) and PostgreSQL (DATABASE_URL, default the local `test`
 * server); works in a throw-away database that it drops at the end.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DRAFT_COOKIE } from "@/lib/respondent/session-cookies";
import { createDraft, saveAnswers } from "@/lib/respondent/drafts";
import { resolveVisibility } from "@/lib/questionnaire/flow";
import { sampleAnswers, seededPick } from "@/lib/questionnaire/sample-answers";
import { sectionFormValues } from "@/lib/questionnaire/form-fields";
import { currentVersionIds, loadFlow } from "@/lib/questionnaire/versions";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug, listNeighbourhoodChoices } from "@/lib/territories/queries";
import { arg, percentile, printTable, round, runBenchmark, startServer, treeRssMb, withThrowawayDatabase } from "./lib";

const CLIENTS = arg("clients", 50);
const FLOWS = arg("flows", 400);
const SUBMITS = arg("submits", 2000);
const PORT = arg("port", 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = "montpellier";

function encode(values: Record<string, string | string[]>, extra: Record<string, string>) {
  const p = new URLSearchParams(extra);
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

async function post(url: string, body: string, cookie?: string) {
  const t0 = performance.now();
  const res = await fetch(`${BASE}${url}`, {
    method: "POST", redirect: "manual", body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
  });
  await res.arrayBuffer();
  return { res, ms: performance.now() - t0 };
}

async function runPool(total: number, worker: (i: number) => Promise<void>) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < total) await worker(next++);
  }));
  return (performance.now() - t0) / 1000;
}

async function main() {
  await withThrowawayDatabase(async (handle, dbUrl) => {
  const url = new URL(dbUrl);
  const db = handle.db;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await seedDemo(db, { fixturesDir: path.resolve(import.meta.dirname, "../fixtures/territories") });
    const territory = (await getTerritoryBySlug(db, SLUG))!;
    const versions = await currentVersionIds(db, territory.id);
    const flow = await loadFlow(db, versions.commonVersionId, versions.moduleVersionId);
    const codes = (await listNeighbourhoodChoices(db, territory.id)).map((c) => c.code);

    server = await startServer(PORT, {
      DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: "20", NEXTAUTH_SECRET: "bench", NEXTAUTH_URL: BASE, NODE_ENV: "production",
      BAROMETRE_CONTACT_KEY: randomBytes(32).toString("base64"),
    });
    const pid = server.pid!;

    // 1–2. Payload of a section page.
    const started = await post(`/t/${SLUG}/start`, "");
    const cookie = (started.res.headers.get("set-cookie") ?? "").split(";")[0];
    const first = resolveVisibility(flow, {}).sections[0].id;
    const html = await (await fetch(`${BASE}/t/${SLUG}/q/${first}`, { headers: { cookie } })).text();
    // Modern browsers skip `nomodule` scripts (Next's legacy polyfills): they are not downloaded.
    const scripts = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"[^>]*>/g)]
      .filter((m) => !/nomodule/i.test(m[0]))
      .map((m) => m[2]);
    let jsGz = 0;
    for (const src of new Set(scripts)) jsGz += gzipSync(Buffer.from(await (await fetch(`${BASE}${src}`)).arrayBuffer())).length;
    const htmlGz = gzipSync(Buffer.from(html)).length;

    // 3a. Whole questionnaires over HTTP.
    let rssMax = 0;
    const sampler = setInterval(() => { rssMax = Math.max(rssMax, treeRssMb(pid)); }, 200);
    const reqMs: number[] = [];
    let flowErrors = 0;
    const flowSeconds = await runPool(FLOWS, async (i) => {
      const answers = sampleAnswers(flow, codes, seededPick(i + 1));
      const s = await post(`/t/${SLUG}/start`, "");
      reqMs.push(s.ms);
      const c = (s.res.headers.get("set-cookie") ?? "").split(";")[0];
      for (const section of resolveVisibility(flow, answers).sections) {
        const r = await post(`/t/${SLUG}/answer`, encode(sectionFormValues(flow, section, answers), { section: section.id }), c);
        reqMs.push(r.ms);
        if (r.res.status !== 303 || (r.res.headers.get("location") ?? "").includes(`/q/${section.id}`)) flowErrors++;
      }
      const sub = await post(`/t/${SLUG}/submit`, "", c);
      reqMs.push(sub.ms);
      if (!(sub.res.headers.get("location") ?? "").includes("/merci")) flowErrors++;
    });

    // 3b. The submission alone, on complete drafts prepared in the database.
    const tokens: string[] = [];
    for (let i = 0; i < SUBMITS; i++) {
      const { draft, token } = await createDraft(db, {
        territoryId: territory.id, ...versions, mode: "self", locale: "fr", siteId: null, interviewerId: null, kioskDeviceId: null, currentSection: "verifier",
      });
      await saveAnswers(db, draft, sampleAnswers(flow, codes, seededPick(10_000 + i)), "verifier");
      tokens.push(token);
    }
    const submitMs: number[] = [];
    let submitErrors = 0;
    const submitSeconds = await runPool(SUBMITS, async (i) => {
      const r = await post(`/t/${SLUG}/submit`, "", `${DRAFT_COOKIE}=${tokens[i]}`);
      submitMs.push(r.ms);
      if (!(r.res.headers.get("location") ?? "").includes("/merci")) submitErrors++;
    });
    clearInterval(sampler);

    reqMs.sort((a, b) => a - b);
    submitMs.sort((a, b) => a - b);
    const result = {
      benchmark: "respondent",
      database: "postgres",
      clients: CLIENTS,
      first_load_js_gzip_kb: round(jsGz / 1024),
      section_html_gzip_kb: round(htmlGz / 1024),
      questionnaires: FLOWS,
      questionnaires_per_s: round(FLOWS / flowSeconds),
      questionnaire_request_p95_ms: round(percentile(reqMs, 95)),
      questionnaire_errors: flowErrors,
      submissions: SUBMITS,
      submissions_per_s: round(SUBMITS / submitSeconds),
      submission_p50_ms: round(percentile(submitMs, 50)),
      submission_p95_ms: round(percentile(submitMs, 95)),
      submission_errors: submitErrors,
      server_rss_max_mb: round(rssMax),
    };
    printTable([
      ["first-load JS, gzipped (KB)", result.first_load_js_gzip_kb, "≤ 130"],
      ["section HTML, gzipped (KB)", result.section_html_gzip_kb, "≤ 30"],
      [`whole questionnaires/s (${CLIENTS} clients)`, result.questionnaires_per_s, "—"],
      ["  request p95 (ms)", result.questionnaire_request_p95_ms, "—"],
      [`submissions/s (${CLIENTS} clients)`, result.submissions_per_s, "≥ 300"],
      ["  submission p50 (ms)", result.submission_p50_ms, "—"],
      ["  submission p95 (ms)", result.submission_p95_ms, "≤ 150"],
      ["errors (questionnaires / submissions)", `${flowErrors} / ${submitErrors}`, "0 / 0"],
      ["server RSS under load, max (MB)", result.server_rss_max_mb, "≤ 350"],
    ]);
    console.log(JSON.stringify(result));
  } finally {
    server?.kill("SIGTERM");
  }
  });
}

runBenchmark(main);
