#!/usr/bin/env node
// `npm start`: build when the sources changed since the last build, migrate and seed the demo
// data (idempotent), then serve on http://localhost:3000 (PORT to change it).
// Embedded PGlite in .data/ unless DATABASE_URL is set.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function newestMtime(entries) {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  entries.forEach(walk);
  return newest;
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Development secrets, generated once into the data folder (never committed) when none is
// configured: the session signing secret and the contact-data encryption key.
const dataDir = path.resolve(process.env.BAROMETRE_DATA_DIR || ".data");
fs.mkdirSync(dataDir, { recursive: true });
function devSecret(variable, file, encoding) {
  if (process.env[variable]) return;
  const p = path.join(dataDir, file);
  if (!fs.existsSync(p)) fs.writeFileSync(p, randomBytes(32).toString(encoding), { mode: 0o600 });
  process.env[variable] = fs.readFileSync(p, "utf8").trim();
}
devSecret("NEXTAUTH_SECRET", "nextauth-secret", "base64url");
devSecret("BAROMETRE_CONTACT_KEY", "contact-key", "base64");
const port = process.env.PORT || "3000";
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
process.env.PGLITE_DATA_DIR ||= path.join(dataDir, "pglite");
// The embedded demo gets clearly marked synthetic responses once, so that the committee
// dashboards have something to show (never on a real PostgreSQL unless asked for).
if (!process.env.DATABASE_URL) process.env.BAROMETRE_SEED_SYNTHETIC ??= "montpellier:600,grenoble:300,demo:300";

const stamp = path.join(root, ".next", "barometre-build-stamp");
const sources = ["app", "components", "lib", "db", "messages", "types", "next.config.ts", "package.json", "tsconfig.json"];
const built = fs.existsSync(stamp) ? Number(fs.readFileSync(stamp, "utf8")) : 0;
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || newestMtime(sources) > built) {
  console.log("Building the portal (first run or sources changed)…");
  run(bin("next"), ["build"]);
  fs.writeFileSync(stamp, String(Date.now()));
}

run(bin("tsx"), ["db/seed.ts"]);

const server = spawn(bin("next"), ["start", "-p", port], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
