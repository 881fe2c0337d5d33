import { DateTime } from "luxon";
import type { StaffUser } from "@/lib/auth/authenticate";
import { can } from "@/lib/auth/permissions";
import type { DashboardFilters } from "./filters";

/**
 * Who reads a dashboard view: the committee gets perturbed figures (cell-key method), the
 * territory lead and the platform admin exact ones — unless they ask to see what the
 * committee sees (`figures=published`). See docs/decisions/0007.
 */
export type Audience = "committee" | "exact";

export function dashboardAudience(user: Pick<StaffUser, "role">, f: Pick<DashboardFilters, "figures">): Audience {
  return can(user, "dashboard:exact") && f.figures !== "published" ? "exact" : "committee";
}

/**
 * The committee's period, widened to whole months (Paris calendar): fewer distinct periods
 * means fewer different subsets of the same people to difference and average.
 */
export function committeePeriod(f: Pick<DashboardFilters, "from" | "to">): { from?: string; to?: string } {
  const month = (d: string, end: boolean) => {
    const m = DateTime.fromISO(d, { zone: "Europe/Paris" });
    return (end ? m.endOf("month") : m.startOf("month")).toISODate()!;
  };
  return { from: f.from ? month(f.from, false) : undefined, to: f.to ? month(f.to, true) : undefined };
}
