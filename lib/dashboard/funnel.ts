import type { Db } from "@/db/client";
import { callbackFunnel, callbackFunnelByBenefit } from "@/lib/callbacks/funnel";
import type { Audience } from "./audience";
import type { DashboardFilters } from "./filters";
import { CELL_KEY_MODULUS, perturbCount } from "./perturbation";
import { parisMidnight } from "./period";
import { isPrimarySuppressed } from "./suppression";

export type FunnelStep = { key: string; count: number | null };
export type FunnelBenefit = { benefit: string; reviewed: number | null; eligible: number | null; opened: number | null; suppressed: boolean };

/**
 * The rights-review funnel (opted in → reached → reviewed → rights opened) and its detail per
 * benefit, with small counts hidden: a step below k shows as hidden; a benefit row is hidden
 * whole when any of its counts (or a difference between them) is a group smaller than k.
 * The committee's counts are perturbed by their cell keys first (decision 0007).
 */
export async function dashboardFunnel(db: Db, territoryId: string, f: DashboardFilters, k: number, audience: Audience) {
  const from = f.from ? parisMidnight(f.from) : undefined;
  const to = f.to ? parisMidnight(f.to, 1) : undefined;
  const [steps, perBenefit] = await Promise.all([callbackFunnel(db, territoryId, from, to), callbackFunnelByBenefit(db, territoryId, from, to)]);
  const perturbed = audience === "committee";
  const count = (n: number, key: number) => (perturbed ? perturbCount(n, key) : n);
  const opened = count(
    steps.rightsOpened.reduce((n, r) => n + r.count, 0),
    perBenefit.reduce((s, b) => (s + b.cellKeys.opened) % CELL_KEY_MODULUS, 0),
  );
  const hide = (n: number) => (n > 0 && n < k ? null : n);
  return {
    steps: [
      { key: "optedIn", count: hide(count(steps.optedIn, steps.cellKeys.optedIn)) },
      { key: "reached", count: hide(count(steps.reached, steps.cellKeys.reached)) },
      { key: "reviewed", count: hide(count(steps.reviewed, steps.cellKeys.reviewed)) },
      { key: "opened", count: hide(opened) },
    ] as FunnelStep[],
    byBenefit: perBenefit.map((raw): FunnelBenefit => {
      const reviewed = count(raw.reviewed, raw.cellKeys.reviewed);
      const eligible = Math.min(reviewed, count(raw.eligible, raw.cellKeys.eligible));
      const opened = Math.min(eligible, count(raw.opened, raw.cellKeys.opened));
      const suppressed = isPrimarySuppressed(eligible, reviewed, k) || (eligible > 0 && isPrimarySuppressed(opened, eligible, k));
      return suppressed
        ? { benefit: raw.benefit, reviewed: null, eligible: null, opened: null, suppressed }
        : { benefit: raw.benefit, reviewed, eligible, opened, suppressed };
    }),
  };
}
