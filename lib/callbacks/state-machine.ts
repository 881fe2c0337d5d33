/**
 * The life of a callback request, as a pure function. Statuses:
 *   new → assigned (claimed or assigned to an agent) → reached (the person was reached)
 *   → closed_reviewed; or → closed_unreachable after N failed attempts; or → withdrawn.
 * A closed or withdrawn request never changes again.
 */
export const STATUSES = ["new", "assigned", "reached", "closed_reviewed", "closed_unreachable", "withdrawn"] as const;
export type Status = (typeof STATUSES)[number];
export const CLOSED: readonly Status[] = ["closed_reviewed", "closed_unreachable", "withdrawn"];
export const ATTEMPT_OUTCOMES = ["reached", "no_answer", "wrong_number", "call_back"] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export type RequestState = { status: Status; assignedTo: string | null; failedAttempts: number };
export type RequestEvent =
  | { type: "assign"; agentId: string }
  | { type: "attempt"; outcome: AttemptOutcome }
  | { type: "close_reviewed" }
  | { type: "withdraw" };
export type Transition = { ok: true; state: RequestState } | { ok: false; reason: "closed" | "not_assigned" | "not_reached" };

export const DEFAULT_MAX_FAILED_ATTEMPTS = 3;

export function transition(s: RequestState, e: RequestEvent, maxFailed = DEFAULT_MAX_FAILED_ATTEMPTS): Transition {
  if (CLOSED.includes(s.status)) return { ok: false, reason: "closed" };
  switch (e.type) {
    case "assign":
      return { ok: true, state: { ...s, assignedTo: e.agentId, status: s.status === "new" ? "assigned" : s.status } };
    case "attempt": {
      if (!s.assignedTo) return { ok: false, reason: "not_assigned" };
      if (e.outcome === "reached") return { ok: true, state: { ...s, status: "reached" } };
      if (e.outcome === "call_back") return { ok: true, state: s };
      const failedAttempts = s.failedAttempts + 1;
      return { ok: true, state: { ...s, failedAttempts, status: failedAttempts >= maxFailed ? "closed_unreachable" : s.status } };
    }
    case "close_reviewed":
      return s.status === "reached" ? { ok: true, state: { ...s, status: "closed_reviewed" } } : { ok: false, reason: "not_reached" };
    case "withdraw":
      return { ok: true, state: { ...s, status: "withdrawn" } };
  }
}
