import type { Db } from "@/db/client";
import { ensureTerritory, upsertSites } from "@/lib/territories/upsert-territory";
import type { ImportDiff } from "./diff";
import { manifestLevelFiles, manifestSites, type Manifest } from "./manifest";
import { planImport } from "./plan";
import { DEFAULT_LIMITS, type Issue, type LevelPlan } from "./types";
import { applyImport, type ImportActor } from "./write";

export type ManifestImportResult =
  | { ok: true; territoryId: string; diff: ImportDiff; levels: LevelPlan[]; sites: number }
  | { ok: false; issues: Issue[] };

/**
 * Imports a shipped territory (fixtures/territories/<slug>/manifest.json) through the boundaries
 * import: validate every level, then create the territory if needed, write the areas in one
 * transaction and upsert the sites. Nothing is written when any file is refused.
 */
export async function importManifest(
  db: Db, dir: string, manifest: Manifest,
  opts: { actor?: ImportActor; now?: Date; onLevel?: (done: number, total: number) => void } = {},
): Promise<ManifestImportResult> {
  const { plan, issues } = planImport(manifestLevelFiles(dir, manifest), DEFAULT_LIMITS, opts.onLevel);
  if (!plan) return { ok: false, issues };
  const sites = manifestSites(dir, manifest);
  const territoryId = await ensureTerritory(db, manifest.slug, manifest.name);
  const diff = await applyImport(db, territoryId, plan, opts.actor ?? { kind: "system" }, opts.now);
  await upsertSites(db, territoryId, sites);
  return { ok: true, territoryId, diff, levels: plan.levels, sites: sites.length };
}
