import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { benefitCatalogue } from "@/db/schema/callbacks";
import { territoryBenefits } from "@/db/schema/territories";

/**
 * The benefit codes a help point may name, with their French label: the territory's review
 * catalogue (seeded everywhere) plus the questionnaire's benefit list (its labels win).
 */
export async function territoryBenefitLabels(db: Db | Tx, territoryId: string): Promise<Map<string, string>> {
  const [catalogue, listed] = await Promise.all([
    db.select({ code: benefitCatalogue.code, name: benefitCatalogue.name }).from(benefitCatalogue)
      .where(eq(benefitCatalogue.territoryId, territoryId)).orderBy(asc(benefitCatalogue.sort)),
    db.select({ code: territoryBenefits.code, name: territoryBenefits.labelFr }).from(territoryBenefits)
      .where(and(eq(territoryBenefits.territoryId, territoryId), isNull(territoryBenefits.archivedAt))).orderBy(asc(territoryBenefits.position)),
  ]);
  return new Map([...catalogue, ...listed].map((b) => [b.code, b.name]));
}
