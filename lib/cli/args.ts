import { statSync } from "node:fs";
import { closeDb, type Db } from "@/db/client";
import { getTerritoryBySlug } from "@/lib/territories/queries";

/** `--name value` from the command line. */
export function cliArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const cliFlag = (name: string) => process.argv.includes(`--${name}`);

/**
 * The territory slug and file a command needs, and the file's size: exits 2 with the usage line
 * when one is missing, or when the file does not exist.
 */
export function territoryAndFile(usage: string): { slug: string; file: string; size: number } {
  const slug = cliArg("territory");
  const file = cliArg("file");
  if (!slug || !file) {
    console.error(usage);
    process.exit(2);
  }
  try {
    return { slug, file, size: statSync(file).size };
  } catch {
    console.error(`Fichier introuvable : ${file}`);
    process.exit(2);
  }
}

/** The territory of that slug; exits 2 (database closed) when there is none. */
export async function territoryOrExit(db: Db, slug: string) {
  const territory = await getTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : ${slug}`);
    await closeDb();
    process.exit(2);
  }
  return territory;
}
