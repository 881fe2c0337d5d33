import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { importLegacyFile, type ImportResult } from "./legacy-import/import-file";

/** The synthetic Grenoble 2015 sheet (scripts/build-detection-fixture.ts; fixtures/detection/README.md). */
export const GRENOBLE_FIXTURE = path.join(process.cwd(), "fixtures", "detection", "grenoble-2015-synthetique.xlsx");
const FIXTURES: Record<string, string> = { grenoble: GRENOBLE_FIXTURE };

/**
 * Demo detection data: the synthetic Grenoble 2015 sheet imported through the legacy import, so
 * the rubriques show the report's published figures. Idempotent: a dry run first, and nothing is
 * written (not even an audit row) when every row is already there. Other territories get nothing.
 */
export async function seedDemoDetection(db: Db, territoryId: string, slug: string, now = new Date()): Promise<ImportResult | null> {
  const file = FIXTURES[slug];
  if (!file || !existsSync(file)) return null;
  const bytes = new Uint8Array(readFileSync(file));
  const check = await importLegacyFile(db, territoryId, bytes, { dryRun: true, via: "seed", now });
  if (!check.accepted) throw new Error(`Detection fixture ${slug} refused: ${check.problems.map((p) => `${p.row}:${p.column}:${p.code}`).join(", ")}`);
  if (check.added === 0) return check;
  return importLegacyFile(db, territoryId, bytes, { dryRun: false, via: "seed", now });
}
