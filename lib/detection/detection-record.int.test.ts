import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, callbackRequests, detectionHouseholdIdentities, detectionSituationFormes, detectionSituations, neighbourhoods, territories, users } from "@/db/schema";
import { submitTestResponse } from "@/lib/respondent/test-response";
import { createCallbackRequest } from "@/lib/callbacks/requests";
import { optInSchema } from "@/lib/callbacks/opt-in-schema";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { addFollowUp, followUpSchema, listFollowUps } from "./follow-ups";
import { findHouseholdByCode, listHouseholdSituations } from "./households";
import { findHouseholdsByIdentity, setIdentity, viewIdentity } from "./identity";
import { loadLists } from "./options";
import { recordSituation, updateSituation } from "./record-situation";
import { listServices } from "./services";
import { parseSituation, type FormValues, type SituationInput } from "./situation-schema";
import { getSituation, householdOfReview, listToFollow } from "./situations";

const TODAY = "2026-03-10";

describe.each(ENGINES)("recording detected situations on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string, otherTerritoryId: string, workerId: string, otherWorkerId: string, epId: string, asfId: string;
  let n = 0;
  const key = () => `form:00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;

  async function input(over: FormValues = {}): Promise<SituationInput> {
    const ctx = { today: TODAY, lists: await loadLists(t.db, territoryId), services: await listServices(t.db, territoryId) };
    const r = parseSituation(ctx, {
      detectedOn: "2026-03-02", serviceId: epId, financial: "yes", benefitCode: "rsa", actors: ["caf"], actions: ["information_orientation"],
      formes: ["non_reception"], reason_non_reception: "pieces_manquantes", peopleConcerned: "2", timeMinutes: "30", missedMonthly: "540,50", ...over,
    });
    if (!r.success) throw new Error(JSON.stringify(r.error.issues));
    return r.data;
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    territoryId = (await listTerritories(t.db))[0].id;
    [{ id: otherTerritoryId }] = await t.db.insert(territories).values({ slug: "autre", name: "Autre" }).returning({ id: territories.id });
    [{ id: workerId }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "agent.demo@barometre.test"));
    [{ id: otherWorkerId }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "admin.demo@barometre.test"));
    const services = await listServices(t.db, territoryId);
    epId = services.find((s) => s.code === "ep")!.id;
    asfId = services.find((s) => s.code === "asf")!.id;
  });
  afterAll(async () => t?.dispose());

  it("records a situation of a new household in one transaction, with its formes and an audit row", async () => {
    const [area] = await t.db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.territoryId, territoryId)).limit(1);
    const r = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: { peopleCount: 3, neighbourhoodId: area.id } }, idempotencyKey: key() });
    expect(r).toMatchObject({ ok: true, created: true });
    if (!r.ok) return;
    expect(r.householdCode).toMatch(/^M-[0-9A-HJKMNP-TV-Z]{6}$/);
    const s = await getSituation(t.db, territoryId, r.id);
    expect(s).toMatchObject({ financial: true, benefitCode: "rsa", domain: null, actors: ["caf"], missedMonthly: "540.50", status: "open", workerId, householdCode: r.householdCode });
    expect(s!.formes).toEqual([{ forme: "non_reception", reason: "pieces_manquantes", level: null }]);
    const h = await findHouseholdByCode(t.db, territoryId, r.householdCode.toLowerCase().replace("-", " "));
    expect(h).toMatchObject({ peopleCount: 3, neighbourhoodId: area.id });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audits.map((a) => a.action)).toEqual(["detection.situation.record"]);
  });

  it("a retry with the same form key returns the same situation and adds nothing", async () => {
    const k = key();
    const first = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: k });
    const again = await recordSituation(t.db, { territoryId, workerId, input: await input({ benefitCode: "aah" }), household: { new: {} }, idempotencyKey: k });
    expect(first.ok && again.ok && again.id === first.id && again.householdCode === first.householdCode).toBe(true);
    expect(again).toMatchObject({ created: false });
    const rows = await t.db.select().from(detectionSituations).where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.idempotencyKey, k)));
    expect(rows).toHaveLength(1);
    expect(rows[0].benefitCode).toBe("rsa");
    // Two submits at once (a double click on a slow line): one situation, one household, both answers name it.
    const k2 = key();
    const both = await Promise.all([0, 1].map(async () => recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: k2 })));
    expect(both[0].ok && both[1].ok && both[0].id === both[1].id && both[0].householdCode === both[1].householdCode).toBe(true);
    expect(await t.db.select().from(detectionSituations).where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.idempotencyKey, k2)))).toHaveLength(1);
  });

  it("links a situation caused by another of the same household, and refuses one of another household", async () => {
    const a = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: key() });
    const b = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: key() });
    if (!a.ok || !b.ok) throw new Error("setup");
    const linked = await recordSituation(t.db, { territoryId, workerId: otherWorkerId, input: await input({ serviceId: asfId, benefitCode: "c2s", causedById: a.id }), household: { code: a.householdCode }, idempotencyKey: key() });
    expect(linked).toMatchObject({ ok: true, householdCode: a.householdCode });
    const refused = await recordSituation(t.db, { territoryId, workerId, input: await input({ causedById: b.id }), household: { code: a.householdCode }, idempotencyKey: key() });
    expect(refused).toEqual({ ok: false, problem: "caused_by" });
    const hh = await findHouseholdByCode(t.db, territoryId, a.householdCode);
    expect((await listHouseholdSituations(t.db, territoryId, hh!.id)).map((s) => s.causedById)).toEqual([null, a.id]);
    // An edit may not make a loop (a caused by its own consequence).
    if (!linked.ok) return;
    expect(await updateSituation(t.db, territoryId, a.id, workerId, await input({ causedById: linked.id }))).toEqual({ ok: false, problem: "caused_by" });
  });

  it("another territory's situation, household or area is not found", async () => {
    const a = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: key() });
    if (!a.ok) throw new Error("setup");
    expect(await getSituation(t.db, otherTerritoryId, a.id)).toBeNull();
    expect(await findHouseholdByCode(t.db, otherTerritoryId, a.householdCode)).toBeNull();
    expect(await recordSituation(t.db, { territoryId: otherTerritoryId, workerId, input: await input(), household: { code: a.householdCode }, idempotencyKey: key() }))
      .toEqual({ ok: false, problem: "unknown_household" });
    const r = await addFollowUp(t.db, { territoryId: otherTerritoryId, situationId: a.id, authorId: workerId, idempotencyKey: key(), input: followUpSchema.parse({ note: "x" }), today: TODAY });
    expect(r).toEqual({ ok: false, problem: "not_found" });
    expect(await updateSituation(t.db, otherTerritoryId, a.id, workerId, await input())).toEqual({ ok: false, problem: "not_found" });
  });

  it("edits a situation and audits the changed field names, not their values", async () => {
    const a = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: key() });
    if (!a.ok) throw new Error("setup");
    const r = await updateSituation(t.db, territoryId, a.id, workerId, await input({ benefitCode: "aah", formes: ["non_connaissance"], reason_non_connaissance: "manque_information" }));
    expect(r).toEqual({ ok: true, changed: ["benefitCode", "formes"] });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, "detection.situation.edit")));
    expect(audit.details).toEqual({ fields: "benefitCode,formes" });
    expect(await t.db.select().from(detectionSituationFormes).where(eq(detectionSituationFormes.situationId, a.id))).toHaveLength(1);
  });

  it("keeps the identity encrypted at rest, finds the household by name or file number, and audits every view and set", async () => {
    const a = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: key() });
    if (!a.ok) throw new Error("setup");
    const h = (await findHouseholdByCode(t.db, territoryId, a.householdCode))!;
    expect(await setIdentity(t.db, territoryId, h.id, workerId, { name: "Marie Dupont-Élise", caf: "1234567" })).toBe(true);
    const [row] = await t.db.select().from(detectionHouseholdIdentities).where(eq(detectionHouseholdIdentities.householdId, h.id));
    expect(row.ciphertext).not.toContain("Dupont");
    expect(row.ciphertext).not.toContain("1234567");
    expect(row.lookupHashes.join(" ")).not.toContain("1234567");
    expect((await findHouseholdsByIdentity(t.db, territoryId, "dupont elise marie", workerId)).map((x) => x.code)).toEqual([a.householdCode]);
    expect((await findHouseholdsByIdentity(t.db, territoryId, "123 45 67", workerId)).map((x) => x.code)).toEqual([a.householdCode]);
    expect(await findHouseholdsByIdentity(t.db, otherTerritoryId, "1234567", workerId)).toEqual([]);
    expect(await viewIdentity(t.db, otherTerritoryId, h.id, workerId)).toBeNull();
    expect(await setIdentity(t.db, otherTerritoryId, h.id, workerId, { name: "X" })).toBe(false);
    expect(await viewIdentity(t.db, territoryId, h.id, workerId)).toEqual({ name: "Marie Dupont-Élise", caf: "1234567" });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, h.id));
    expect(audits.map((x) => x.action).sort()).toEqual(["detection.identity.set", "detection.identity.view", "detection.identity.view"]);
    expect(JSON.stringify(audits)).not.toMatch(/Dupont|1234567/);
  });

  it("logs follow-ups once per form, resolves with a right opened, reopens (audited), and lists my situations to follow", async () => {
    const a = await recordSituation(t.db, { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: key() });
    const b = await recordSituation(t.db, { territoryId, workerId: otherWorkerId, input: await input(), household: { new: {} }, idempotencyKey: key() });
    if (!a.ok || !b.ok) throw new Error("setup");
    const k = key();
    const fu = followUpSchema.parse({ note: "Appel à la CAF", nextStep: "Rappeler", remindOn: "2026-03-05", status: "in_progress" });
    expect(await addFollowUp(t.db, { territoryId, situationId: b.id, authorId: workerId, idempotencyKey: k, input: fu, today: TODAY })).toEqual({ ok: true, created: true });
    expect(await addFollowUp(t.db, { territoryId, situationId: b.id, authorId: workerId, idempotencyKey: k, input: fu, today: TODAY })).toEqual({ ok: true, created: false });
    expect(await listFollowUps(t.db, territoryId, b.id)).toHaveLength(1);
    const mine = await listToFollow(t.db, territoryId, workerId, TODAY);
    expect(mine[0]).toMatchObject({ id: b.id, overdue: true, status: "in_progress" });
    expect(mine.map((m) => m.id)).toContain(a.id);
    const incomplete = followUpSchema.parse({ note: "Droit ouvert", status: "resolved", resolution: "right_opened" });
    expect(await addFollowUp(t.db, { territoryId, situationId: a.id, authorId: workerId, idempotencyKey: key(), input: incomplete, today: TODAY })).toEqual({ ok: false, problem: "right_opened_details" });
    const resolved = followUpSchema.parse({ note: "Droit ouvert", status: "resolved", resolution: "right_opened", resolvedOn: "2026-03-09", openedMonthly: "607,75" });
    expect(await addFollowUp(t.db, { territoryId, situationId: a.id, authorId: workerId, idempotencyKey: key(), input: resolved, today: TODAY })).toEqual({ ok: true, created: true });
    expect(await getSituation(t.db, territoryId, a.id)).toMatchObject({ status: "resolved", resolution: "right_opened", resolvedOn: "2026-03-09", openedMonthly: "607.75" });
    expect((await listToFollow(t.db, territoryId, workerId, TODAY)).map((m) => m.id)).not.toContain(a.id);
    await addFollowUp(t.db, { territoryId, situationId: a.id, authorId: workerId, idempotencyKey: key(), input: followUpSchema.parse({ note: "Droit suspendu", status: "in_progress" }), today: TODAY });
    expect(await getSituation(t.db, territoryId, a.id)).toMatchObject({ status: "in_progress", resolution: null, openedMonthly: null });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, a.id))).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(["detection.follow_up", "detection.situation.reopen"]));
  });

  it("turns a rights review's benefit into a situation once, and reuses its household for the next benefit", async () => {
    const resp = await submitTestResponse(t.db, territoryId, { seed: 7 });
    const optIn = optInSchema.parse({ consent: "on", firstName: "Aïcha", phone: "06 12 34 56 78", channel: "phone", language: "fr", companion: "no", days: ["mon"], times: ["morning"] });
    const { id: requestId } = await createCallbackRequest(t.db, { id: resp.responseId, territoryId, neighbourhoodId: resp.neighbourhoodId }, optIn);
    expect((await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, requestId))).length).toBe(1);
    const rsa = { territoryId, workerId, input: await input(), household: { new: {} }, idempotencyKey: `review:${requestId}:rsa`, source: "review" as const, reviewRequestId: requestId };
    const first = await recordSituation(t.db, rsa);
    const again = await recordSituation(t.db, rsa);
    const c2s = await recordSituation(t.db, { ...rsa, input: await input({ benefitCode: "c2s" }), idempotencyKey: `review:${requestId}:c2s` });
    if (!first.ok || !again.ok || !c2s.ok) throw new Error("refused");
    expect(again).toMatchObject({ id: first.id, created: false });
    expect(c2s.householdCode).toBe(first.householdCode);
    expect(await householdOfReview(t.db, territoryId, requestId)).toBe(first.householdCode);
    expect((await getSituation(t.db, territoryId, first.id))).toMatchObject({ source: "review", reviewRequestId: requestId });
  });
});
