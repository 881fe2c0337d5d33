/**
 * npm run module:import -- --territory <slug> --file <xlsform.xlsx>
 * Imports a territory's module from an XLSForm file and publishes it (a new version only if it
 * changed; earlier responses keep theirs). On refusal: every fault with its sheet, row and
 * column on stderr, exit code 1 (2 for a usage error). Uses DATABASE_URL or the embedded database.
 */
import { readFileSync } from "node:fs";
import { closeDb, getDb } from "@/db/client";
import { territoryAndFile, territoryOrExit } from "@/lib/cli/args";
import { DEFAULT_ZIP_LIMITS } from "@/lib/files/safe-zip";
import { translatorFor } from "@/lib/i18n/translator";
import { importModuleFile } from "@/lib/modules/import-module";
import { formatIssue } from "@/lib/modules/xlsform/format-issue";
import { XlsformError, type XlsformIssue } from "@/lib/modules/xlsform/issues";

function refuse(issues: XlsformIssue[]): never {
  const t = translatorFor("fr");
  console.error(`Module refusé (${issues.length} erreur${issues.length > 1 ? "s" : ""}) :`);
  for (const issue of issues) console.error(`  - ${formatIssue(t, issue)}`);
  process.exit(1);
}

async function main() {
  const { slug, file, size } = territoryAndFile("Usage : npm run module:import -- --territory <slug> --file <xlsform.xlsx>");
  if (size > DEFAULT_ZIP_LIMITS.maxBytes) refuse([{ code: "file_too_large", sheet: "", params: { max: "2 Mo" } }]);
  const db = await getDb();
  const territory = await territoryOrExit(db, slug);
  try {
    const result = await importModuleFile(db, territory.id, new Uint8Array(readFileSync(file)), "system", "command");
    console.log(result.created
      ? `Module « ${result.key} » publié pour ${territory.name} : version ${result.version}.`
      : `Module « ${result.key} » inchangé pour ${territory.name} : la version ${result.version} est déjà publiée.`);
  } catch (err) {
    await closeDb();
    if (err instanceof XlsformError) refuse(err.issues);
    throw err;
  }
  await closeDb();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
