/**
 * npm run territory:import -- --manifest fixtures/territories/<slug>/manifest.json
 * npm run territory:import -- --territory <slug> [--name "…"] --level key:Name:file:codeProp:nameProp[:parentProp] …
 *   (each file a GeoJSON, or a zip holding one)
 * Imports (or re-imports, as a new vintage) a territory's boundaries through the same library as
 * the staff page (lib/territories/boundaries). Exit code 1 with the precise messages on refusal.
 * Uses DATABASE_URL (PostgreSQL) or the embedded database, like the portal.
 */
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { closeDb, getDb } from "@/db/client";
import { parseImportArgs, USAGE } from "@/lib/territories/boundaries/cli-args";
import type { ImportDiff } from "@/lib/territories/boundaries/diff";
import { importManifest } from "@/lib/territories/boundaries/import-manifest";
import { readManifest } from "@/lib/territories/boundaries/manifest";
import { formatIssue } from "@/lib/territories/boundaries/messages";
import { planImport } from "@/lib/territories/boundaries/plan";
import { DEFAULT_LIMITS, type Issue } from "@/lib/territories/boundaries/types";
import { decodeLevelFile } from "@/lib/territories/boundaries/upload";
import { applyImport } from "@/lib/territories/boundaries/write";
import { translatorFor } from "@/lib/i18n/translator";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { ensureTerritory } from "@/lib/territories/upsert-territory";

function refuse(lines: string[]): never {
  console.error(lines.join("\n"));
  process.exit(1);
}

function printDiff(diff: ImportDiff) {
  for (const l of diff.levels) {
    console.log(`${l.name} (${l.key}) : ${l.added.length} ajoutée(s), ${l.retired.length} retirée(s), ${l.renamed.length} renommée(s), ` +
      `${l.reshaped.length} contour(s) modifié(s), ${l.reparented.length} rattachement(s) changé(s), ${l.unchanged} inchangée(s).`);
    const list = (label: string, items: string[]) => items.length && console.log(`  ${label} : ${items.slice(0, 20).join(", ")}${items.length > 20 ? ", …" : ""}`);
    list("ajoutées", l.added.map((a) => `${a.name} (${a.code})`));
    list("retirées", l.retired.map((a) => `${a.name} (${a.code})`));
    list("renommées", l.renamed.map((a) => `${a.from} → ${a.to} (${a.code})`));
  }
  if (diff.retiredLevels.length) console.log(`Niveaux retirés : ${diff.retiredLevels.join(", ")}.`);
  if (!diff.changed) console.log("Rien n'a changé.");
}

async function main() {
  const args = parseImportArgs(process.argv.slice(2));
  if ("error" in args) refuse([args.error, USAGE]);
  const bar = new cliProgress.SingleBar({ format: "Import des limites {bar} {value}/{total} étapes" }, cliProgress.Presets.shades_classic);
  const db = await getDb();
  let diff: ImportDiff;
  let issues: Issue[] = [];
  if (args.kind === "manifest") {
    if (!fs.existsSync(args.manifest)) refuse([`Fichier introuvable : ${args.manifest}`]);
    const manifest = readManifest(args.manifest);
    bar.start(manifest.levels.length + 1, 0);
    const r = await importManifest(db, path.dirname(args.manifest), manifest, { onLevel: (d) => bar.update(d) });
    bar.update(manifest.levels.length + 1);
    bar.stop();
    if (!r.ok) issues = r.issues;
    else diff = r.diff;
  } else {
    const missing = args.levels.filter((l) => !fs.existsSync(l.path));
    if (missing.length) refuse(missing.map((l) => `Fichier introuvable : ${l.path}`));
    const existing = await getTerritoryBySlug(db, args.territory);
    if (!existing && !args.name) refuse([`Territoire inconnu : ${args.territory}. Ajoutez --name "…" pour le créer.`]);
    bar.start(args.levels.length + 1, 0);
    const files = [];
    for (const l of args.levels) {
      const decoded = decodeLevelFile(path.basename(l.path), new Uint8Array(fs.readFileSync(l.path)));
      if ("error" in decoded) {
        bar.stop();
        const t = translatorFor("fr") as unknown as (key: string, values?: Record<string, string | number>) => string;
        const detail = decoded.error.detail ? t(`boundaryImport.errors.zipDetail.${decoded.error.detail}`) : "";
        refuse([`${l.path} : ${t(`boundaryImport.errors.${decoded.error.code}`, { n: files.length + 1, detail })}`]);
      }
      files.push({ ...l, ...decoded });
    }
    const { plan, issues: found } = planImport(files, DEFAULT_LIMITS, (d) => bar.update(d));
    issues = found;
    if (plan) {
      const territoryId = existing?.id ?? (await ensureTerritory(db, args.territory, args.name!));
      diff = await applyImport(db, territoryId, plan, { kind: "system" });
    }
    bar.update(args.levels.length + 1);
    bar.stop();
  }
  if (issues.length) {
    await closeDb();
    refuse([`Import refusé, rien n'a été enregistré (${issues.length} problème(s)) :`, ...issues.map((i) => `- ${formatIssue(i)}`)]);
  }
  printDiff(diff!);
  await closeDb();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
