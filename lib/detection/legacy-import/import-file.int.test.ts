import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, detectionHouseholds, detectionSituationFormes, detectionSituations, users } from "@/db/schema";
import { writeSheets } from "@/lib/modules/xlsform/write-sheets";
import { fictionalTerritory } from "@/lib/territories/fictional";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { importLegacyFile, type ImportOptions } from "./import-file";

const HEADERS = ["Identifiant ménage", "Date", "Service détecteur", "Prestation", "Non réception", "Non demande", "Entraînée par une autre situation",
  "Situation à l'origine (n° de ligne)", "Temps passé (minutes)", "Demande d'ASF induite", "Montant ASF accordé (€)"];
const GOOD = [
  ["M-1", "05/03/2015", "ASF", "RSA", "Pièces manquantes", "", "", "", "20", "oui", "250"],
  ["M-1", "09/03/2015", "ASF", "CMU-C", "", "Manque de capacités", "oui", "2", "15", "non", ""],
  ["M-2", "10/03/2015", "EP", "AAH", "Oubli de la part du demandeur", "", "", "", "40", "", ""],
  ["M-2", "10/03/2015", "EP", "AAH", "Oubli de la part du demandeur", "", "", "", "40", "", ""],
];
const BAD = [...GOOD.slice(0, 2), ["M-3", "10/03/2030", "Mairie", "RSA", "", "", "", "", "", "", ""]];
const now = new Date("2026-01-15T10:00:00Z");

describe.each(ENGINES)("legacy detection import on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let otherId: string;
  let userId: string;
  const opts = (o: Partial<ImportOptions> = {}): ImportOptions => ({ dryRun: false, via: "page", actorUserId: userId, now, ...o });
  const count = async (tid = territoryId) => ({
    situations: (await t.db.select().from(detectionSituations).where(eq(detectionSituations.territoryId, tid))).length,
    households: (await t.db.select().from(detectionHouseholds).where(eq(detectionHouseholds.territoryId, tid))).length,
    audits: (await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, tid), eq(auditLog.action, "detection.import")))).length,
  });

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    territoryId = await upsertTerritory(t.db, fictionalTerritory());
    otherId = await upsertTerritory(t.db, { ...fictionalTerritory(), slug: "autre", name: "Autre" });
    const [u] = await t.db.insert(users).values({ email: "agent@example.test", name: "Agent", role: "ccas_agent", territoryId, passwordHash: "x" }).returning({ id: users.id });
    userId = u.id;
  });
  afterAll(async () => t?.dispose());

  it("a dry run lists every problem by row and column and writes nothing; a real run of that file writes nothing either", async () => {
    const file = await writeSheets({ Situations: [HEADERS, ...BAD] });
    const dry = await importLegacyFile(t.db, territoryId, file, opts({ dryRun: true }));
    expect(dry).toMatchObject({ accepted: false, dryRun: true, dataRows: 3, added: 2, refused: 1 });
    expect(dry.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, "B (Date)", "dateRange"], [4, "C (Service détecteur)", "service"], [4, null, "noForme"],
    ]);
    const real = await importLegacyFile(t.db, territoryId, file, opts());
    expect(real).toMatchObject({ accepted: false, added: 0 });
    expect(await count()).toEqual({ situations: 0, households: 0, audits: 0 });
  });

  it("imports in one transaction with its audit row; importing the same file again adds nothing", async () => {
    const file = await writeSheets({ Situations: [HEADERS, ...GOOD] });
    const dry = await importLegacyFile(t.db, territoryId, file, opts({ dryRun: true }));
    expect(dry).toMatchObject({ accepted: true, added: 4, alreadyPresent: 0 });
    expect((await count()).situations).toBe(0);
    const progress: number[] = [];
    const first = await importLegacyFile(t.db, territoryId, file, opts({ onProgress: (done) => progress.push(done) }));
    expect(first).toMatchObject({ accepted: true, added: 4, alreadyPresent: 0, refused: 0, householdsCreated: 2 });
    expect(progress.at(-1)).toBe(4);
    expect(await count()).toEqual({ situations: 4, households: 2, audits: 1 });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, territoryId), eq(auditLog.action, "detection.import")));
    expect(audit).toMatchObject({ actorUserId: userId, actorKind: "staff", details: { via: "page", rows: 4, added: 4, alreadyPresent: 0, refused: 0, householdsCreated: 2 } });

    // The second row names the first as its cause; the formes are stored.
    const linked = await t.db.select().from(detectionSituations).where(and(eq(detectionSituations.territoryId, territoryId), isNotNull(detectionSituations.causedById)));
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ benefitCode: "c2s", causedFlag: false, source: "import" });
    const [cause] = await t.db.select().from(detectionSituations).where(eq(detectionSituations.id, linked[0].causedById!));
    expect(cause).toMatchObject({ benefitCode: "rsa", optionalAidGranted: "250.00", householdId: linked[0].householdId });
    expect((await t.db.select().from(detectionSituationFormes).where(eq(detectionSituationFormes.territoryId, territoryId))).length).toBe(4);

    const again = await importLegacyFile(t.db, territoryId, file, opts());
    expect(again).toMatchObject({ accepted: true, added: 0, alreadyPresent: 4, householdsCreated: 0 });
    expect(await count()).toEqual({ situations: 4, households: 2, audits: 2 });
  });

  it("the valid rows of a faulty file are imported only when asked, and reuse the households by code", async () => {
    const file = await writeSheets({ Situations: [HEADERS, ...BAD, ["M-1", "12/03/2015", "EP", "RSA", "x", "", "", "", "", "", ""]] });
    const r = await importLegacyFile(t.db, territoryId, file, opts({ allowRefusals: true }));
    expect(r).toMatchObject({ accepted: true, added: 1, alreadyPresent: 2, refused: 1, householdsCreated: 0 });
    expect((await count()).households).toBe(2);
  });

  it("each territory has its own households and situations", async () => {
    const file = await writeSheets({ Situations: [HEADERS, ...GOOD] });
    expect(await count(otherId)).toEqual({ situations: 0, households: 0, audits: 0 });
    const r = await importLegacyFile(t.db, otherId, file, opts({ actorUserId: null, via: "command" }));
    expect(r).toMatchObject({ added: 4, householdsCreated: 2 });
    expect(await count(otherId)).toEqual({ situations: 4, households: 2, audits: 1 });
    expect((await count()).situations).toBe(5);
  });

  it("refuses an identity column and a file that is not a workbook, writing nothing", async () => {
    const before = await count();
    const withName = await writeSheets({ Situations: [[...HEADERS, "Nom"], [...GOOD[0], "Dupont"]] });
    const r = await importLegacyFile(t.db, territoryId, withName, opts());
    expect(r.accepted).toBe(false);
    expect(r.problems.find((p) => p.level === "error")).toMatchObject({ code: "identityColumn", row: 1, column: "L (Nom)" });
    const notXlsx = await importLegacyFile(t.db, territoryId, new TextEncoder().encode("a;b\n1;2"), opts());
    expect(notXlsx.problems).toEqual([{ level: "error", code: "unreadable", row: null, column: null, params: { max: "5 Mo" } }]);
    expect(await count()).toEqual(before);
  });
});
