import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dashboardCodes } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import { listCatalogue } from "@/lib/benefits/catalogue";

/**
 * The benefits a territory's dashboards know: its catalogue (lib/benefits: the common
 * questionnaire's benefits and its own, in its order, archived ones included since older answers
 * hold them), then any other code its answers used, as the facts trigger first saw them
 * (dashboard_codes). No list to maintain: a new benefit flows in with the catalogue or its answers.
 */
export async function listTerritoryBenefitCodes(db: Db, territoryId: string): Promise<string[]> {
  return (await benefitsOf(db, territoryId)).map((b) => b.code);
}

/** The catalogue's entries (common ones first unless reordered, own ones, archived too), then other codes answered. */
async function benefitsOf(db: Db, territoryId: string) {
  const [seen, catalogue] = await Promise.all([
    db.select({ code: dashboardCodes.code }).from(dashboardCodes)
      .where(and(eq(dashboardCodes.territoryId, territoryId), eq(dashboardCodes.dictionary, "benefit")))
      .orderBy(asc(dashboardCodes.position)),
    listCatalogue(db, territoryId),
  ]);
  const known = new Set(catalogue.map((e) => e.code));
  return [
    ...catalogue.map((e) => ({ code: e.code, fr: e.labelFr, en: e.labelEn || e.labelFr })),
    ...seen.filter((s) => !known.has(s.code)).map((s) => ({ code: s.code, fr: s.code, en: s.code })),
  ];
}

/** Labels of a territory's benefits for the dashboards, by code (a code outside the catalogue shows as itself). */
export async function loadTerritoryBenefitLabels(db: Db, territoryId: string, locale: Locale): Promise<{ value: string; label: string }[]> {
  return (await benefitsOf(db, territoryId)).map((b) => ({ value: b.code, label: b[locale] }));
}
