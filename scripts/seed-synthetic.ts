/**
 * npm run seed:synthetic -- --territory <slug> --responses <n> [--seed <n>]
 * npm run seed:synthetic -- --territory <slug> --remove
 * Adds (or removes) clearly marked synthetic responses for demonstrations and benchmarks.
 * Uses DATABASE_URL (PostgreSQL) or the embedded database, like the portal.
 */
import cliProgress from "cli-progress";
import { closeDb, getDb } from "@/db/client";
import { generateSyntheticResponses, removeSyntheticResponses } from "@/lib/dashboard/synthetic";
import { getTerritoryBySlug } from "@/lib/territories/queries";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const slug = arg("territory");
  const remove = process.argv.includes("--remove");
  const n = Number(arg("responses") ?? (remove ? 0 : NaN));
  if (!slug || (!remove && !(Number.isInteger(n) && n > 0 && n <= 10_000_000))) {
    console.error("Usage : npm run seed:synthetic -- --territory <slug> --responses <n> | --remove");
    process.exit(2);
  }
  const db = await getDb();
  const territory = await getTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : ${slug}`);
    process.exit(2);
  }
  if (remove) {
    const removed = await removeSyntheticResponses(db, territory.id);
    console.log(`${removed} réponse(s) synthétique(s) supprimée(s) pour ${territory.name}.`);
  } else {
    const bar = new cliProgress.SingleBar({ format: "Réponses synthétiques {bar} {value}/{total} ({percentage} %) — {eta_formatted}" }, cliProgress.Presets.shades_classic);
    bar.start(n, 0);
    const t0 = Date.now();
    await generateSyntheticResponses(db, territory.id, { responses: n, seed: Number(arg("seed") ?? 1), onProgress: (d) => bar.update(d) });
    bar.stop();
    console.log(`${n} réponses synthétiques ajoutées à ${territory.name} en ${((Date.now() - t0) / 1000).toFixed(1)} s (marquées « synthetic », supprimables avec --remove).`);
  }
  await closeDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
