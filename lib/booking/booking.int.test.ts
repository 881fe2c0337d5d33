import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, count, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, auditLog, bookingMotives, bookingPlaces, outboxMessages } from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { smtpSender } from "@/lib/notifications/mailer";
import { readPayload } from "@/lib/notifications/outbox";
import { deliverDue } from "@/lib/notifications/worker";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { findSlots, weekView } from "./availability";
import { bookAppointment, type BookRequest } from "./book";
import { seedDemoBooking } from "./demo-seed";
import { purgeBookingData } from "./retention";
import { cancelByPerson, findByToken, moveByPerson, setStatusByStaff } from "./manage";
import type { TerritoryRef } from "./notify";
import { parisDay } from "./slots";

// Monday 1 March 2027, 08:00 in Paris. The demo agent opens Monday–Friday 09:00–12:00.
const NOW = new Date("2027-03-01T07:00:00Z");
const contact = { name: "Aïcha B.", phone: "+33612345678", email: "aicha@example.org" };

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp() {
  const received: Awaited<ReturnType<typeof simpleParser>>[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => { received.push(m); done(); }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(ENGINES)("appointment booking on %s", (engine) => {
  let t: TestDatabase;
  let territory: TerritoryRef;
  let motiveId: string;
  let placeId: string;
  let agentId: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  // Each booking has its own person by default (at most 2 upcoming per contact and motive).
  const someone = () => ({ name: "Personne T.", phone: null, email: `p-${randomUUID().slice(0, 8)}@example.org` });
  const request = (start: Date, over: Partial<BookRequest> = {}): BookRequest => ({
    territory, motiveId, placeId, start, contact: someone(), idempotencyKey: randomUUID(), locale: "fr", now: NOW, ...over,
  });
  const motive = async () => (await t.db.select().from(bookingMotives).where(eq(bookingMotives.id, motiveId)))[0];
  const freeSlots = async (now = NOW) => findSlots(t.db, { territoryId: territory.id, motive: await motive(), fromDay: parisDay(now), toDay: "2027-03-20", now, placeId });

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    territory = (await listTerritories(t.db))[0];
    // Re-seed the booking settings around the fixed clock.
    await t.db.delete(bookingMotives).where(eq(bookingMotives.territoryId, territory.id));
    await t.db.delete(bookingPlaces).where(eq(bookingPlaces.territoryId, territory.id));
    await seedDemoBooking(t.db, territory.id, NOW);
    const [m] = await t.db.select().from(bookingMotives).where(and(eq(bookingMotives.territoryId, territory.id), eq(bookingMotives.name, "Étude de droits")));
    motiveId = m.id;
    const slots = await freeSlots();
    placeId = slots[0].placeId;
    agentId = slots[0].agentId;
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.dispose();
  });

  it("offers slots from now + the minimum delay, cut into the motive's duration, and a next availability", async () => {
    const slots = await freeSlots();
    // Earliest: 08:00 + 2 h = 10:00 Paris; 45-minute slots in 10:00–12:00 → 10:00, 10:45.
    expect(slots.slice(0, 2).map((s) => s.start.toISOString())).toEqual(["2027-03-01T09:00:00.000Z", "2027-03-01T09:45:00.000Z"]);
    // A week with no opening (Saturday → Friday beyond the 42-day maximum) is empty; a normal one points to its slots.
    const m = await motive();
    const far = await weekView(t.db, { territoryId: territory.id, motive: m, fromDay: "2027-05-01", now: NOW, placeId });
    expect(far).toEqual({ slots: [], next: null });
    const weekend = await weekView(t.db, { territoryId: territory.id, motive: m, fromDay: "2027-03-06", now: NOW, placeId });
    expect(weekend.slots.length).toBeGreaterThan(0); // Monday 8 March is in the window
  });

  it("books once per form: contact encrypted, confirmation and reminder in the outbox, audit row", async () => {
    const start = new Date("2027-03-04T08:00:00Z"); // Thursday 09:00
    const req = request(start, { contact });
    const first = await bookAppointment(t.db, req);
    const again = await bookAppointment(t.db, req); // double click / retry
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again).toEqual({ ...first, existing: true });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, first.appointmentId));
    expect(row.contactCiphertext).not.toContain("Aïcha");
    expect(row.status).toBe("upcoming");
    expect(row.endsAt.toISOString()).toBe("2027-03-04T08:45:00.000Z");
    const messages = await t.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, first.appointmentId));
    expect(messages.map((m) => m.kind).sort()).toEqual(["confirmation", "reminder"]);
    const reminder = messages.find((m) => m.kind === "reminder")!;
    expect(reminder.sendAfter.toISOString()).toBe("2027-03-02T08:00:00.000Z"); // 48 h before
    expect(reminder.notAfter?.toISOString()).toBe(start.toISOString());
    const payload = readPayload(messages.find((m) => m.kind === "confirmation")!)!;
    expect(payload.to).toBe("aicha@example.org");
    expect(payload.text).toContain("jeudi 4 mars 2027");
    expect(payload.text).toContain("pièce d'identité");
    expect(payload.text).toContain(`/rendez-vous/g/${first.token}`);
    expect(payload.ics?.content).toContain("DTSTART:20270304T080000Z");
    const [audit] = await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, first.appointmentId), eq(auditLog.action, "appointment.book")));
    expect(audit.n).toBe(1);
    expect((await freeSlots()).some((s) => s.start.getTime() === start.getTime())).toBe(false);
  });

  it("refuses a taken slot with the next free ones, and explains other bad slots", async () => {
    const start = new Date("2027-03-03T08:00:00Z");
    expect((await bookAppointment(t.db, request(start))).ok).toBe(true);
    const taken = await bookAppointment(t.db, request(start));
    expect(taken.ok).toBe(false);
    if (taken.ok) return;
    expect(taken.problem).toBe("taken");
    expect(taken.next.length).toBe(3);
    expect(taken.next[0].start.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + 2 * 3_600_000);
    const problem = async (iso: string) => {
      const r = await bookAppointment(t.db, request(new Date(iso)));
      return r.ok ? "ok" : r.problem;
    };
    expect(await problem("2027-02-26T08:00:00Z")).toBe("past");
    expect(await problem("2027-03-01T08:00:00Z")).toBe("too_soon"); // 09:00 today, within the 2-hour minimum delay
    expect(await problem("2027-05-03T08:00:00Z")).toBe("too_late"); // beyond 42 days
    expect(await problem("2027-03-05T13:00:00Z")).toBe("outside_hours"); // 14:00 at the CCAS
    expect(await problem("2027-03-05T08:10:00Z")).toBe("outside_hours"); // off the slot grid
    expect(await bookAppointment(t.db, request(start, { motiveId: randomUUID() }))).toMatchObject({ ok: false, problem: "motive" });
  });

  it("a link token finds its appointment; a tampered, foreign or expired one finds nothing", async () => {
    const r = await bookAppointment(t.db, request(new Date("2027-03-05T08:00:00Z")));
    if (!r.ok) throw new Error("booking failed");
    expect((await findByToken(t.db, territory.id, r.token, NOW))?.a.id).toBe(r.appointmentId);
    const tampered = (r.token[0] === "A" ? "B" : "A") + r.token.slice(1);
    expect(await findByToken(t.db, territory.id, tampered, NOW)).toBeNull();
    expect(await findByToken(t.db, randomUUID(), r.token, NOW)).toBeNull();
    expect(await findByToken(t.db, territory.id, r.token, new Date("2027-06-01T00:00:00Z"))).toBeNull();
    expect(await findByToken(t.db, territory.id, "../../etc", NOW)).toBeNull();
  });

  it("moves within the deadline (change e-mail, old reminder dropped) and cancels within its own", async () => {
    const r = await bookAppointment(t.db, request(new Date("2027-03-09T08:00:00Z")));
    if (!r.ok) throw new Error("booking failed");
    // Moving half an hour later overlaps the appointment's own time: allowed.
    const target = new Date("2027-03-09T08:45:00Z");
    expect(await moveByPerson(t.db, territory, r.token, { placeId, start: target }, NOW)).toEqual({ ok: true });
    const [moved] = await t.db.select().from(appointments).where(eq(appointments.id, r.appointmentId));
    expect(moved.startsAt.toISOString()).toBe(target.toISOString());
    expect(moved.revision).toBe(1);
    const messages = await t.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, r.appointmentId));
    expect(messages.map((m) => `${m.kind}:${m.status}`).sort()).toEqual(["change:pending", "confirmation:pending", "reminder:pending", "reminder:skipped"]);

    // The move deadline (48 h) has passed on Monday 8 March; the cancel deadline (4 h) has not.
    const late = new Date("2027-03-08T09:00:00Z");
    expect(await moveByPerson(t.db, territory, r.token, { placeId, start: new Date("2027-03-10T08:00:00Z") }, late)).toEqual({ ok: false, problem: "deadline" });
    expect(await cancelByPerson(t.db, territory, r.token, new Date("2027-03-09T06:00:00Z"))).toEqual({ ok: false, problem: "deadline" });
    expect(await cancelByPerson(t.db, territory, r.token, late)).toEqual({ ok: true });
    const after = await t.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, r.appointmentId));
    expect(after.filter((m) => m.kind === "reminder").every((m) => m.status === "skipped")).toBe(true);
    expect(after.some((m) => m.kind === "cancellation")).toBe(true);
    // The slot is free again.
    expect((await freeSlots()).some((s) => s.start.getTime() === target.getTime())).toBe(true);
    expect(await cancelByPerson(t.db, territory, r.token, late)).toEqual({ ok: false, problem: "not_upcoming" });
  });

  it("staff record a no-show only once started, revoke before the end (the person is told)", async () => {
    const r = await bookAppointment(t.db, request(new Date("2027-03-10T10:15:00Z"), { staff: { userId: agentId } }));
    if (!r.ok) throw new Error("booking failed");
    expect(await setStatusByStaff(t.db, territory, r.appointmentId, "noshow", agentId, NOW)).toEqual({ ok: false, problem: "too_soon" });
    expect(await setStatusByStaff(t.db, territory, r.appointmentId, "noshow", agentId, new Date("2027-03-10T10:20:00Z"))).toEqual({ ok: true });
    expect(await setStatusByStaff(t.db, territory, r.appointmentId, "seen", agentId, new Date("2027-03-10T10:21:00Z"))).toEqual({ ok: true });
    expect(await setStatusByStaff(t.db, territory, r.appointmentId, "revoked", agentId, new Date("2027-03-10T10:22:00Z"))).toEqual({ ok: false, problem: "not_upcoming" });
    const other = await bookAppointment(t.db, request(new Date("2027-03-11T08:00:00Z"), { contact }));
    if (!other.ok) throw new Error("booking failed");
    expect(await setStatusByStaff(t.db, territory, other.appointmentId, "revoked", agentId, NOW)).toEqual({ ok: true });
    const kinds = (await t.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, other.appointmentId))).map((m) => m.kind);
    expect(kinds).toContain("cancellation");
    expect(await setStatusByStaff(t.db, territory, randomUUID(), "seen", agentId, NOW)).toEqual({ ok: false, problem: "not_upcoming" });
  });

  it("the worker delivers through SMTP with the ICS, retries with back-off, never sends a reminder late", async () => {
    // Deliver everything due so far to the real SMTP server on loopback.
    const send = smtpSender(smtp.url, "CCAS <ccas@example.org>");
    let report = await deliverDue(t.db, send, NOW, 500);
    expect(report.sent).toBeGreaterThan(3);
    const confirmation = smtp.received.find((m) => m.subject?.startsWith("Rendez-vous confirmé le jeudi 4 mars 2027"));
    expect(confirmation?.to && "text" in confirmation.to ? confirmation.to.text : "").toContain("aicha@example.org");
    expect(confirmation?.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(true);
    // Nothing is sent twice.
    expect((await deliverDue(t.db, send, NOW, 500)).sent).toBe(0);

    // A failing server: the next due message is retried after 1 minute, then 5.
    const r = await bookAppointment(t.db, request(new Date("2027-03-12T08:00:00Z")));
    if (!r.ok) throw new Error("booking failed");
    const broken = smtpSender("smtp://127.0.0.1:1", "CCAS <ccas@example.org>");
    report = await deliverDue(t.db, broken, NOW, 500);
    expect(report.retried).toBe(1);
    const [m] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.appointmentId, r.appointmentId), eq(outboxMessages.kind, "confirmation")));
    expect(m.attempts).toBe(1);
    expect(m.nextAttemptAt.toISOString()).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    expect((await deliverDue(t.db, send, NOW, 500)).sent).toBe(0); // not due yet
    expect((await deliverDue(t.db, send, new Date(NOW.getTime() + 61_000), 500)).sent).toBe(1);

    // Reminders: the one of Friday 12 March is due and sent; the one of Thursday 4 March was
    // never delivered before its appointment started, so it is skipped, not sent late.
    const dueReminders = await deliverDue(t.db, send, new Date("2027-03-10T08:30:00Z"), 500);
    expect(dueReminders.sent).toBe(1);
    expect(dueReminders.skipped).toBeGreaterThan(0);
    const [late] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "reminder"), eq(outboxMessages.notAfter, new Date("2027-03-04T08:00:00Z"))));
    expect(late.status).toBe("skipped");
    const reminders = smtp.received.filter((x) => x.subject?.startsWith("Rappel"));
    expect(reminders.length).toBe(dueReminders.sent);
  });

  it("erases appointment contacts after the retention delay and e-mail contents after 30 days, idempotently", async () => {
    const inAYear = new Date("2028-04-01T00:00:00Z");
    const first = await purgeBookingData(t.db, inAYear, 12);
    expect(first.contacts).toBeGreaterThan(0);
    expect(first.mails).toBeGreaterThan(0);
    expect(await purgeBookingData(t.db, inAYear, 12)).toEqual({ contacts: 0, mails: 0 });
    const kept = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.status, "pending")));
    expect(kept.every((m) => m.payloadCiphertext !== null)).toBe(true);
  });

  it.runIf(engine === "postgres")("50 concurrent bookings of one slot: exactly one succeeds, nothing half-written", async () => {
    const start = new Date("2027-03-15T08:45:00Z"); // Monday 09:45
    const before = (await t.db.select({ n: count() }).from(outboxMessages))[0].n;
    const results = await Promise.all(Array.from({ length: 50 }, () => bookAppointment(t.db, request(start))));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, problem: "taken" });
      if (!r.ok) expect(r.next.length).toBeGreaterThan(0);
    }
    const booked = await t.db.select().from(appointments).where(and(eq(appointments.agentId, agentId), eq(appointments.startsAt, start)));
    expect(booked).toHaveLength(1);
    const after = (await t.db.select({ n: count() }).from(outboxMessages))[0].n;
    expect(after - before).toBe(2); // one confirmation and one reminder
  });

  it.runIf(engine === "postgres")("the database itself refuses an overlapping appointment of one agent", async () => {
    const [a] = await t.db.select().from(appointments).where(eq(appointments.status, "upcoming")).limit(1);
    const overlap = t.db.insert(appointments).values({
      territoryId: territory.id, agentId: a.agentId, motiveId: a.motiveId, placeId: a.placeId,
      startsAt: new Date(a.startsAt.getTime() + 60_000), endsAt: new Date(a.endsAt.getTime() + 60_000),
      tokenHash: randomUUID(), idempotencyKey: randomUUID(), source: "staff",
    });
    await expect(overlap).rejects.toMatchObject({ cause: { code: "23P01" } });
  });
  it("caps upcoming online bookings at 2 per phone or e-mail and motive; staff may book beyond; cancelling frees one", async () => {
    const person = { name: "Léa M.", phone: "+33698765432", email: null };
    const days = ["2027-03-15", "2027-03-16", "2027-03-17", "2027-03-18"].map((d) => new Date(`${d}T08:00:00Z`));
    const one = await bookAppointment(t.db, request(days[0], { contact: person }));
    const two = await bookAppointment(t.db, request(days[1], { contact: { ...person, email: "lea@example.org" } }));
    expect(one.ok && two.ok).toBe(true);
    // The same phone (with or without the e-mail) is refused; the e-mail alone has one upcoming.
    expect(await bookAppointment(t.db, request(days[2], { contact: person }))).toMatchObject({ ok: false, problem: "contact_limit" });
    expect(await bookAppointment(t.db, request(days[2], { contact: { ...person, email: "lea@example.org" } }))).toMatchObject({ ok: false, problem: "contact_limit" });
    const staff = await bookAppointment(t.db, request(days[2], { contact: person, staff: { userId: agentId } }));
    expect(staff.ok).toBe(true);
    if (!one.ok) return;
    expect((await cancelByPerson(t.db, territory, one.token, NOW)).ok).toBe(true);
    // One cancelled, but the staff booking counts: still 2 upcoming.
    expect(await bookAppointment(t.db, request(days[3], { contact: person }))).toMatchObject({ ok: false, problem: "contact_limit" });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, one.appointmentId));
    expect(JSON.stringify(row.contactKeys)).not.toContain("698765432");
  });

  it.runIf(engine === "postgres")("20 concurrent online bookings by one phone number on 20 slots: exactly 2 succeed", async () => {
    const person = { name: "Rapide", phone: "+33655443322", email: null };
    const slots = (await freeSlots()).filter((x, i, all) => all.findIndex((y) => y.start.getTime() === x.start.getTime()) === i).slice(0, 20);
    expect(slots.length).toBe(20);
    const results = await Promise.all(slots.map((slot) => bookAppointment(t.db, request(slot.start, { contact: person }))));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.problem === "contact_limit")).toHaveLength(18);
  });
});
