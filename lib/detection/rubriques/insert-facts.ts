import type { Db } from "@/db/client";
import { detectionHouseholds, detectionSituationFormes, detectionSituations } from "@/db/schema";
import { listServices } from "../services";
import type { SituationFact } from "./facts";

/**
 * Test support: writes facts as rows of one territory (households, situations, formes), the
 * causal links drawn from `causedBy` (fact id → causing fact id) or the legacy flag otherwise.
 * Workers are written as legacy worker codes; sectors and neighbourhoods through `areas`.
 */
export async function insertFacts(
  db: Db, territoryId: string, facts: SituationFact[], opts: { causedBy?: Record<string, string>; areas?: Record<string, string> } = {},
): Promise<Record<string, string>> {
  const services = await listServices(db, territoryId);
  const area = (k: string) => (k ? opts.areas?.[k] ?? null : null);
  const households = new Map<string, string>();
  for (const f of facts) {
    if (households.has(f.household)) continue;
    const [h] = await db.insert(detectionHouseholds).values({ territoryId, code: `T-${f.household.toUpperCase()}`, neighbourhoodId: area(f.neighbourhood) }).returning({ id: detectionHouseholds.id });
    households.set(f.household, h.id);
  }
  const ids: Record<string, string> = {};
  for (const f of facts) {
    const causing = opts.causedBy?.[f.id];
    const [s] = await db.insert(detectionSituations).values({
      territoryId, householdId: households.get(f.household)!, idempotencyKey: `test:${f.id}`, source: "import", detectedOn: f.detectedOn,
      serviceId: services.find((x) => x.code === f.service)!.id, workerLabel: f.worker ? f.worker.replace(/^label:/, "") : null,
      sectorId: area(f.sector), peopleConcerned: f.people, financial: f.financial, benefitCode: f.benefit, domain: f.domain, actors: f.actors,
      intensity: f.intensity, causedById: causing ? ids[causing] : null, causedFlag: f.caused && !causing, actions: f.actions, timeMinutes: f.minutes,
      missedMonthly: f.missedMonthly?.toString(), missedMonths: f.missedMonths, optionalAidRequested: f.aidRequested,
      optionalAidGranted: f.aidGranted?.toString(), status: f.status, resolution: f.resolution, openedMonthly: f.openedMonthly?.toString(),
    }).returning({ id: detectionSituations.id });
    ids[f.id] = s.id;
    if (f.formes.length) {
      await db.insert(detectionSituationFormes).values(f.formeReasons.map((fr) => {
        const [forme, reason] = fr.split("|");
        return { situationId: s.id, territoryId, forme, reason: reason || null };
      }));
    }
  }
  return ids;
}
