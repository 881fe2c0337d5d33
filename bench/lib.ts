import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Handle } from "@/db/client";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import fs from "node:fs";
import path from "node:path";

/** Shared helpers of the benchmark scripts: percentiles, process memory, a server to measure. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Resident memory (MB) of a process and all its descendants, from /proc. */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* process ended while reading */
    }
  }
  let kb = 0;
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* ended */
    }
    (children.get(p) ?? []).forEach(walk);
  };
  walk(pid);
  return kb / 1024;
}

export async function startServer(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const root = path.resolve(import.meta.dirname, "..");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("Build first: npm run build");
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(port)], {
    cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return server;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error("Server did not start");
}

export function printTable(rows: [string, string | number, string][]) {
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => String(r[1]).length))];
  console.log(`${"metric".padEnd(w[0])}  ${"value".padStart(w[1])}  target`);
  for (const [k, v, t] of rows) console.log(`${k.padEnd(w[0])}  ${String(v).padStart(w[1])}  ${t}`);
}

/**
 * Runs a benchmark in a throw-away PostgreSQL database created on DATABASE_URL's server (default
 * the local `test` database), migrated, and dropped at the end whatever happens.
 */
export async function withThrowawayDatabase(fn: (handle: Handle, url: string) => Promise<void>, poolSize = 10) {
  const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
  const dbName = `barometre_bench_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const handle = await openDatabase({ url: url.toString(), poolSize });
  try {
    await fn(handle, url.toString());
  } finally {
    await handle.close();
    await new Promise((r) => setTimeout(r, 500));
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

export function runBenchmark(main: () => Promise<void>) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

/** A numeric command-line option, `--name <n>`, with its default. */
export function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

/** Signs a demo account in through next-auth's credentials flow; returns the session cookie. */
export async function signInForBench(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error("sign-in failed");
  return session;
}
