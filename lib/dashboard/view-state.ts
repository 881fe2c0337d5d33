import type { DashboardView } from "./view";

/** True when no area of the view shows a figure and at least one is hidden (say so, not a blank map). */
export function everythingHidden(view: Pick<DashboardView, "rows">): boolean {
  return view.rows.some((r) => r.suppressed) && view.rows.every((r) => r.suppressed || !r.den);
}
