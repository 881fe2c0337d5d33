import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { importModuleFile } from "./import-module";

/** The demo territories' modules, shipped as XLSForm files (fixtures/modules/<slug>.xlsx). */
export const MODULE_FIXTURES_DIR = path.join(process.cwd(), "fixtures", "modules");

export function moduleFixturePath(slug: string): string | null {
  if (!/^[a-z0-9-]+$/.test(slug)) return null;
  const file = path.join(MODULE_FIXTURES_DIR, `${slug}.xlsx`);
  return existsSync(file) ? file : null;
}

/** Imports and publishes the territory's fixture module, if there is one (idempotent). */
export async function importModuleFixture(db: Db, slug: string, territoryId: string) {
  const file = moduleFixturePath(slug);
  if (!file) return null;
  return importModuleFile(db, territoryId, new Uint8Array(readFileSync(file)), "system", `fixture:${slug}`);
}
