import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, callbackRequests } from "@/db/schema";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { submitTestResponse } from "@/lib/respondent/test-response";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { optInSchema } from "./opt-in-schema";
import { contactAad, createCallbackRequest, findRequestByReceipt, withdrawCallbackRequest } from "./requests";
import { claimRequest, closeReviewed, logAttempt, viewRequest, assignRequest } from "./handle-request";
import { callbackFunnel } from "./funnel";
import { purgeContactData } from "./retention";
import { listOutcomes, recordOutcome } from "./review";
import { createAntenna, routeToAntenna } from "./antennas";
import { neighbourhoods } from "@/db/schema";
import { listQueue, queueCounts, queueFiltersSchema, queueNames } from "./queue";
import { contactCorrectionSchema, correctContact, myRequest } from "./my-request";
import { users } from "@/db/schema";
import { and } from "drizzle-orm";
import { responses } from "@/db/schema";

const optIn = optInSchema.parse({
  consent: "on", firstName: "Aïcha", phone: "06 12 34 56 78", channel: "phone", language: "ar", companion: "yes", days: ["mon"], times: ["morning"],
});

describe.each(ENGINES)("rights-review opt-in on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  async function newResponse(seed: number) {
    const r = await submitTestResponse(t.db, territoryId, { seed });
    return { id: r.responseId, receiptCode: r.receiptCode, territoryId, neighbourhoodId: r.neighbourhoodId };
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" }); // the fictional territory is enough here
    territoryId = (await listTerritories(t.db))[0].id;
  });
  afterAll(async () => t?.dispose());

  it("stores contact data encrypted, apart from the answers, once per response, with an audit row", async () => {
    const response = await newResponse(1);
    const first = await createCallbackRequest(t.db, response, optIn);
    const again = await createCallbackRequest(t.db, response, { ...optIn, firstName: "Autre" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, first.id));
    expect(row.contactCiphertext).not.toContain("Aïcha");
    expect(row.contactCiphertext).not.toContain("612345678");
    expect(decryptJson(row.contactCiphertext!, contactAad(row))).toMatchObject({ firstName: "Aïcha", phone: "+33612345678", companion: true });
    expect(row).toMatchObject({ language: "ar", preferredChannel: "phone", status: "new", neighbourhoodId: response.neighbourhoodId });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, first.id));
    expect(audits.map((a) => a.action)).toEqual(["callback.opt_in"]);
    expect(JSON.stringify(audits)).not.toContain("Aïcha");
  });

  it("finds the request with the receipt code, and withdrawal erases the contact data but not the answers", async () => {
    const response = await newResponse(2);
    const { id } = await createCallbackRequest(t.db, response, optIn);
    const found = await findRequestByReceipt(t.db, territoryId, response.receiptCode.toLowerCase().replace("-", " "));
    expect(found).toMatchObject({ requestId: id, status: "new" });
    expect(await findRequestByReceipt(t.db, territoryId, "BM-ZZZZZZZZ")).toBeNull();
    expect(await withdrawCallbackRequest(t.db, territoryId, id)).toBe(true);
    expect(await withdrawCallbackRequest(t.db, territoryId, id)).toBe(false); // idempotent
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, id));
    expect(row).toMatchObject({ status: "withdrawn", contactCiphertext: null });
    expect(row.contactErasedAt).not.toBeNull();
    expect((await findRequestByReceipt(t.db, territoryId, response.receiptCode))?.responseId).toBe(response.id);
    const [n] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(n.n).toBe(2);
  });

  it("issues 60-bit receipt codes and still finds the 40-bit ones issued before", async () => {
    const response = await newResponse(7);
    expect(response.receiptCode).toMatch(/^BM-[0-9A-Z]{12}$/);
    const { id } = await createCallbackRequest(t.db, response, optIn);
    await t.db.update(responses).set({ receiptCode: "BM-7K3QX9M2" }).where(eq(responses.id, response.id));
    expect(await findRequestByReceipt(t.db, territoryId, "bm-7k3q x9m2")).toMatchObject({ requestId: id });
  });

  async function agents() {
    const rows = await t.db.select().from(users).where(and(eq(users.territoryId, territoryId)));
    const by = (role: string) => rows.find((u) => u.role === role)!.id;
    return { agent: by("ccas_agent"), lead: by("territory_admin"), interviewer: by("interviewer") };
  }

  it("lists the queue overdue first, then due today, then oldest; filters it, and flags overdue requests", async () => {
    const { agent } = await agents();
    const r1 = await newResponse(3);
    const old = await createCallbackRequest(t.db, r1, optIn, new Date("2026-01-05T10:00:00Z"), 5);
    const r2 = await newResponse(4);
    await createCallbackRequest(t.db, r2, { ...optIn, language: "fr" }, new Date(), 5);
    const now = new Date();
    const q = await listQueue(t.db, territoryId, queueFiltersSchema.parse({}), agent, now);
    expect(q.rows[0].id).toBe(old.id);
    expect(q.rows[0].overdue).toBe(true);
    const rank = (r: (typeof q.rows)[number]) => (r.overdue ? 0 : r.dueToday ? 1 : 2);
    expect(q.rows.every((r, i) => i === 0 || rank(r) > rank(q.rows[i - 1]) || (rank(r) === rank(q.rows[i - 1]) && r.createdAt >= q.rows[i - 1].createdAt))).toBe(true);
    const overdue = await listQueue(t.db, territoryId, queueFiltersSchema.parse({ overdue: "1" }), agent, now);
    expect(overdue.rows.map((r) => r.id)).toContain(old.id);
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    const arabic = await listQueue(t.db, territoryId, queueFiltersSchema.parse({ language: "ar" }), agent, now);
    expect(arabic.rows.every((r) => r.language === "ar")).toBe(true);
    const counts = await queueCounts(t.db, territoryId, agent, now);
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.open).toBe(q.total);
  });

  it("puts a call-back agreed for today before older requests, and shows first names with one audit row per page view", async () => {
    const { agent } = await agents();
    const now = new Date();
    const older = await createCallbackRequest(t.db, await newResponse(11), { ...optIn, firstName: "Ancienne" }, new Date(now.getTime() - 2 * 86_400_000), 30);
    const today = await createCallbackRequest(t.db, await newResponse(12), { ...optIn, firstName: "Rappel" }, new Date(now.getTime() - 86_400_000), 30);
    await t.db.update(callbackRequests).set({ nextCallAt: now }).where(eq(callbackRequests.id, today.id));
    const q = await listQueue(t.db, territoryId, queueFiltersSchema.parse({}), agent, now);
    const ids = q.rows.map((r) => r.id);
    expect(ids.indexOf(today.id)).toBeLessThan(ids.indexOf(older.id));
    expect(q.rows.find((r) => r.id === today.id)).toMatchObject({ dueToday: true, overdue: false });
    const before = (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "callback.view_queue_names")))[0].n;
    const names = await queueNames(t.db, territoryId, ids, agent, now);
    expect(names.get(today.id)).toEqual({ firstName: "Rappel", days: ["mon"], times: ["morning"] });
    expect(Object.keys(names.get(today.id)!)).not.toContain("phone"); // only what the list shows
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "callback.view_queue_names"));
    expect(audits.length - before).toBe(1);
    expect(audits.at(-1)).toMatchObject({ actorUserId: agent, entity: "territory", entityId: territoryId, details: { shown: names.size } });
    expect(JSON.stringify(audits)).not.toContain("Rappel");
    // Another territory's ids show nothing.
    expect((await queueNames(t.db, "00000000-0000-4000-8000-000000000000", ids, agent, now)).size).toBe(0);
  });

  it("tells the person where their request stands and lets them correct their contact details (re-encrypted, audited)", async () => {
    const { agent } = await agents();
    const response = await newResponse(21);
    const { id } = await createCallbackRequest(t.db, response, optIn);
    expect((await myRequest(t.db, territoryId, response.id))?.stage).toBe("received");
    await claimRequest(t.db, territoryId, id, agent);
    expect((await myRequest(t.db, territoryId, response.id))?.stage).toBe("taken");
    await logAttempt(t.db, territoryId, id, agent, { outcome: "no_answer" }, 3);
    const attempted = await myRequest(t.db, territoryId, response.id);
    expect(attempted).toMatchObject({ stage: "attempted", canCorrect: true, contact: { firstName: "Aïcha", phone: "+33612345678" } });
    expect(attempted?.lastAttempt?.at).toBeInstanceOf(Date);

    const input = contactCorrectionSchema.parse({ firstName: "Aïcha", phone: "07 11 22 33 44", email: "aicha@example.org", channel: "sms" });
    expect(await correctContact(t.db, territoryId, id, input)).toBe(true);
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, id));
    expect(row.contactCiphertext).not.toContain("711223344");
    expect(decryptJson(row.contactCiphertext!, contactAad(row))).toMatchObject({ phone: "+33711223344", email: "aicha@example.org", channel: "sms", language: "ar", companion: true });
    expect(row.preferredChannel).toBe("sms");
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "callback.contact_corrected")));
    expect(audit).toMatchObject({ actorKind: "respondent", details: { fields: "phone,email,channel" } });
    expect(JSON.stringify(audit)).not.toContain("aicha@");
    expect(contactCorrectionSchema.safeParse({ firstName: "A", channel: "email" }).success).toBe(false); // no way to reach
    // Once withdrawn, nothing can be corrected.
    await withdrawCallbackRequest(t.db, territoryId, id);
    expect(await correctContact(t.db, territoryId, id, input)).toBe(false);
    expect((await myRequest(t.db, territoryId, response.id))?.stage).toBe("withdrawn");
  });

  it("audits every view of contact data; another territory's id is not found", async () => {
    const { agent } = await agents();
    const { id } = await createCallbackRequest(t.db, await newResponse(5), optIn);
    const seen = await viewRequest(t.db, territoryId, id, agent);
    expect(seen?.contact).toMatchObject({ firstName: "Aïcha", phone: "+33612345678" });
    expect(JSON.stringify(seen?.request)).not.toContain("v1:");
    const views = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "callback.view_contact")));
    expect(views).toHaveLength(1);
    expect(views[0].actorUserId).toBe(agent);
    expect(await viewRequest(t.db, "00000000-0000-0000-0000-000000000000", id, agent)).toBeNull();
  });

  it("claims once, logs attempts, closes as unreachable after three failures and then refuses changes", async () => {
    const { agent, lead, interviewer } = await agents();
    const { id } = await createCallbackRequest(t.db, await newResponse(6), optIn);
    expect(await logAttempt(t.db, territoryId, id, agent, { outcome: "no_answer" }, 3)).toEqual({ ok: false, reason: "not_assigned" });
    expect(await claimRequest(t.db, territoryId, id, agent)).toEqual({ ok: true });
    expect(await claimRequest(t.db, territoryId, id, lead)).toMatchObject({ ok: false, reason: "taken" });
    expect(await assignRequest(t.db, territoryId, id, interviewer, lead)).toEqual({ ok: false, reason: "unknown_agent" });
    for (const outcome of ["no_answer", "wrong_number"] as const) {
      expect(await logAttempt(t.db, territoryId, id, agent, { outcome }, 3)).toEqual({ ok: true });
    }
    expect(await logAttempt(t.db, territoryId, id, agent, { outcome: "call_back", callBackOn: "2026-12-01" }, 3)).toEqual({ ok: true });
    expect(await logAttempt(t.db, territoryId, id, agent, { outcome: "no_answer" }, 3)).toEqual({ ok: true });
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, id));
    expect(row).toMatchObject({ status: "closed_unreachable", failedAttempts: 3 });
    expect(row.closedAt).not.toBeNull();
    expect(await logAttempt(t.db, territoryId, id, agent, { outcome: "reached" }, 3)).toEqual({ ok: false, reason: "closed" });
    expect(await assignRequest(t.db, territoryId, id, lead, lead)).toEqual({ ok: false, reason: "closed" });
  });

  it.runIf(engine === "postgres")("lets exactly one of many concurrent claims win", async () => {
    const { agent, lead } = await agents();
    const { id } = await createCallbackRequest(t.db, await newResponse(7), optIn);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claimRequest(t.db, territoryId, id, i % 2 ? agent : lead)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "taken")).toHaveLength(9);
  });

  it("records a review with a right opened, closes it, and the funnel counts it", async () => {
    const { agent } = await agents();
    const before = await callbackFunnel(t.db, territoryId);
    const { id } = await createCallbackRequest(t.db, await newResponse(8), optIn);
    await claimRequest(t.db, territoryId, id, agent);
    expect(await recordOutcome(t.db, territoryId, id, agent, { benefitCode: "rsa", outcome: "right_opened", openedOn: "2026-11-20" }))
      .toEqual({ ok: false, reason: "not_reached" });
    await logAttempt(t.db, territoryId, id, agent, { outcome: "reached" }, 3);
    expect(await recordOutcome(t.db, territoryId, id, agent, { benefitCode: "invented", outcome: "declined" })).toEqual({ ok: false, reason: "unknown_benefit" });
    expect(await recordOutcome(t.db, territoryId, id, agent, { benefitCode: "rsa", outcome: "right_opened", openedOn: "2026-11-20", monthlyAmount: 607.75, partner: "caf", note: "Dossier déposé avec Mme X" }))
      .toEqual({ ok: true });
    expect(await recordOutcome(t.db, territoryId, id, agent, { benefitCode: "c2s", outcome: "application_started", partner: "cpam" })).toEqual({ ok: true });
    const outcomes = await listOutcomes(t.db, territoryId, id);
    expect(outcomes.map((o) => [o.benefitCode, o.outcome, o.monthlyAmount, o.note])).toEqual([
      ["c2s", "application_started", null, null], ["rsa", "right_opened", "607.75", "Dossier déposé avec Mme X"],
    ]);
    expect(await closeReviewed(t.db, territoryId, id, agent)).toEqual({ ok: true });
    expect(await recordOutcome(t.db, territoryId, id, agent, { benefitCode: "aah", outcome: "declined" })).toEqual({ ok: false, reason: "closed" });
    const after = await callbackFunnel(t.db, territoryId);
    expect(after.optedIn - before.optedIn).toBe(1);
    expect(after.reached - before.reached).toBe(1);
    expect(after.reviewed - before.reviewed).toBe(1);
    expect(after.rightsOpened.find((r) => r.benefit === "rsa")).toMatchObject({ count: 1, monthlyTotal: 607.75 });
    expect(after.medianDays.toReached).not.toBeNull();
  });

  it("purges contact data after the retention delays, idempotently, keeping outcomes", async () => {
    const { agent } = await agents();
    const { id } = await createCallbackRequest(t.db, await newResponse(9), optIn);
    await claimRequest(t.db, territoryId, id, agent);
    await logAttempt(t.db, territoryId, id, agent, { outcome: "reached" }, 3);
    await recordOutcome(t.db, territoryId, id, agent, { benefitCode: "aah", outcome: "not_eligible", note: "note" });
    const closedAt = new Date("2026-01-10T10:00:00Z");
    await closeReviewed(t.db, territoryId, id, agent, closedAt);
    const stillKept = await purgeContactData(t.db, new Date("2026-12-01T00:00:00Z"));
    expect((await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, id)))[0].contactCiphertext).not.toBeNull();
    const purged = await purgeContactData(t.db, new Date("2027-01-11T00:00:00Z"));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await purgeContactData(t.db, new Date("2027-01-11T00:00:00Z"))).toBe(0);
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, id));
    expect(row).toMatchObject({ contactCiphertext: null, status: "closed_reviewed" });
    expect((await listOutcomes(t.db, territoryId, id))[0]).toMatchObject({ benefitCode: "aah", outcome: "not_eligible", note: null });
    expect(stillKept).toBeGreaterThanOrEqual(0);
  });

  it("routes a request to the antenna of the closest covered neighbourhood", async () => {
    const [quartierA] = await t.db.select().from(neighbourhoods).where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoods.code, "FIC-QA")));
    const [ilotB1] = await t.db.select().from(neighbourhoods).where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoods.code, "FIC-QB-1")));
    const antenna = await createAntenna(t.db, territoryId, { name: "Antenne A", neighbourhoodIds: [quartierA.id] });
    expect(antenna.ok).toBe(true);
    expect(await createAntenna(t.db, territoryId, { name: "Antenne A", neighbourhoodIds: [ilotB1.id] })).toEqual({ ok: false, reason: "duplicate_name" });
    expect(await createAntenna(t.db, territoryId, { name: "Ailleurs", neighbourhoodIds: ["00000000-0000-0000-0000-000000000000"] }))
      .toEqual({ ok: false, reason: "unknown_neighbourhood" });
    const response = await newResponse(10); // lives in "Îlot fictif A1", inside quartier A
    const { id } = await createCallbackRequest(t.db, response, optIn);
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, id));
    expect(row.antennaId).toBe(antenna.ok ? antenna.id : null);
    expect(await routeToAntenna(t.db, territoryId, ilotB1.id)).toBeNull();
  });
});
