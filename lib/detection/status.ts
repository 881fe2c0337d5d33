import type { SituationStatus } from "./reference";

/**
 * Resolution tracking as a pure state machine: open → in_progress → resolved (with a
 * resolution); resolved may be reopened (to open or in_progress). Going straight from open to
 * resolved is allowed (a situation settled at the desk). A right opened needs its date and
 * monthly amount: that is what the interpellation dossiers and the rubriques add up.
 */
export const RESOLUTION_CODES = ["right_opened", "not_resolved", "lost", "not_non_recours"] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

export type StatusState = { status: SituationStatus; resolution: ResolutionCode | null; resolvedOn: string | null; openedMonthly: number | null };
export type StatusChange = { status: SituationStatus; resolution?: ResolutionCode; resolvedOn?: string; openedMonthly?: number };
export type StatusProblem = "same_status" | "resolution_required" | "right_opened_details" | "resolved_on_future";

const ALLOWED: Record<SituationStatus, SituationStatus[]> = {
  open: ["in_progress", "resolved"],
  in_progress: ["open", "resolved"],
  resolved: ["open", "in_progress"],
};

export function canMove(from: SituationStatus, to: SituationStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The state after a change, or the problem; `today` (Paris) bounds the resolution date. */
export function applyStatusChange(current: StatusState, change: StatusChange, today: string):
  { ok: true; next: StatusState; reopened: boolean } | { ok: false; problem: StatusProblem } {
  if (!canMove(current.status, change.status)) return { ok: false, problem: "same_status" };
  if (change.status !== "resolved") {
    return { ok: true, next: { status: change.status, resolution: null, resolvedOn: null, openedMonthly: null }, reopened: current.status === "resolved" };
  }
  if (!change.resolution) return { ok: false, problem: "resolution_required" };
  const resolvedOn = change.resolvedOn ?? today;
  if (resolvedOn > today) return { ok: false, problem: "resolved_on_future" };
  if (change.resolution === "right_opened") {
    if (!change.resolvedOn || change.openedMonthly === undefined) return { ok: false, problem: "right_opened_details" };
    return { ok: true, next: { status: "resolved", resolution: "right_opened", resolvedOn, openedMonthly: change.openedMonthly }, reopened: false };
  }
  return { ok: true, next: { status: "resolved", resolution: change.resolution, resolvedOn, openedMonthly: null }, reopened: false };
}
