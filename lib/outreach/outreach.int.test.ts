import { MAX_NOISE } from "@/lib/dashboard/perturbation";
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, callbackRequests, outreachActions, responses, sites, territories, users } from "@/db/schema";
import { viewRequest } from "@/lib/callbacks/handle-request";
import { callbackFunnel } from "@/lib/callbacks/funnel";
import { listQueue, queueFiltersSchema } from "@/lib/callbacks/queue";
import { contactAad } from "@/lib/callbacks/requests";
import { purgeContactData } from "@/lib/callbacks/retention";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { submitTestResponse } from "@/lib/respondent/test-response";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { outreachBilan } from "./aggregates";
import { seedDemoOutreach } from "./demo-seed";
import { takeStandConsent } from "./consent";
import { parseStandConsent, STAND_CONSENT_VERSION } from "./consent-schema";
import { proposalSchema, reportSchema } from "./schemas";
import type { Actor } from "./state-machine";
import { decideAction, getAction, listActions, proposeAction, recordedAtSite, reportAction } from "./store";

const TODAY = "2026-11-30";
const NOW = new Date("2026-11-30T10:00:00Z");

describe.each(ENGINES)("outreach actions on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let otherTerritoryId: string;
  let siteId: string;
  let partner: Actor;
  let otherPartner: Actor;
  let lead: Actor;

  const userOf = async (role: string) => (await t.db.select({ id: users.id }).from(users).where(and(eq(users.territoryId, territoryId), eq(users.role, role as never))).limit(1))[0].id;
  const consentInput = (key: string, extra: Record<string, unknown> = {}) => ({
    consent: "on", firstName: "Fatou", phone: "06 98 76 54 32", channel: "phone", language: "fr", companion: "no", days: [], times: [],
    captureMode: "stand_tablet", submissionKey: key, ...extra,
  });
  async function validatedAction(heldOn = TODAY) {
    const id = randomUUID();
    const p = proposalSchema(TODAY).parse({ heldOn, actionType: "stand", placeType: "marche", siteId, audience: "tous_publics", team: "CCAS et Secours populaire" });
    expect(await proposeAction(t.db, territoryId, partner, id, p, NOW)).toEqual({ ok: true, id, created: true });
    expect(await decideAction(t.db, territoryId, lead, id, { decision: "validate", note: "" }, TODAY, NOW)).toEqual({ ok: true });
    return id;
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    territoryId = (await listTerritories(t.db))[0].id;
    [{ id: siteId }] = await t.db.select({ id: sites.id }).from(sites).where(eq(sites.territoryId, territoryId)).limit(1);
    partner = { userId: await userOf("partner"), lead: false };
    otherPartner = { userId: await userOf("interviewer"), lead: false };
    lead = { userId: await userOf("territory_admin"), lead: true };
    [{ id: otherTerritoryId }] = await t.db.insert(territories).values({ slug: "autre-outreach", name: "Autre" }).returning({ id: territories.id });
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("propose (a double submit makes one action), validate, report; each step audited", async () => {
    const id = randomUUID();
    const p = proposalSchema(TODAY).parse({ heldOn: TODAY, startsAt: "09:00", endsAt: "12:00", actionType: "stand", placeType: "marche", placeLabel: "Marché du Plan Cabanes", audience: "seniors", team: "2 bénévoles" });
    expect(await proposeAction(t.db, territoryId, partner, id, p, NOW)).toMatchObject({ ok: true, created: true });
    expect(await proposeAction(t.db, territoryId, partner, id, p, NOW)).toMatchObject({ ok: true, created: false });
    expect(await proposeAction(t.db, territoryId, otherPartner, id, p, NOW)).toEqual({ ok: false, problem: "not_found" });
    const [{ n }] = await t.db.select({ n: count() }).from(outreachActions).where(eq(outreachActions.id, id));
    expect(n).toBe(1);
    expect(await decideAction(t.db, territoryId, partner, id, { decision: "validate", note: "" }, TODAY, NOW)).toEqual({ ok: false, problem: "forbidden" });
    expect(await decideAction(t.db, territoryId, lead, id, { decision: "validate", note: "" }, TODAY, NOW)).toEqual({ ok: true });
    expect(await decideAction(t.db, territoryId, lead, id, { decision: "refuse", note: "non" }, TODAY, NOW)).toEqual({ ok: false, problem: "wrong_status" });
    const report = reportSchema(["rsa", "c2s"]).parse({ peopleMet: "35", potentialNonRecours: "9", orientations: "6", questionnairesCollected: "12", guide_rsa: "5", lessons: "Venir plus tôt" });
    expect(await reportAction(t.db, territoryId, partner, id, report, TODAY, NOW)).toEqual({ ok: true });
    expect(await reportAction(t.db, territoryId, partner, id, { ...report, peopleMet: 36 }, TODAY, NOW)).toEqual({ ok: true }); // edit within 30 days
    expect(await reportAction(t.db, territoryId, partner, id, report, "2027-01-15", NOW)).toEqual({ ok: false, problem: "too_late" });
    const [row] = await t.db.select().from(outreachActions).where(eq(outreachActions.id, id));
    expect(row).toMatchObject({ status: "reported", peopleMet: 36, potentialNonRecours: 9, guidesHanded: { rsa: 5 }, reportedBy: partner.userId, decidedBy: lead.userId });
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(["outreach.propose", "outreach.validate", "outreach.report", "outreach.report_edit"]);
  });

  it("a refusal keeps its note; a proposer sees only their own actions, the lead all; another territory's id is not found", async () => {
    const id = randomUUID();
    const p = proposalSchema(TODAY).parse({ heldOn: "2026-12-10", actionType: "atelier", placeType: "centre_social", siteId, audience: "familles", team: "CAF" });
    await proposeAction(t.db, territoryId, otherPartner, id, p, NOW);
    expect(await decideAction(t.db, territoryId, lead, id, { decision: "refuse", note: "Doublon" }, TODAY, NOW)).toEqual({ ok: true });
    expect((await getAction(t.db, territoryId, otherPartner, id))?.action).toMatchObject({ status: "refused", decisionNote: "Doublon" });
    expect(await getAction(t.db, territoryId, partner, id)).toBeNull();
    expect(await getAction(t.db, territoryId, lead, id)).not.toBeNull();
    expect(await getAction(t.db, otherTerritoryId, lead, id)).toBeNull();
    expect((await listActions(t.db, territoryId, partner)).every((a) => a.id !== id)).toBe(true);
    expect((await listActions(t.db, territoryId, lead)).some((a) => a.id === id)).toBe(true);
    expect(await decideAction(t.db, otherTerritoryId, lead, id, { decision: "validate", note: "" }, TODAY, NOW)).toEqual({ ok: false, problem: "not_found" });
    // A site of another territory is refused.
    const [foreign] = await t.db.insert(sites).values({ territoryId: otherTerritoryId, code: "x", name: "Ailleurs", kind: "ccas" }).returning({ id: sites.id });
    expect(await proposeAction(t.db, territoryId, partner, randomUUID(), { ...p, siteId: foreign.id }, NOW)).toEqual({ ok: false, problem: "site" });
  });

  it("a stand consent: one encrypted callback row pointing to the action, once on a double submit, audited, flagged in the queue", async () => {
    const actionId = await validatedAction();
    const key = `consent:${randomUUID()}`;
    const parsed = parseStandConsent(consentInput(key), { heldOn: TODAY, today: TODAY });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const first = await takeStandConsent(t.db, territoryId, partner, actionId, parsed.value, TODAY, NOW);
    const again = await takeStandConsent(t.db, territoryId, partner, actionId, parsed.value, TODAY, NOW);
    expect(first).toEqual({ ok: true, created: true });
    expect(again).toEqual({ ok: true, created: false });
    const rows = await t.db.select().from(callbackRequests).where(eq(callbackRequests.outreachActionId, actionId));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ responseId: null, captureMode: "stand_tablet", submissionKey: key, consentVersion: STAND_CONSENT_VERSION, status: "new", territoryId });
    expect(row.dueOn).not.toBeNull();
    expect(row.contactCiphertext).not.toContain("Fatou");
    expect(row.contactCiphertext).not.toContain("698765432");
    expect(decryptJson(row.contactCiphertext!, contactAad(row))).toMatchObject({ firstName: "Fatou", phone: "+33698765432" });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([["callback.stand_consent", partner.userId]]);
    expect(JSON.stringify(audits)).not.toContain("Fatou");

    // The proposer reads the action back: a count, never the contacts.
    const seen = await getAction(t.db, territoryId, partner, actionId);
    expect(seen?.consents).toBe(1);
    expect(JSON.stringify(seen)).not.toContain("Fatou");
    expect(JSON.stringify(await listActions(t.db, territoryId, partner))).not.toContain("Fatou");

    // The CCAS queue flags it; the request page works without a response.
    const queue = await listQueue(t.db, territoryId, queueFiltersSchema.parse({}), lead.userId, NOW);
    expect(queue.rows.find((r) => r.id === row.id)).toMatchObject({ outreachType: "stand", outreachOn: TODAY });
    const view = await viewRequest(t.db, territoryId, row.id, lead.userId, NOW);
    expect(view).toMatchObject({ answers: null, outreach: { actionType: "stand", heldOn: TODAY }, contact: { firstName: "Fatou" } });
    expect(await viewRequest(t.db, otherTerritoryId, row.id, lead.userId, NOW)).toBeNull();
  });

  it("no callback without the box or a channel, nor for a proposed action, another proposer's or another territory's", async () => {
    const before = (await t.db.select({ n: count() }).from(callbackRequests))[0].n;
    expect(parseStandConsent(consentInput(`consent:${randomUUID()}`, { consent: undefined }), { heldOn: TODAY, today: TODAY }).ok).toBe(false);
    expect(parseStandConsent(consentInput(`consent:${randomUUID()}`, { phone: "", email: "" }), { heldOn: TODAY, today: TODAY }).ok).toBe(false);
    const parsed = parseStandConsent(consentInput(`consent:${randomUUID()}`), { heldOn: TODAY, today: TODAY });
    if (!parsed.ok) throw new Error("valid input");
    const proposed = randomUUID();
    await proposeAction(t.db, territoryId, partner, proposed, proposalSchema(TODAY).parse({ heldOn: TODAY, actionType: "stand", placeType: "marche", siteId, audience: "jeunes", team: "x" }), NOW);
    expect(await takeStandConsent(t.db, territoryId, partner, proposed, parsed.value, TODAY, NOW)).toEqual({ ok: false, problem: "wrong_status" });
    const validated = await validatedAction();
    expect(await takeStandConsent(t.db, territoryId, otherPartner, validated, parsed.value, TODAY, NOW)).toEqual({ ok: false, problem: "not_found" });
    expect(await takeStandConsent(t.db, otherTerritoryId, lead, validated, parsed.value, TODAY, NOW)).toEqual({ ok: false, problem: "not_found" });
    expect(await takeStandConsent(t.db, territoryId, partner, validated, parsed.value, "2026-11-29", NOW)).toEqual({ ok: false, problem: "too_early" });
    expect((await t.db.select({ n: count() }).from(callbackRequests))[0].n).toBe(before);
  });

  it("a paper form typed in later is dated by its signature; retention erases stand consents like the others; the survey funnel leaves them out", async () => {
    const actionId = await validatedAction("2026-11-20");
    const parsed = parseStandConsent(consentInput(`consent:${randomUUID()}`, { captureMode: "paper_form", signedOn: "2026-11-20", email: "fatou@example.org" }), { heldOn: "2026-11-20", today: TODAY });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const funnelBefore = await callbackFunnel(t.db, territoryId);
    expect(await takeStandConsent(t.db, territoryId, partner, actionId, parsed.value, TODAY, NOW)).toEqual({ ok: true, created: true });
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.outreachActionId, actionId));
    expect(row.captureMode).toBe("paper_form");
    expect(row.consentedAt.toISOString()).toBe("2026-11-20T11:00:00.000Z"); // noon in Paris (winter time)
    expect((await callbackFunnel(t.db, territoryId)).optedIn).toBe(funnelBefore.optedIn);
    await t.db.update(callbackRequests).set({ status: "closed_unreachable", closedAt: new Date("2026-10-01T00:00:00Z") }).where(eq(callbackRequests.id, row.id));
    expect(await purgeContactData(t.db, NOW)).toBeGreaterThanOrEqual(1);
    const [after] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, row.id));
    expect(after.contactCiphertext).toBeNull();
  });

  it("questionnaires actually recorded at the site that day (Paris calendar), and the committee bilan with suppression", async () => {
    const r = await submitTestResponse(t.db, territoryId, { seed: 11 });
    // 23:30 UTC on the 29th is the 30th in Paris.
    await t.db.update(responses).set({ siteId, submittedAt: new Date("2026-11-29T23:30:00Z") }).where(eq(responses.id, r.responseId));
    expect(await recordedAtSite(t.db, territoryId, siteId, TODAY)).toBe(1);
    expect(await recordedAtSite(t.db, territoryId, siteId, "2026-11-29")).toBe(0);
    expect(await recordedAtSite(t.db, otherTerritoryId, siteId, TODAY)).toBe(0);

    const territory = { id: territoryId, settings: { suppressionThreshold: 5 } };
    const bilan = await outreachBilan(t.db, territory, { by: "actionType", per: "quarter", year: 2026 });
    expect(bilan.categories).toEqual(["stand"]);
    const q4 = 3;
    expect(bilan.tables.actions.cells[0][q4]).toBe(1);
    // Person counts carry the cell-key noise of their actions: near the truth, the same on every reading.
    const met = bilan.tables.peopleMet.cells[0][q4]!;
    const potential = bilan.tables.potentialNonRecours.cells[0][q4]!;
    expect(Math.abs(met - 36)).toBeLessThanOrEqual(MAX_NOISE);
    expect(Math.abs(potential - 9)).toBeLessThanOrEqual(MAX_NOISE);
    expect(potential).toBeLessThanOrEqual(met);
    expect(await outreachBilan(t.db, territory, { by: "actionType", per: "quarter", year: 2026 })).toEqual(bilan);
    expect(bilan.tables.guides.total).toBe(5);
    expect(bilan.tables.consents.total).toBe(0); // the consents went to actions without a report yet
    expect(JSON.stringify(bilan)).not.toContain("Fatou");
  });

  it("the demo seed adds last year's reported actions once, which the bilan of that year reads", async () => {
    expect(await seedDemoOutreach(t.db, otherTerritoryId, "montpellier", NOW)).toBe(7);
    expect(await seedDemoOutreach(t.db, otherTerritoryId, "montpellier", NOW)).toBe(0);
    expect(await seedDemoOutreach(t.db, territoryId, "demo", NOW)).toBe(0);
    const bilan = await outreachBilan(t.db, { id: otherTerritoryId, settings: {} }, { by: "placeType", per: "quarter", year: 2025 });
    expect(bilan.tables.actions.total).toBe(7);
    expect(Math.abs(bilan.tables.peopleMet.total! - 207)).toBeLessThanOrEqual(MAX_NOISE);
    expect(bilan.categories).toContain("marche");
  });
});
