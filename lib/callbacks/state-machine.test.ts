import { describe, expect, it } from "vitest";
import { transition, type RequestState } from "./state-machine";

const fresh: RequestState = { status: "new", assignedTo: null, failedAttempts: 0 };
const run = (s: RequestState, ...events: Parameters<typeof transition>[1][]) =>
  events.reduce<RequestState>((acc, e) => {
    const t = transition(acc, e);
    if (!t.ok) throw new Error(t.reason);
    return t.state;
  }, s);

describe("callback request state machine", () => {
  it("goes new → assigned → reached → closed_reviewed", () => {
    const s = run(fresh, { type: "assign", agentId: "a" }, { type: "attempt", outcome: "no_answer" }, { type: "attempt", outcome: "reached" }, { type: "close_reviewed" });
    expect(s).toEqual({ status: "closed_reviewed", assignedTo: "a", failedAttempts: 1 });
  });
  it("closes as unreachable on the third failed attempt; call-backs do not count", () => {
    const s = run(fresh, { type: "assign", agentId: "a" },
      { type: "attempt", outcome: "no_answer" }, { type: "attempt", outcome: "call_back" }, { type: "attempt", outcome: "wrong_number" });
    expect(s.status).toBe("assigned");
    expect(transition(s, { type: "attempt", outcome: "no_answer" })).toEqual({ ok: true, state: { status: "closed_unreachable", assignedTo: "a", failedAttempts: 3 } });
    expect(transition(s, { type: "attempt", outcome: "no_answer" }, 5)).toMatchObject({ ok: true, state: { status: "assigned" } });
  });
  it("refuses any change to a closed request, an attempt before assignment, a review before contact", () => {
    const closed = run(fresh, { type: "withdraw" });
    expect(transition(closed, { type: "assign", agentId: "b" })).toEqual({ ok: false, reason: "closed" });
    expect(transition(fresh, { type: "attempt", outcome: "reached" })).toEqual({ ok: false, reason: "not_assigned" });
    expect(transition(run(fresh, { type: "assign", agentId: "a" }), { type: "close_reviewed" })).toEqual({ ok: false, reason: "not_reached" });
  });
  it("keeps the status when a request is reassigned", () => {
    const reached = run(fresh, { type: "assign", agentId: "a" }, { type: "attempt", outcome: "reached" });
    expect(run(reached, { type: "assign", agentId: "b" })).toMatchObject({ status: "reached", assignedTo: "b" });
  });
});
