import type { Db } from "@/db/client";
import { callbackFunnel, callbackFunnelByBenefit } from "@/lib/callbacks/funnel";
import type { DashboardFilters } from "./filters";
import { parisMidnight } from "./period";
import { isPrimarySuppressed } from "./suppression";

export type FunnelStep = { key: string; count: number | null };
export type FunnelBenefit = { benefit: string; reviewed: number | null; eligible: number | null; opened: number | null; suppressed: boolean };


/**
 * The rights-review funnel (opted in → reached → reviewed → rights opened) and its detail per
 * benefit, with small counts hidden: a step below k shows as hidden; a benefit row is hidden
 * whole when any of its counts (or a difference between them) is a group smaller than k.
 */
export async function dashboardFunnel(db: Db, territoryId: string, f: DashboardFilters, k: number) {
  const from = f.from ? parisMidnight(f.from) : undefined;
  const to = f.to ? parisMidnight(f.to, 1) : undefined;
  const [steps, perBenefit] = await Promise.all([callbackFunnel(db, territoryId, from, to), callbackFunnelByBenefit(db, territoryId, from, to)]);
  const opened = steps.rightsOpened.reduce((n, r) => n + r.count, 0);
  const hide = (n: number) => (n > 0 && n < k ? null : n);
  return {
    steps: [
      { key: "optedIn", count: hide(steps.optedIn) }, { key: "reached", count: hide(steps.reached) },
      { key: "reviewed", count: hide(steps.reviewed) }, { key: "opened", count: hide(opened) },
    ] as FunnelStep[],
    byBenefit: perBenefit.map((b): FunnelBenefit => {
      const suppressed = isPrimarySuppressed(b.eligible, b.reviewed, k) || (b.eligible > 0 && isPrimarySuppressed(b.opened, b.eligible, k));
      return suppressed
        ? { benefit: b.benefit, reviewed: null, eligible: null, opened: null, suppressed }
        : { benefit: b.benefit, reviewed: b.reviewed, eligible: b.eligible, opened: b.opened, suppressed };
    }),
  };
}
