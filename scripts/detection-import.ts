/**
 * npm run detection:import -- --territory <slug> --file <xlsx> [--dry-run] [--skip-invalid]
 * Imports a legacy detection sheet (docs/detection-import.md) into a territory. --dry-run checks and
 * counts without writing. Any problem: every one listed on stderr by row and column, exit code 1,
 * nothing written — unless --skip-invalid, which imports the valid rows and refuses the others.
 * Exit 2 on a usage error. Uses DATABASE_URL or the embedded database.
 */
import { readFileSync, statSync } from "node:fs";
import cliProgress from "cli-progress";
import { closeDb, getDb } from "@/db/client";
import { importLegacyFile } from "@/lib/detection/legacy-import/import-file";
import { formatProblem } from "@/lib/detection/legacy-import/problems";
import { SHEET_LIMITS } from "@/lib/detection/legacy-import/read-sheet";
import { translatorFor } from "@/lib/i18n/translator";
import { getTerritoryBySlug } from "@/lib/territories/queries";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main() {
  const slug = arg("territory");
  const file = arg("file");
  if (!slug || !file) {
    console.error("Usage : npm run detection:import -- --territory <slug> --file <fichier.xlsx> [--dry-run] [--skip-invalid]");
    process.exit(2);
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`Fichier introuvable : ${file}`);
    process.exit(2);
  }
  if (size > SHEET_LIMITS.maxBytes) {
    console.error("Fichier refusé : il dépasse 5 Mo.");
    process.exit(1);
  }
  const db = await getDb();
  const territory = await getTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : ${slug}`);
    await closeDb();
    process.exit(2);
  }
  const dryRun = flag("dry-run");
  const bar = new cliProgress.SingleBar({ format: "Situations {bar} {value}/{total} ({percentage} %)" }, cliProgress.Presets.shades_classic);
  let started = false;
  const result = await importLegacyFile(db, territory.id, new Uint8Array(readFileSync(file)), {
    dryRun, allowRefusals: flag("skip-invalid"), via: "command", now: new Date(),
    onProgress: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  if (started) bar.stop();
  await closeDb();

  const t = translatorFor("fr");
  const errors = result.problems.filter((p) => p.level === "error");
  for (const p of result.problems) console.error(`  ${p.level === "error" ? "✗" : "!"} ${formatProblem(t, p)}`);
  const counts = `${result.dataRows} ligne(s) lue(s) ; ${result.added} ajoutée(s) ; ${result.alreadyPresent} déjà présente(s) ; ${result.refused} refusée(s)`;
  if (!result.accepted || (dryRun && errors.length)) {
    console.error(`${dryRun ? "Essai" : "Import refusé"} pour ${territory.name} : ${errors.length} problème(s). ${dryRun ? counts : "Rien n'a été enregistré."}`);
    process.exit(1);
  }
  console.log(`${dryRun ? "Essai (rien n'est enregistré)" : "Import terminé"} pour ${territory.name} : ${counts}.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
