import type { DashboardView } from "./view";

/** True when no area of the view shows a figure (all hidden or without answers): say so, not a blank map. */
export function everythingHidden(view: Pick<DashboardView, "rows">): boolean {
  return view.rows.length > 0 && view.rows.every((r) => r.suppressed || !r.den);
}
