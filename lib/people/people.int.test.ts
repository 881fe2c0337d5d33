import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outboxMessages, staffInvitations, territories, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { readPayload } from "@/lib/notifications/outbox";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { acceptInvitation, inviteStaff, readInvitation, resendInvitation } from "./invitations";
import { changePerson, listPeople } from "./manage";
import type { Actor } from "./rules";

const PASSWORD = "un-mot-de-passe-solide";

describe.each(ENGINES)("people of a territory on %s", (engine) => {
  let t: TestDatabase;
  let t1: string;
  let t2: string;
  let admin: Actor;
  let lead: Actor;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    [{ id: t1 }, { id: t2 }] = await t.db.insert(territories).values([{ slug: "alpha", name: "Alpha" }, { slug: "beta", name: "Beta" }]).returning({ id: territories.id });
    const hash = await hashPassword(PASSWORD);
    const [a, l] = await t.db.insert(users).values([
      { email: "admin@test.fr", name: "Admin", role: "admin", territoryId: null, passwordHash: hash },
      { email: "lead@alpha.fr", name: "Lead Alpha", role: "territory_admin", territoryId: t1, passwordHash: hash },
    ]).returning();
    admin = { id: a.id, role: "admin", territoryId: null };
    lead = { id: l.id, role: "territory_admin", territoryId: t1 };
  });
  afterAll(async () => t?.dispose());

  /** The link of the invitation e-mail to an address, read from the outbox as the worker would. */
  async function linkSentTo(email: string) {
    const msgs = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "invitation"));
    const mail = msgs.map(readPayload).find((p) => p?.to === email)!;
    return /jeton=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
  }

  it("invites a committee member: account without password, one-time link by e-mail, audited; first sign-in works", async () => {
    const now = new Date("2026-11-30T09:00:00Z");
    const r = await inviteStaff(t.db, lead, { name: "Camille Comité", email: "camille@alpha.fr", role: "committee" }, t1, t1, now);
    expect(r.ok).toBe(true);
    const userId = (r as { userId: string }).userId;
    const [u] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(u).toMatchObject({ role: "committee", territoryId: t1, passwordHash: null });
    expect(await authenticate(t.db, { email: "camille@alpha.fr", password: PASSWORD }, now)).toEqual({ ok: false, reason: "invalid" });
    const token = await linkSentTo("camille@alpha.fr");
    // Only the hash is stored.
    const [inv] = await t.db.select().from(staffInvitations).where(eq(staffInvitations.userId, userId));
    expect(inv.tokenHash).not.toContain(token);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, userId), eq(auditLog.action, "user.invite")));
    expect(audit).toMatchObject({ territoryId: t1, actorUserId: lead.id, details: { role: "committee" } });
    expect(JSON.stringify(audit.details)).not.toContain("@");

    expect(await readInvitation(t.db, token, now)).toMatchObject({ name: "Camille Comité" });
    expect(await acceptInvitation(t.db, token, PASSWORD, new Date(now.getTime() + 3_600_000))).toEqual({ ok: true, email: "camille@alpha.fr" });
    // Single use.
    expect(await acceptInvitation(t.db, token, "un-autre-mot-de-passe", new Date(now.getTime() + 3_700_000))).toEqual({ ok: false });
    const signIn = await authenticate(t.db, { email: "camille@alpha.fr", password: PASSWORD }, new Date(now.getTime() + 3_800_000));
    expect(signIn.ok).toBe(true);
    const [after] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(after.lastSignInAt?.toISOString()).toBe(new Date(now.getTime() + 3_800_000).toISOString());
    const people = await listPeople(t.db, t1, { includeAdmins: false, now });
    expect(people.find((p) => p.id === userId)?.state).toBe("active");
    expect(people.some((p) => p.role === "admin")).toBe(false);
    expect((await listPeople(t.db, t1, { includeAdmins: true, now })).some((p) => p.role === "admin")).toBe(true);
  });

  it("an expired link opens nothing; re-inviting an existing e-mail changes nothing", async () => {
    const now = new Date("2026-11-30T09:00:00Z");
    const r = await inviteStaff(t.db, admin, { name: "Dominique", email: "dominique@beta.fr", role: "ccas_agent" }, t2, t2, now);
    expect(r.ok).toBe(true);
    const token = await linkSentTo("dominique@beta.fr");
    expect(await acceptInvitation(t.db, token, PASSWORD, new Date(now.getTime() + 73 * 3_600_000))).toEqual({ ok: false });
    const before = (await t.db.select().from(users)).length;
    expect(await inviteStaff(t.db, admin, { name: "Autre", email: "dominique@beta.fr", role: "committee" }, t2, t2, now)).toEqual({ ok: false, reason: "exists" });
    expect(await inviteStaff(t.db, lead, { name: "Autre", email: "x@beta.fr", role: "committee" }, t2, t1, now)).toEqual({ ok: false, reason: "not_found" });
    expect(await inviteStaff(t.db, lead, { name: "Autre", email: "x@alpha.fr", role: "admin" }, null, t1, now)).toEqual({ ok: false, reason: "admin_role" });
    expect((await t.db.select().from(users)).length).toBe(before);
    // A new link for the expired one; the old one stays dead; a lead of another territory cannot.
    expect(await resendInvitation(t.db, lead, (r as { userId: string }).userId, t1, now)).toEqual({ ok: false, reason: "not_found" });
    const later = new Date(now.getTime() + 80 * 3_600_000);
    expect(await resendInvitation(t.db, admin, (r as { userId: string }).userId, t2, later)).toEqual({ ok: true });
    const msgs = (await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, "invitation"))).map(readPayload).filter((p) => p?.to === "dominique@beta.fr");
    expect(msgs).toHaveLength(2);
    const fresh = /jeton=([A-Za-z0-9_-]{43})/.exec(msgs.find((m) => !m!.text.includes(token))!.text)![1];
    expect(await acceptInvitation(t.db, token, PASSWORD, later)).toEqual({ ok: false });
    expect(await acceptInvitation(t.db, fresh, PASSWORD, later)).toEqual({ ok: true, email: "dominique@beta.fr" });
    expect(await resendInvitation(t.db, admin, (r as { userId: string }).userId, t2, later)).toEqual({ ok: false, reason: "not_invited" });
  });

  it("keeps the last active lead; role changes and disabling revoke sessions and are audited", async () => {
    expect(await changePerson(t.db, admin, lead.id, { kind: "disable" }, t1)).toEqual({ ok: false, reason: "last_lead" });
    expect(await changePerson(t.db, admin, lead.id, { kind: "role", role: "committee" }, t1)).toEqual({ ok: false, reason: "last_lead" });
    expect(await changePerson(t.db, lead, lead.id, { kind: "disable" }, t1)).toEqual({ ok: false, reason: "self" });
    const r = await inviteStaff(t.db, lead, { name: "Second Lead", email: "lead2@alpha.fr", role: "territory_admin" }, t1, t1);
    const second = (r as { userId: string }).userId;
    const [before] = await t.db.select().from(users).where(eq(users.id, second));
    expect(await changePerson(t.db, lead, second, { kind: "role", role: "ccas_agent" }, t1)).toEqual({ ok: true });
    const [changed] = await t.db.select().from(users).where(eq(users.id, second));
    expect(changed.role).toBe("ccas_agent");
    expect(changed.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await changePerson(t.db, lead, second, { kind: "disable" }, t1)).toEqual({ ok: true });
    const [disabled] = await t.db.select().from(users).where(eq(users.id, second));
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.sessionVersion).toBe(before.sessionVersion + 2);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, second))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.invite", "user.change_role", "user.disable"]));
    // A lead of another territory does not even see the account.
    const [other] = await t.db.insert(users).values({ email: "lead@beta.fr", name: "Lead Beta", role: "territory_admin", territoryId: t2 }).returning();
    expect(await changePerson(t.db, { id: other.id, role: "territory_admin", territoryId: t2 }, second, { kind: "enable" }, t2)).toEqual({ ok: false, reason: "not_found" });
  });

  it("unlocks a locked account", async () => {
    const now = new Date();
    for (let i = 0; i < 5; i++) await authenticate(t.db, { email: "camille@alpha.fr", password: "faux" }, now);
    expect((await listPeople(t.db, t1, { includeAdmins: false, now })).find((p) => p.email === "camille@alpha.fr")?.state).toBe("locked");
    const [u] = await t.db.select().from(users).where(eq(users.email, "camille@alpha.fr"));
    expect(await changePerson(t.db, lead, u.id, { kind: "unlock" }, t1, now)).toEqual({ ok: true });
    expect((await authenticate(t.db, { email: "camille@alpha.fr", password: PASSWORD }, now)).ok).toBe(true);
  });
});
