import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { helpPoints } from "@/db/schema/places";
import { flatRowsFromJson } from "./data-inclusion";
import { importHelpPoints, type ImportReport } from "./store";

/** fixtures/places/<slug>.json (see its PROVENANCE.md). */
export const placesFixture = (slug: string) => path.join(process.cwd(), "fixtures", "places", `${slug}.json`);

/**
 * Demo help points through the data·inclusion importer. Idempotent and never over a lead's edit:
 * only the fixture's places not already in the territory (by source key) are imported.
 */
export async function seedDemoHelpPoints(db: Db, territoryId: string, slug: string): Promise<ImportReport | null> {
  const file = placesFixture(slug);
  if (!existsSync(file)) return null;
  const rows = flatRowsFromJson(JSON.parse(readFileSync(file, "utf8")));
  if (!rows) throw new Error(`Help points fixture ${slug}: not a data·inclusion structures document`);
  const known = new Set((await db.select({ k: helpPoints.sourceKey }).from(helpPoints).where(eq(helpPoints.territoryId, territoryId))).map((r) => r.k));
  const missing = rows.filter((r) => !known.has(String(r.id)));
  if (missing.length === 0) return null;
  const report = await importHelpPoints(db, territoryId, missing, { dryRun: false, firstRowNumber: 1, source: "fixture", actor: { userId: null, kind: "system" } });
  if (!report.ok) throw new Error(`Help points fixture ${slug} refused: ${report.issues.map((i) => `${i.row}:${i.column}: ${i.message}`).join("; ")}`);
  return report;
}
