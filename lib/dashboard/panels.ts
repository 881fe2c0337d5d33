import type { Db } from "@/db/client";
import type { TerritorySettings } from "@/db/schema/territories";
import type { DashboardFilters } from "./filters";
import { dashboardFunnel } from "./funnel";
import { collectionProgress } from "./progress";
import type { DashboardView } from "./view";

export type DashboardPanels = {
  progress: Awaited<ReturnType<typeof collectionProgress>>;
  funnel: Awaited<ReturnType<typeof dashboardFunnel>>;
};

/**
 * Collection progress and the rights-review funnel of a view: the same period (the committee's
 * whole months), source and audience as its figures, so that they never disagree with the map.
 */
export async function loadPanels(
  db: Db, territory: { id: string; settings: TerritorySettings | null }, filters: DashboardFilters, view: DashboardView,
): Promise<DashboardPanels> {
  const counted = { ...filters, from: view.period.from ?? undefined, to: view.period.to ?? undefined };
  const [progress, funnel] = await Promise.all([
    collectionProgress(db, territory.id, counted, view.threshold, territory.settings?.collectionTarget ?? null, view.audience),
    dashboardFunnel(db, territory.id, counted, view.threshold, view.audience),
  ]);
  return { progress, funnel };
}
