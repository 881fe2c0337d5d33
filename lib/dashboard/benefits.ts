import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dashboardCodes } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import { BENEFITS } from "@/lib/questionnaire/content/benefits";

/**
 * The benefits a territory's dashboards know: the common questionnaire's (in its order), then
 * every other code its answers used (a territory's own benefits), as the facts trigger first
 * saw them (dashboard_codes). No list to maintain: a new benefit flows in with its answers.
 */
export async function listTerritoryBenefitCodes(db: Db, territoryId: string): Promise<string[]> {
  const seen = await db.select({ code: dashboardCodes.code }).from(dashboardCodes)
    .where(and(eq(dashboardCodes.territoryId, territoryId), eq(dashboardCodes.dictionary, "benefit")))
    .orderBy(asc(dashboardCodes.position));
  const common = BENEFITS.map((b) => b.value);
  return [...common, ...seen.map((s) => s.code).filter((c) => !common.includes(c))];
}

/**
 * Labels of a territory's benefits for the dashboards, by code.
 * COORDINATOR: wire the territory's benefit catalogue (`territory_benefits`, branch of helper H3)
 * here — this is the only place the dashboards read benefit labels from. Until then a benefit
 * outside the common questionnaire is shown by its code.
 */
export async function loadTerritoryBenefitLabels(db: Db, territoryId: string, locale: Locale): Promise<{ value: string; label: string }[]> {
  const codes = await listTerritoryBenefitCodes(db, territoryId);
  return codes.map((code) => ({ value: code, label: BENEFITS.find((b) => b.value === code)?.label[locale] ?? code }));
}
