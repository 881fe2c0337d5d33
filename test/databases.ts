import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Handle } from "@/db/client";

/**
 * Integration tests run on every engine available: PGlite always, PostgreSQL when
 * DATABASE_URL is set (CI sets it). Each test file gets its own fresh, migrated database.
 */
export type EngineName = "pglite" | "postgres";
export const ENGINES: EngineName[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TestDatabase = Handle & { dispose: () => Promise<void> };

export async function openTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "barometre-test-"));
    const h = await openDatabase({ dataDir: dir });
    return { ...h, dispose: async () => { await h.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `barometre_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const h = await openDatabase({ url: url.toString(), poolSize: 20 });
  return {
    ...h,
    dispose: async () => {
      await h.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The demo territories shipped with the project (fixtures/territories: Montpellier, Grenoble). */
export const DEMO_GEO_DIR = path.resolve(import.meta.dirname, "../fixtures/territories");
export const HAS_DEMO_GEO = fs.existsSync(path.join(DEMO_GEO_DIR, "montpellier", "manifest.json"));
