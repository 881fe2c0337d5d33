import type { OutreachStatus } from "./reference";

/**
 * The life of an outreach action (pure): proposed → validated | refused by the territory lead;
 * validated → reported (the report) | cancelled. A report stays editable by its proposer for
 * REPORT_EDIT_DAYS after the action's day (time to type in the paper tallies), by the lead
 * always; refused and cancelled actions are final.
 */
export const REPORT_EDIT_DAYS = 30;

export type Actor = { userId: string; lead: boolean };
export type ActionState = { status: OutreachStatus; proposedBy: string | null; heldOn: string };
export type OutreachEvent = "validate" | "refuse" | "cancel" | "report";
export type Refusal = "forbidden" | "wrong_status" | "too_early" | "too_late";

/** Whole days from a to b, both "YYYY-MM-DD" (calendar days, no clock involved). */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Who may see an action: its proposer, and the lead (every action of the territory). */
export const canSee = (s: Pick<ActionState, "proposedBy">, who: Actor) => who.lead || s.proposedBy === who.userId;

/**
 * Whether `who` may apply `event` on `today` (Paris day), and the status it leads to.
 * Reporting is "during or after": not before the action's day.
 */
export function outreachTransition(s: ActionState, event: OutreachEvent, who: Actor, today: string):
  { ok: true; status: OutreachStatus } | { ok: false; reason: Refusal } {
  switch (event) {
    case "validate":
    case "refuse":
      if (!who.lead) return { ok: false, reason: "forbidden" };
      if (s.status !== "proposed") return { ok: false, reason: "wrong_status" };
      return { ok: true, status: event === "validate" ? "validated" : "refused" };
    case "cancel":
      if (!canSee(s, who)) return { ok: false, reason: "forbidden" };
      if (s.status !== "validated") return { ok: false, reason: "wrong_status" };
      return { ok: true, status: "cancelled" };
    case "report":
      if (!canSee(s, who)) return { ok: false, reason: "forbidden" };
      if (s.status !== "validated" && s.status !== "reported") return { ok: false, reason: "wrong_status" };
      if (daysBetween(s.heldOn, today) < 0) return { ok: false, reason: "too_early" };
      if (s.status === "reported" && !who.lead && daysBetween(s.heldOn, today) > REPORT_EDIT_DAYS) return { ok: false, reason: "too_late" };
      return { ok: true, status: "reported" };
  }
}

/**
 * Whether a consent to be called back can be taken for this action: validated or reported, on
 * or after its day (a paper form is typed in later), by someone who may see the action.
 */
export function consentAllowed(s: ActionState, who: Actor, today: string): { ok: true } | { ok: false; reason: Refusal } {
  if (!canSee(s, who)) return { ok: false, reason: "forbidden" };
  if (s.status !== "validated" && s.status !== "reported") return { ok: false, reason: "wrong_status" };
  if (daysBetween(s.heldOn, today) < 0) return { ok: false, reason: "too_early" };
  return { ok: true };
}
