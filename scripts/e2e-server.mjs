#!/usr/bin/env node
// The server of the browser tests: a fresh embedded database in a throw-away folder every run,
// then the same start path as `npm start` (build if needed, migrate, seed, serve).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "barometre-e2e-"));
process.env.BAROMETRE_DATA_DIR = dir;
process.env.PGLITE_DATA_DIR = path.join(dir, "pglite");
delete process.env.DATABASE_URL;
// Deterministic synthetic responses for the dashboards' browser test (excluded from every
// other count: they are marked synthetic).
process.env.BAROMETRE_SEED_SYNTHETIC ??= "montpellier:600";
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
await import("./start.mjs");
