import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, auditLog, bookingMotives, bookingPlaces, outboxMessages, users } from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { findSlots } from "./availability";
import { bookAppointment } from "./book";
import { calendarNames } from "./calendar";
import { seedDemoBooking } from "./demo-seed";
import { findById, moveByStaff, moveOptions } from "./manage";
import type { TerritoryRef } from "./notify";
import { parisDay } from "./slots";

// Monday 1 March 2027, 08:00 in Paris. The demo agent opens Monday–Friday 09:00–12:00.
const NOW = new Date("2027-03-01T07:00:00Z");

describe.each(ENGINES)("agents' calendar: who is expected, moves by staff, on %s", (engine) => {
  let t: TestDatabase;
  let territory: TerritoryRef;
  let motiveId: string;
  let placeId: string;
  let agentId: string;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    territory = (await listTerritories(t.db))[0];
    await t.db.delete(bookingMotives).where(eq(bookingMotives.territoryId, territory.id));
    await t.db.delete(bookingPlaces).where(eq(bookingPlaces.territoryId, territory.id));
    await seedDemoBooking(t.db, territory.id, NOW);
    const [m] = await t.db.select().from(bookingMotives).where(and(eq(bookingMotives.territoryId, territory.id), eq(bookingMotives.name, "Étude de droits")));
    motiveId = m.id;
    const slots = await findSlots(t.db, { territoryId: territory.id, motive: m, fromDay: parisDay(NOW), toDay: "2027-03-20", now: NOW });
    placeId = slots[0].placeId;
    const [agent] = await t.db.select().from(users).where(and(eq(users.territoryId, territory.id), eq(users.role, "ccas_agent")));
    agentId = agent.id;
  });
  afterAll(async () => t?.dispose());

  it("shows the names of the people expected, audited as one row per view", async () => {
    const r = await bookAppointment(t.db, {
      territory, motiveId, placeId, start: new Date("2027-03-03T08:00:00Z"), contact: { name: "Odette V.", phone: null, email: "odette@example.org" },
      idempotencyKey: randomUUID(), locale: "fr", now: NOW,
    });
    if (!r.ok) throw new Error("booking failed");
    const names = await calendarNames(t.db, territory.id, [r.appointmentId], agentId);
    expect(names.get(r.appointmentId)).toBe("Odette V.");
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "appointment.calendar_names_view"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: agentId, details: { shown: 1 } });
    expect(JSON.stringify(audits)).not.toContain("Odette");
    expect((await calendarNames(t.db, "00000000-0000-4000-8000-000000000000", [r.appointmentId], agentId)).size).toBe(0);
  });

  it("an agent moves an appointment to a free slot, inside the motive's deadlines too; the person is told; audited", async () => {
    const r = await bookAppointment(t.db, {
      territory, motiveId, placeId, start: new Date("2027-03-02T08:00:00Z"), contact: { name: "Paul M.", phone: null, email: "paul@example.org" },
      idempotencyKey: randomUUID(), locale: "fr", now: NOW,
    });
    if (!r.ok) throw new Error("booking failed");
    // The day before: too late for the person (48 h), not for an agent.
    const late = new Date("2027-03-01T15:00:00Z");
    const row = (await findById(t.db, territory.id, r.appointmentId))!;
    const options = await moveOptions(t.db, territory.id, row, "2027-03-02", late);
    expect(options.length).toBeGreaterThan(0);
    expect(options.some((o) => o.start.getTime() === row.a.startsAt.getTime())).toBe(true); // its own slot is free for it
    const to = options.find((o) => o.start.getTime() !== row.a.startsAt.getTime())!;
    expect(await moveByStaff(t.db, territory, r.appointmentId, { placeId: to.placeId, start: to.start }, agentId, late)).toEqual({ ok: true });
    const [moved] = await t.db.select().from(appointments).where(eq(appointments.id, r.appointmentId));
    expect(moved).toMatchObject({ startsAt: to.start, revision: 1, status: "upcoming" });
    const kinds = (await t.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, r.appointmentId))).map((m) => `${m.kind}:${m.status}`).sort();
    expect(kinds).toEqual(["change:pending", "confirmation:pending"]); // no reminder: less than 48 h ahead
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.appointmentId), eq(auditLog.action, "appointment.move")));
    expect(audit).toMatchObject({ actorKind: "staff", actorUserId: agentId });
    // A taken or past slot is refused.
    expect(await moveByStaff(t.db, territory, r.appointmentId, { placeId, start: new Date("2027-03-02T02:00:00Z") }, agentId, late)).toMatchObject({ ok: false });
    expect(await moveByStaff(t.db, territory, r.appointmentId, { placeId: to.placeId, start: to.start }, agentId, new Date("2027-03-05T00:00:00Z"))).toMatchObject({ ok: false, problem: "not_upcoming" });
  });
});
