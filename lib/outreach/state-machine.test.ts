import { describe, expect, it } from "vitest";
import { consentAllowed, daysBetween, outreachTransition, REPORT_EDIT_DAYS, type ActionState } from "./state-machine";

const lead = { userId: "lead", lead: true };
const author = { userId: "p1", lead: false };
const other = { userId: "p2", lead: false };
const at = (status: ActionState["status"]): ActionState => ({ status, proposedBy: "p1", heldOn: "2026-11-30" });

describe("outreach state machine", () => {
  it("only the lead validates or refuses, and only a proposed action", () => {
    expect(outreachTransition(at("proposed"), "validate", lead, "2026-11-01")).toEqual({ ok: true, status: "validated" });
    expect(outreachTransition(at("proposed"), "refuse", lead, "2026-11-01")).toEqual({ ok: true, status: "refused" });
    expect(outreachTransition(at("proposed"), "validate", author, "2026-11-01")).toEqual({ ok: false, reason: "forbidden" });
    expect(outreachTransition(at("validated"), "refuse", lead, "2026-11-01")).toEqual({ ok: false, reason: "wrong_status" });
    expect(outreachTransition(at("refused"), "validate", lead, "2026-11-01")).toEqual({ ok: false, reason: "wrong_status" });
  });

  it("a validated action is reported (not before its day) or cancelled; refused and cancelled are final", () => {
    expect(outreachTransition(at("validated"), "report", author, "2026-11-29")).toEqual({ ok: false, reason: "too_early" });
    expect(outreachTransition(at("validated"), "report", author, "2026-11-30")).toEqual({ ok: true, status: "reported" });
    expect(outreachTransition(at("validated"), "report", other, "2026-11-30")).toEqual({ ok: false, reason: "forbidden" });
    expect(outreachTransition(at("proposed"), "report", author, "2026-11-30")).toEqual({ ok: false, reason: "wrong_status" });
    expect(outreachTransition(at("validated"), "cancel", author, "2026-11-30")).toEqual({ ok: true, status: "cancelled" });
    expect(outreachTransition(at("proposed"), "cancel", author, "2026-11-30")).toEqual({ ok: false, reason: "wrong_status" });
    expect(outreachTransition(at("cancelled"), "report", lead, "2026-11-30")).toEqual({ ok: false, reason: "wrong_status" });
    expect(outreachTransition(at("refused"), "cancel", lead, "2026-11-30")).toEqual({ ok: false, reason: "wrong_status" });
  });

  it("the report stays editable by its author for 30 days after the action, by the lead always", () => {
    const last = "2026-12-30";
    expect(daysBetween("2026-11-30", last)).toBe(REPORT_EDIT_DAYS);
    expect(outreachTransition(at("reported"), "report", author, last)).toEqual({ ok: true, status: "reported" });
    expect(outreachTransition(at("reported"), "report", author, "2026-12-31")).toEqual({ ok: false, reason: "too_late" });
    expect(outreachTransition(at("reported"), "report", lead, "2027-06-01")).toEqual({ ok: true, status: "reported" });
  });

  it("daysBetween counts calendar days across the DST change", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });

  it("consents: validated or reported actions, from their day, by their proposer or the lead", () => {
    expect(consentAllowed(at("validated"), author, "2026-11-30")).toEqual({ ok: true });
    expect(consentAllowed(at("reported"), lead, "2027-01-15")).toEqual({ ok: true });
    expect(consentAllowed(at("proposed"), author, "2026-11-30")).toEqual({ ok: false, reason: "wrong_status" });
    expect(consentAllowed(at("refused"), lead, "2026-11-30")).toEqual({ ok: false, reason: "wrong_status" });
    expect(consentAllowed(at("validated"), author, "2026-11-29")).toEqual({ ok: false, reason: "too_early" });
    expect(consentAllowed(at("validated"), other, "2026-11-30")).toEqual({ ok: false, reason: "forbidden" });
  });
});
