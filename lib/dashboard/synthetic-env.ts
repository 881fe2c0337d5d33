import type { Db } from "@/db/client";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { generateSyntheticResponses } from "./synthetic";
import { syntheticCount } from "./view";

/**
 * BAROMETRE_SEED_SYNTHETIC="montpellier:600,grenoble:300": synthetic responses added by the
 * seed to territories that have none yet (idempotent). Set by the browser tests' server
 * (scripts/e2e-server.mjs) so that the dashboards have deterministic data to show; unset
 * everywhere else.
 */
export async function seedSyntheticFromEnv(db: Db, log: (s: string) => void = () => {}, spec = process.env.BAROMETRE_SEED_SYNTHETIC) {
  if (!spec) return;
  for (const part of spec.split(",")) {
    const m = /^([a-z0-9-]+):(\d{1,7})$/.exec(part.trim());
    if (!m) throw new Error(`BAROMETRE_SEED_SYNTHETIC: "${part}" is not slug:count`);
    const territory = await getTerritoryBySlug(db, m[1]);
    if (!territory || (await syntheticCount(db, territory.id)) > 0) continue;
    await generateSyntheticResponses(db, territory.id, { responses: Number(m[2]), seed: 1 });
    log(`Synthetic responses: ${m[2]} added to ${m[1]} (BAROMETRE_SEED_SYNTHETIC).`);
  }
}
