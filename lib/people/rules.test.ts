import { describe, expect, it } from "vitest";
import { checkChange, checkInvite, personState, type Actor, type Target } from "./rules";

const T1 = "11111111-1111-4111-8111-111111111111";
const T2 = "22222222-2222-4222-8222-222222222222";
const admin: Actor = { id: "a", role: "admin", territoryId: null };
const lead: Actor = { id: "l", role: "territory_admin", territoryId: T1 };
const agent: Actor = { id: "g", role: "ccas_agent", territoryId: T1 };
const person = (over: Partial<Target> = {}): Target => ({ id: "p", role: "committee", territoryId: T1, disabledAt: null, ...over });
const many = { activeLeads: 3, activeAdmins: 2 };

describe("who may invite whom", () => {
  it("a lead invites into their own territory, never an admin, never elsewhere", () => {
    expect(checkInvite(lead, "committee", T1)).toEqual({ ok: true });
    expect(checkInvite(lead, "territory_admin", T1)).toEqual({ ok: true });
    expect(checkInvite(lead, "committee", T2)).toEqual({ ok: false, reason: "not_found" });
    expect(checkInvite(lead, "admin", null)).toEqual({ ok: false, reason: "admin_role" });
  });
  it("the platform admin invites anywhere, and admins without a territory", () => {
    expect(checkInvite(admin, "committee", T2)).toEqual({ ok: true });
    expect(checkInvite(admin, "admin", null)).toEqual({ ok: true });
    expect(checkInvite(admin, "admin", T1)).toEqual({ ok: false, reason: "admin_role" });
    expect(checkInvite(admin, "committee", null)).toEqual({ ok: false, reason: "not_found" });
  });
  it("other roles invite nobody", () => {
    expect(checkInvite(agent, "committee", T1)).toEqual({ ok: false, reason: "forbidden" });
  });
});

describe("who may change whom", () => {
  it("a lead changes people of their territory only; another territory or an admin is not found", () => {
    expect(checkChange(lead, person(), { kind: "role", role: "ccas_agent" }, many)).toEqual({ ok: true });
    expect(checkChange(lead, person({ territoryId: T2 }), { kind: "disable" }, many)).toEqual({ ok: false, reason: "not_found" });
    expect(checkChange(lead, person({ role: "admin", territoryId: null }), { kind: "unlock" }, many)).toEqual({ ok: false, reason: "not_found" });
  });
  it("nobody promotes to admin nor changes an admin's role", () => {
    expect(checkChange(lead, person(), { kind: "role", role: "admin" }, many)).toEqual({ ok: false, reason: "admin_role" });
    expect(checkChange(admin, person(), { kind: "role", role: "admin" }, many)).toEqual({ ok: false, reason: "admin_role" });
    expect(checkChange(admin, person({ id: "x", role: "admin", territoryId: null }), { kind: "role", role: "committee" }, many)).toEqual({ ok: false, reason: "admin_role" });
  });
  it("nobody disables themself or changes their own role", () => {
    expect(checkChange(lead, person({ id: "l", role: "territory_admin" }), { kind: "disable" }, many)).toEqual({ ok: false, reason: "self" });
    expect(checkChange(lead, person({ id: "l", role: "territory_admin" }), { kind: "role", role: "committee" }, many)).toEqual({ ok: false, reason: "self" });
    expect(checkChange(admin, person({ id: "a", role: "admin", territoryId: null }), { kind: "disable" }, many)).toEqual({ ok: false, reason: "self" });
  });
  it("the last active lead of a territory can be neither disabled nor demoted", () => {
    const other = person({ role: "territory_admin" });
    expect(checkChange(admin, other, { kind: "disable" }, { activeLeads: 1, activeAdmins: 1 })).toEqual({ ok: false, reason: "last_lead" });
    expect(checkChange(admin, other, { kind: "role", role: "committee" }, { activeLeads: 1, activeAdmins: 1 })).toEqual({ ok: false, reason: "last_lead" });
    expect(checkChange(admin, other, { kind: "disable" }, { activeLeads: 2, activeAdmins: 1 })).toEqual({ ok: true });
    // A disabled lead is not counted: demoting them never removes the last active one.
    expect(checkChange(admin, person({ role: "territory_admin", disabledAt: new Date() }), { kind: "role", role: "committee" }, { activeLeads: 1, activeAdmins: 1 })).toEqual({ ok: true });
  });
  it("the last active admin stays", () => {
    expect(checkChange(admin, person({ id: "x", role: "admin", territoryId: null }), { kind: "disable" }, { activeLeads: 0, activeAdmins: 1 })).toEqual({ ok: false, reason: "last_admin" });
  });
  it("unlocking and enabling are allowed on anyone the actor sees", () => {
    expect(checkChange(lead, person({ disabledAt: new Date() }), { kind: "enable" }, many)).toEqual({ ok: true });
    expect(checkChange(lead, person(), { kind: "unlock" }, many)).toEqual({ ok: true });
    expect(checkChange(agent, person(), { kind: "unlock" }, many)).toEqual({ ok: false, reason: "forbidden" });
  });
});

describe("the state shown in the list", () => {
  const now = new Date("2026-11-30T10:00:00Z");
  it("disabled, then locked, then invited (no password), else active", () => {
    expect(personState({ disabledAt: now, lockedUntil: null, passwordHash: "h" }, now)).toBe("disabled");
    expect(personState({ disabledAt: null, lockedUntil: new Date(now.getTime() + 60_000), passwordHash: "h" }, now)).toBe("locked");
    expect(personState({ disabledAt: null, lockedUntil: new Date(now.getTime() - 60_000), passwordHash: "h" }, now)).toBe("active");
    expect(personState({ disabledAt: null, lockedUntil: null, passwordHash: null }, now)).toBe("invited");
  });
});
