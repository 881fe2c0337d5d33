import type { LevelMapping } from "./types";

export type LevelArg = LevelMapping & { path: string };
export type ImportArgs =
  | { kind: "manifest"; manifest: string }
  | { kind: "levels"; territory: string; name?: string; levels: LevelArg[] };

export const USAGE = `Usage :
  npm run territory:import -- --manifest fixtures/territories/<slug>/manifest.json
  npm run territory:import -- --territory <slug> [--name "Nom" pour le créer] \\
    --level clé:Nom:fichier.geojson:propriétéCode:propriétéNom[:propriétéCodeParent] …   (du plus grossier au plus fin)`;

/** Reads the command's arguments; returns a French message on a wrong one. */
export function parseImportArgs(argv: string[]): ImportArgs | { error: string } {
  const values = (flag: string) => argv.flatMap((a, i) => (a === flag && i + 1 < argv.length ? [argv[i + 1]] : []));
  const [manifest] = values("--manifest");
  if (manifest) return { kind: "manifest", manifest };
  const [territory] = values("--territory");
  if (!territory) return { error: "Indiquez --manifest ou --territory." };
  if (!/^[a-z0-9-]{2,40}$/.test(territory)) return { error: `Identifiant de territoire invalide : « ${territory} » (lettres minuscules, chiffres et tirets).` };
  const specs = values("--level");
  if (specs.length === 0) return { error: "Indiquez au moins un --level." };
  const levels: LevelArg[] = [];
  for (const spec of specs) {
    const parts = spec.split(":");
    if (parts.length < 5 || parts.length > 6 || parts.some((p, i) => p.trim() === "" && i < 5)) {
      return { error: `--level « ${spec} » : attendu clé:Nom:fichier:propriétéCode:propriétéNom[:propriétéCodeParent].` };
    }
    const [key, name, path, codeProperty, nameProperty, parentProperty] = parts.map((p) => p.trim());
    if (!/^[a-z0-9_]{1,40}$/.test(key)) return { error: `--level « ${spec} » : la clé « ${key} » doit être en minuscules, chiffres et _.` };
    levels.push({ key, name, path, codeProperty, nameProperty, ...(parentProperty ? { parentProperty } : {}) });
  }
  const [name] = values("--name");
  return { kind: "levels", territory, ...(name ? { name } : {}), levels };
}
