import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookingMotives, bookingPlaces, outboxMessages } from "@/db/schema";
import { bookAppointment, type BookRequest } from "@/lib/booking/book";
import { seedDemoBooking } from "@/lib/booking/demo-seed";
import { findSlots } from "@/lib/booking/availability";
import type { TerritoryRef } from "@/lib/booking/notify";
import { parisDay } from "@/lib/booking/slots";
import { seedDemo } from "@/lib/seed/demo";
import { optInSchema } from "@/lib/callbacks/opt-in-schema";
import { createCallbackRequest } from "@/lib/callbacks/requests";
import { submitTestResponse } from "@/lib/respondent/test-response";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { readAnyPayload } from "./outbox";
import { bookingReference, smsFromEnv } from "./sms";
import { deliverDue } from "./worker";

// Monday 1 March 2027, 08:00 in Paris. The demo agent opens Monday–Friday 09:00–12:00.
const NOW = new Date("2027-03-01T07:00:00Z");
const KEY = "int-sms-key";

type Received = { to: string; from: string; text: string; reference: string };

/** The same stub of the provider's API as the browser tests (e2e/sms-server.mjs), on a free port. */
async function startStub() {
  const child: ChildProcess = spawn(process.execPath, [path.resolve(import.meta.dirname, "../../e2e/sms-server.mjs")], {
    env: { ...process.env, SMS_PORT: "0", SMS_API_KEY: KEY }, stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => { const m = /listening on (\d+)/.exec(d.toString()); if (m) resolve(Number(m[1])); });
    child.on("exit", () => reject(new Error("sms stub exited")));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    received: async (to?: string) => (await (await fetch(`${base}/messages${to ? `?to=${encodeURIComponent(to)}` : ""}`)).json()) as Received[],
    failNext: async (count: number) => { await fetch(`${base}/fail?count=${count}`, { method: "POST" }); },
    close: () => { child.kill(); },
  };
}

describe.each(ENGINES)("SMS channel of the outbox on %s", (engine) => {
  let t: TestDatabase;
  let territory: TerritoryRef;
  let motiveId: string;
  let placeId: string;
  let stub: Awaited<ReturnType<typeof startStub>>;
  const saved = { url: process.env.SMS_PROVIDER_URL, key: process.env.SMS_API_KEY, sender: process.env.SMS_SENDER };

  const request = (start: Date, phone: string, over: Partial<BookRequest> = {}): BookRequest => ({
    territory, motiveId, placeId, start, contact: { name: "Marcel D.", phone, email: null }, idempotencyKey: randomUUID(), locale: "fr", now: NOW, ...over,
  });

  beforeAll(async () => {
    stub = await startStub();
    process.env.SMS_PROVIDER_URL = stub.base;
    process.env.SMS_API_KEY = KEY;
    process.env.SMS_SENDER = "CCAS";
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
  });
  afterAll(async () => {
    stub?.close();
    await t?.dispose();
    for (const [k, v] of [["SMS_PROVIDER_URL", saved.url], ["SMS_API_KEY", saved.key], ["SMS_SENDER", saved.sender]] as const) {
      if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  });

  it("a phone-only booking gets its confirmation by SMS through the provider; an e-mail-only worker leaves it alone", async () => {
    const phone = "+33611223344";
    const r = await bookAppointment(t.db, request(new Date("2027-03-04T08:00:00Z"), phone));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const messages = await t.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, r.appointmentId));
    expect(messages.map((m) => [m.kind, m.channel]).sort()).toEqual([["confirmation", "sms"], ["reminder", "sms"]]);
    expect(messages[0].payloadCiphertext).not.toContain("3344"); // encrypted like e-mails

    // A worker with SMTP only does not claim SMS.
    const mailOnly = await deliverDue(t.db, { email: async () => { throw new Error("no e-mail expected"); } }, NOW, 500);
    expect(mailOnly).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });

    const report = await deliverDue(t.db, { sms: smsFromEnv() }, NOW, 500);
    expect(report.sent).toBe(1); // the confirmation; the reminder waits for its time
    const got = await stub.received(phone);
    expect(got).toHaveLength(1);
    expect(got[0].from).toBe("CCAS");
    expect(got[0].text).toContain("rendez-vous confirmé le jeudi 4 mars 2027");
    expect(got[0].text).toContain(`Réf. ${bookingReference(r.appointmentId)}`);
    expect(got[0].text).toMatch(/\/t\/[a-z-]+\/rendez-vous\/g\//);
    const [sent] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.appointmentId, r.appointmentId), eq(outboxMessages.kind, "confirmation")));
    expect(sent.status).toBe("sent");
    expect(readAnyPayload(sent)).toMatchObject({ to: phone });

    // The reminder goes out 48 h before.
    const reminders = await deliverDue(t.db, { sms: smsFromEnv() }, new Date("2027-03-02T08:30:00Z"), 500);
    expect(reminders.sent).toBe(1);
    expect((await stub.received(phone)).map((m) => m.text.includes("rappel"))).toEqual([false, true]);
  });

  it("retries with the same back-off when the provider fails, and keeps only the HTTP status as the error", async () => {
    const phone = "+33655667788";
    const r = await bookAppointment(t.db, request(new Date("2027-03-05T08:00:00Z"), phone));
    if (!r.ok) throw new Error("booking failed");
    await stub.failNext(1);
    const first = await deliverDue(t.db, { sms: smsFromEnv() }, NOW, 500);
    expect(first.retried).toBe(1);
    const [m] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.appointmentId, r.appointmentId), eq(outboxMessages.kind, "confirmation")));
    expect(m).toMatchObject({ status: "pending", attempts: 1, lastError: "sms_http_503" });
    expect(m.nextAttemptAt.toISOString()).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    expect(await stub.received(phone)).toHaveLength(0);
    expect((await deliverDue(t.db, { sms: smsFromEnv() }, NOW, 500)).sent).toBe(0); // not due yet
    expect((await deliverDue(t.db, { sms: smsFromEnv() }, new Date(NOW.getTime() + 61_000), 500)).sent).toBe(1);
    expect(await stub.received(phone)).toHaveLength(1);

    // A provider that refuses the key: the message fails after the last retry, never sent.
    const wrong = await bookAppointment(t.db, request(new Date("2027-03-08T08:00:00Z"), "+33699887766"));
    if (!wrong.ok) throw new Error("booking failed");
    const badKey = smsFromEnv({ SMS_PROVIDER_URL: stub.base, SMS_API_KEY: "wrong" })!;
    let at = NOW.getTime();
    for (let i = 0; i < 6; i++) { await deliverDue(t.db, { sms: badKey }, new Date(at), 500); at += 5 * 3_600_000; }
    const [failed] = await t.db.select().from(outboxMessages).where(and(eq(outboxMessages.appointmentId, wrong.appointmentId), eq(outboxMessages.kind, "confirmation")));
    expect(failed).toMatchObject({ status: "failed", lastError: "sms_http_401" });
  });

  it("a phone-only rights-review opt-in gets its receipt code by SMS; with an e-mail, none", async () => {
    const r = await submitTestResponse(t.db, territory.id, { seed: 31 });
    const input = optInSchema.parse({ consent: "on", firstName: "Rémi", phone: "06 77 88 99 00", channel: "sms", language: "fr", companion: "no" });
    const { id } = await createCallbackRequest(t.db, { id: r.responseId, territoryId: territory.id, neighbourhoodId: r.neighbourhoodId }, input);
    const [m] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.dedupeKey, `${id}:receipt:sms`));
    expect(m).toMatchObject({ kind: "receipt", channel: "sms", appointmentId: null, status: "pending" });
    expect((await deliverDue(t.db, { sms: smsFromEnv() }, new Date(), 500)).sent).toBeGreaterThanOrEqual(1);
    const [got] = await stub.received("+33677889900");
    expect(got.text).toContain(`Numéro de reçu : ${r.receiptCode}`);
    expect(got.text).toContain(`/t/${territory.slug}/ma-demande`);

    const other = await submitTestResponse(t.db, territory.id, { seed: 32 });
    const withMail = optInSchema.parse({ consent: "on", firstName: "Rémi", phone: "06 77 88 99 01", email: "remi@example.org", channel: "sms", language: "fr", companion: "no" });
    const second = await createCallbackRequest(t.db, { id: other.responseId, territoryId: territory.id, neighbourhoodId: other.neighbourhoodId }, withMail);
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.dedupeKey, `${second.id}:receipt:sms`))).toHaveLength(0);
  });

  it("without a provider configured, phone-only bookings write no SMS", async () => {
    delete process.env.SMS_PROVIDER_URL;
    try {
      const r = await bookAppointment(t.db, request(new Date("2027-03-09T08:00:00Z"), "+33612121212"));
      if (!r.ok) throw new Error("booking failed");
      expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, r.appointmentId))).toHaveLength(0);
    } finally {
      process.env.SMS_PROVIDER_URL = stub.base;
    }
  });
});
