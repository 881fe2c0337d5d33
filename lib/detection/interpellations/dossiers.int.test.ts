import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, detectionHouseholds, detectionInterpellationCases, detectionSituationFormes, detectionSituations } from "@/db/schema";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { twoTerritories } from "../test-territories";
import { listServices } from "../services";
import { benefitGroupOf } from "../reference";
import { assembleDossier } from "./assemble";
import { createDossier, dossierSituations, getDossier, listCases, listDossiers, recordAnswer, recordSending, saveCases } from "./dossiers";

describe.each(ENGINES)("interpellation dossiers on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let otherTerritoryId: string;
  let actor: string;
  const ids: Record<string, string> = {};

  /** One situation through drizzle, as the recording form or the import will write it. */
  async function situation(territory: string, key: string, over: Partial<typeof detectionSituations.$inferInsert>, formes: { forme: string; reason?: string }[] = []) {
    const [service] = await listServices(t.db, territory);
    const [h] = await t.db.insert(detectionHouseholds).values({ territoryId: territory, code: `H-${key}` }).returning();
    const [row] = await t.db.insert(detectionSituations).values({
      territoryId: territory, householdId: h.id, idempotencyKey: `form:${key}`, detectedOn: "2015-03-01", serviceId: service.id, ...over,
    }).returning();
    if (formes.length) await t.db.insert(detectionSituationFormes).values(formes.map((f) => ({ situationId: row.id, territoryId: territory, forme: f.forme, reason: f.reason ?? null })));
    ids[key] = row.id;
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    ({ actor, territoryId, otherTerritoryId } = await twoTerritories(t));
    await situation(territoryId, "in1", { actors: ["caf", "cpam"], financial: true, benefitCode: "rsa", timeMinutes: 30, missedMonthly: "500.00", missedMonths: 4, summary: "Mère seule, RSA jamais demandé.", status: "resolved", resolution: "right_opened", openedMonthly: "500.00" }, [{ forme: "non_connaissance", reason: "manque_information" }, { forme: "abandon" }]);
    await situation(territoryId, "in2", { actors: ["caf"], detectedOn: "2015-06-30", financial: true, benefitCode: "aides_logement", optionalAidGranted: "120.50", intensity: "partial" }, [{ forme: "non_reception", reason: "pieces_manquantes" }]);
    await situation(territoryId, "late", { actors: ["caf"], detectedOn: "2015-07-01", summary: "Hors période." });
    await situation(territoryId, "cpamOnly", { actors: ["cpam"], summary: "Autre institution." });
    await situation(otherTerritoryId, "foreign", { actors: ["caf"], summary: "Autre territoire." });
  });
  afterAll(async () => t?.dispose());

  const input = { institution: "caf", periodFrom: "2015-01-01", periodTo: "2015-06-30", title: "Interpellation CAF 2015", introduction: "Pourquoi la CAF." };

  it("creates a dossier once per form (a double submit finds the same one), for a known institution only", async () => {
    const formId = randomUUID();
    const first = await createDossier(t.db, territoryId, actor, formId, input);
    const again = await createDossier(t.db, territoryId, actor, formId, input);
    expect(first).toEqual({ ok: true, id: formId });
    expect(again).toEqual({ ok: true, id: formId });
    expect(await listDossiers(t.db, territoryId)).toHaveLength(1);
    expect(await createDossier(t.db, territoryId, actor, randomUUID(), { ...input, institution: "inconnue" })).toEqual({ ok: false, reason: "institution" });
    // The same form id replayed against another territory does not reach this dossier.
    expect(await createDossier(t.db, otherTerritoryId, actor, formId, input)).toEqual({ ok: false, reason: "not_found" });
    ids.dossier = formId;
  });

  it("covers the territory's situations of the period whose actors include the institution, and counts them", async () => {
    const d = (await getDossier(t.db, territoryId, ids.dossier))!;
    const rows = await dossierSituations(t.db, d);
    expect(rows.map((r) => r.id).sort()).toEqual([ids.in1, ids.in2].sort());
    const f = assembleDossier(rows, (c) => benefitGroupOf(c));
    expect(f.total).toBe(2);
    expect(f.formes.map((x) => [x.forme, x.count])).toEqual([["non_connaissance", 1], ["non_reception", 1], ["abandon", 1]]);
    // Equal counts keep the report's order of groups (RSA first).
    expect(f.groups).toEqual([{ code: "rsa", count: 1 }, { code: "prestations_familiales", count: 1 }]);
    expect(f.cost).toMatchObject({ minutes: 30, minutesAnswered: 1, aidGranted: 120.5, missedMonthly: 500, missedTotal: 2000 });
    expect(f.outcome).toMatchObject({ resolved: 1, open: 1, rightsOpened: 1, openedMonthly: 500 });
  });

  it("another territory's dossier is not found, and no write reaches it", async () => {
    expect(await getDossier(t.db, otherTerritoryId, ids.dossier)).toBeNull();
    expect(await listDossiers(t.db, otherTerritoryId)).toEqual([]);
    expect(await recordSending(t.db, otherTerritoryId, actor, ids.dossier, { sentOn: "2015-09-01", sentTo: "x" })).toEqual({ ok: false, reason: "not_found" });
    expect(await saveCases(t.db, otherTerritoryId, actor, ids.dossier, [])).toEqual({ ok: false, reason: "not_found" });
  });

  it("keeps only fiches mémoire of covered situations with a summary; a forged one stores nothing", async () => {
    const ok = await saveCases(t.db, territoryId, actor, ids.dossier, [{ situationId: ids.in1, text: "Mère seule, 2 enfants, RSA jamais demandé." }]);
    expect(ok).toEqual({ ok: true, id: ids.dossier });
    for (const forged of [ids.in2 /* no summary */, ids.late /* out of period */, ids.cpamOnly /* other institution */, ids.foreign /* other territory */]) {
      expect(await saveCases(t.db, territoryId, actor, ids.dossier, [{ situationId: ids.in1, text: "Autre texte" }, { situationId: forged, text: "x" }]))
        .toEqual({ ok: false, reason: "unknown_case" });
    }
    expect(await listCases(t.db, territoryId, ids.dossier)).toEqual([{ situationId: ids.in1, memoryText: "Mère seule, 2 enfants, RSA jamais demandé." }]);
    // Choosing none empties the dossier's cases.
    await saveCases(t.db, territoryId, actor, ids.dossier, []);
    expect(await t.db.select().from(detectionInterpellationCases).where(eq(detectionInterpellationCases.interpellationId, ids.dossier))).toEqual([]);
  });

  it("records the sending, then the answer (not before it was sent, not dated before the sending)", async () => {
    expect(await recordAnswer(t.db, territoryId, actor, ids.dossier, { answeredOn: "2015-09-10", answer: "Réponse" })).toEqual({ ok: false, reason: "not_sent" });
    expect(await recordSending(t.db, territoryId, actor, ids.dossier, { sentOn: "2015-09-01", sentTo: "Direction de la CAF" })).toEqual({ ok: true, id: ids.dossier });
    expect(await recordAnswer(t.db, territoryId, actor, ids.dossier, { answeredOn: "2015-08-01", answer: "Réponse" })).toEqual({ ok: false, reason: "answered_before_sent" });
    expect(await recordAnswer(t.db, territoryId, actor, ids.dossier, { answeredOn: "2015-09-10", answer: "Un groupe de travail est créé." })).toEqual({ ok: true, id: ids.dossier });
    const d = await getDossier(t.db, territoryId, ids.dossier);
    expect(d).toMatchObject({ sentOn: "2015-09-01", sentTo: "Direction de la CAF", answeredOn: "2015-09-10", answer: "Un groupe de travail est créé." });
  });

  it("audits every write of the dossier, with no typed text in the details", async () => {
    const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, territoryId), eq(auditLog.entityId, ids.dossier)));
    expect(rows.map((r) => r.action).sort()).toEqual(["interpellation.answer", "interpellation.cases", "interpellation.cases", "interpellation.create", "interpellation.sent"]);
    expect(JSON.stringify(rows.map((r) => r.details))).not.toMatch(/CAF|Mère|groupe/);
  });
});
