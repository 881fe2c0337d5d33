/** Prints EXPLAIN ANALYZE of the dashboard's aggregate on DATABASE_URL (a diagnosis aid for bench:dashboard). */
import { sql } from "drizzle-orm";
import { closeDb, getDb, rows } from "@/db/client";
import { aggregateQuery } from "@/lib/dashboard/aggregate";
import { listLevels } from "@/lib/dashboard/areas";
import { parseDashboardFilters } from "@/lib/dashboard/filters";
import { getTerritoryBySlug } from "@/lib/territories/queries";

async function main() {
  const db = await getDb();
  const t = (await getTerritoryBySlug(db, process.argv[2] ?? "montpellier"))!;
  const levels = await listLevels(db, t.id);
  const f = parseDashboardFilters(new URLSearchParams(process.argv[3] ?? "indicator=forme.non_demande&benefit=rsa&sex=femme&mode=self&source=synthetic")).filters;
  const { query } = aggregateQuery(f, { territoryId: t.id, levelId: levels[0].id });
  for (const r of await rows<Record<string, string>>(db, sql`explain (analyze, buffers) ${query}`)) console.log(Object.values(r)[0]);
  await closeDb();
}
main();
