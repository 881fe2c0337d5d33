import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, helpPoints, neighbourhoodLevels, neighbourhoods, users } from "@/db/schema";
import { seedCatalogue } from "@/lib/callbacks/review";
import { createTerritory } from "@/lib/territories/territory-admin";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { flatRowsFromJson, parseCsv, toDataInclusion, toFlatRows, type DiFlatRow } from "./data-inclusion";
import { seedDemoHelpPoints } from "./demo-seed";
import { listHelpPoints, nearestHelpPoints } from "./queries";
import { importHelpPoints, listStaffHelpPoints, saveHelpPoint, setHelpPointArchived } from "./store";
import { toCsv } from "@/lib/export/csv";
import { DI_COLUMNS } from "./data-inclusion";

const square = (x0: number, y0: number, x1: number, y1: number) => ({ type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const row = (over: DiFlatRow): DiFlatRow => ({
  id: "p1", nom: "Maison des droits", typologie: "CCAS", commune: "Ville", code_postal: "34000", adresse: "1 rue A",
  longitude: "3.5", latitude: "43.5", telephone: "0467347000", horaires_accueil: "Mo-Fr 09:00-12:00", barometre_prestations: "rsa", ...over,
});
const TUESDAY_10 = new Date("2026-12-01T09:00:00Z"); // 10:00 in Paris
const SUNDAY_10 = new Date("2026-11-29T09:00:00Z");

describe.each(ENGINES)("help points on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let other: string;
  let quartier: string;
  let iris: string;
  const actor = { userId: null as string | null, kind: "staff" as const };
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const [u] = await t.db.insert(users).values({ email: "admin@test.fr", name: "Admin", role: "admin" }).returning();
    actor.userId = u.id;
    const a = await createTerritory(t.db, u.id, { name: "Epsilon", slug: "epsilon" });
    const b = await createTerritory(t.db, u.id, { name: "Zeta", slug: "zeta" });
    if (!a.ok || !b.ok) throw new Error("territories");
    territoryId = a.id;
    other = b.id;
    for (const id of [territoryId, other]) await seedCatalogue(t.db, id);
    const [l1] = await t.db.insert(neighbourhoodLevels).values({ territoryId, key: "quartier", name: "Quartier", rank: 1 }).returning();
    const [l2] = await t.db.insert(neighbourhoodLevels).values({ territoryId, key: "iris", name: "IRIS", rank: 2 }).returning();
    const [q] = await t.db.insert(neighbourhoods).values({ territoryId, levelId: l1.id, code: "Q1", name: "Centre", geometry: square(3, 43, 4, 44) }).returning();
    const [i] = await t.db.insert(neighbourhoods).values({ territoryId, levelId: l2.id, code: "I1", name: "Centre nord", parentId: q.id, geometry: square(3, 43, 4, 44) }).returning();
    quartier = q.id;
    iris = i.id;
  });
  afterAll(async () => t?.dispose());

  it("a dry run lists every error by row and column and writes nothing", async () => {
    const report = await importHelpPoints(t.db, territoryId, [
      row({}),
      row({ id: "p2", horaires_accueil: "Mo-Fr 25:00-12:00", telephone: "12", typologie: "XYZ" }),
      row({ id: "p1", barometre_prestations: "inconnue" }),
    ], { dryRun: true, firstRowNumber: 2, source: "data-inclusion", actor });
    expect(report.ok).toBe(false);
    expect(report.applied).toBe(false);
    const cols = report.issues.map((i) => `${i.row}:${i.column}`);
    expect(cols).toEqual(expect.arrayContaining(["3:horaires_accueil", "3:telephone", "3:typologie", "4:id", "4:barometre_prestations"]));
    expect(cols.some((c) => c.startsWith("2:"))).toBe(false);
    expect(report.issues.find((i) => i.column === "horaires_accueil")!.message).toMatch(/Horaires.*invalides/);
    expect(await t.db.select().from(helpPoints).where(eq(helpPoints.territoryId, territoryId))).toHaveLength(0);
  });

  it("a refused import changes nothing even for its good rows", async () => {
    const report = await importHelpPoints(t.db, territoryId, [row({}), row({ id: "p2", courriel: "pas-un-courriel" })], { dryRun: false, firstRowNumber: 2, source: "data-inclusion", actor });
    expect(report.applied).toBe(false);
    expect(report.issues).toEqual([{ row: 3, column: "courriel", message: "Courriel : adresse invalide." }]);
    expect(await t.db.select().from(helpPoints).where(eq(helpPoints.territoryId, territoryId))).toHaveLength(0);
  });

  it("imports, then re-imports by id without duplicating; area found by point in polygon", async () => {
    const first = await importHelpPoints(t.db, territoryId, [row({}), row({ id: "p2", nom: "Permanence sud", longitude: "5", latitude: "45", horaires_accueil: "Su 09:00-12:00" })], { dryRun: false, firstRowNumber: 2, source: "data-inclusion", actor });
    expect(first).toMatchObject({ ok: true, applied: true, created: 2, updated: 0 });
    const again = await importHelpPoints(t.db, territoryId, [row({ nom: "Maison des droits (rénovée)" })], { dryRun: false, firstRowNumber: 2, source: "data-inclusion", actor });
    expect(again).toMatchObject({ ok: true, created: 0, updated: 1 });
    const rows = await t.db.select().from(helpPoints).where(eq(helpPoints.territoryId, territoryId));
    expect(rows).toHaveLength(2);
    const p1 = rows.find((r) => r.sourceKey === "p1")!;
    expect(p1.name).toBe("Maison des droits (rénovée)");
    expect(p1.phone).toBe("04 67 34 70 00");
    expect(p1.neighbourhoodId).toBe(iris);
    expect(rows.find((r) => r.sourceKey === "p2")!.neighbourhoodId).toBeNull();
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, territoryId), eq(auditLog.action, "help_point.import")));
    expect(audits).toHaveLength(2);
  });

  it("filters by area (a quartier holds its IRIS), benefit and opening time", async () => {
    expect((await listHelpPoints(t.db, territoryId, { neighbourhoodId: quartier })).map((p) => p.name)).toEqual(["Maison des droits (rénovée)"]);
    expect((await listHelpPoints(t.db, territoryId, { neighbourhoodId: iris }))[0].neighbourhoodName).toBe("Centre nord");
    expect(await listHelpPoints(t.db, territoryId, { neighbourhoodId: "not-a-uuid" })).toEqual([]);
    expect((await listHelpPoints(t.db, territoryId, { openAt: TUESDAY_10 })).map((p) => p.name)).toEqual(["Maison des droits (rénovée)"]);
    expect((await listHelpPoints(t.db, territoryId, { openAt: SUNDAY_10 })).map((p) => p.name)).toEqual(["Permanence sud"]);
    expect(await listHelpPoints(t.db, territoryId, { benefit: "aah" })).toEqual([]);
    expect(await listHelpPoints(t.db, territoryId, { category: "caf" })).toEqual([]);
  });

  it("is isolated per territory: another territory sees nothing and cannot edit or archive", async () => {
    expect(await listHelpPoints(t.db, other)).toEqual([]);
    expect(await nearestHelpPoints(t.db, other, null)).toEqual([]);
    const [p] = await listHelpPoints(t.db, territoryId);
    expect(await setHelpPointArchived(t.db, other, p.id, true, actor)).toBe(false);
    const r = await saveHelpPoint(t.db, other, p.id, { name: "Pirate", category: "autre" }, actor);
    expect(r).toEqual({ ok: false, errors: { form: "Lieu introuvable." } });
    expect((await listHelpPoints(t.db, territoryId)).map((x) => x.name)).not.toContain("Pirate");
  });

  it("archived points are never listed; restore brings them back", async () => {
    const [p] = await listHelpPoints(t.db, territoryId, { neighbourhoodId: quartier });
    expect(await setHelpPointArchived(t.db, territoryId, p.id, true, actor)).toBe(true);
    expect((await listHelpPoints(t.db, territoryId)).map((x) => x.id)).not.toContain(p.id);
    expect((await nearestHelpPoints(t.db, territoryId, { lon: 3.5, lat: 43.5 })).map((x) => x.id)).not.toContain(p.id);
    expect((await listStaffHelpPoints(t.db, territoryId)).find((x) => x.id === p.id)?.archivedAt).toBeInstanceOf(Date);
    expect(await setHelpPointArchived(t.db, territoryId, p.id, false, actor)).toBe(true);
    expect((await nearestHelpPoints(t.db, territoryId, { lon: 3.5, lat: 43.5 }, { limit: 1 }))[0].id).toBe(p.id);
  });

  it("the form refuses bad opening hours with the library's message, and a double submit creates one place", async () => {
    const bad = await saveHelpPoint(t.db, territoryId, null, { name: "Nouveau lieu", category: "association", openingHours: "Mo-Fr 09:00-", access: {} }, actor, "k1");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.openingHours).toMatch(/<---/);
    const input = { name: "Nouveau lieu", category: "association", openingHours: "Mo-Fr 09:00-12:00", mission: "<b>Aide</b> aux <script>x</script>dossiers", access: { physical: "yes" }, benefitCodes: "rsa" };
    const a = await saveHelpPoint(t.db, territoryId, null, input, actor, "k2");
    const b = await saveHelpPoint(t.db, territoryId, null, input, actor, "k2");
    expect(a.ok && b.ok && a.id === b.id).toBe(true);
    const created = (await listHelpPoints(t.db, territoryId)).filter((p) => p.name === "Nouveau lieu");
    expect(created).toHaveLength(1);
    expect(created[0].mission).toBe("Aide aux dossiers");
    expect(created[0].accessibility).toEqual({ kinds: { physical: "yes" } });
    expect(await saveHelpPoint(t.db, territoryId, null, { ...input, benefitCodes: "inexistante" }, actor, "k3")).toMatchObject({ ok: false, errors: { benefitCodes: expect.stringMatching(/inconnues/) } });
  });

  it("export → CSV → import round-trips every field", async () => {
    const staff = (await listStaffHelpPoints(t.db, territoryId)).filter((p) => !p.archivedAt);
    const doc = toDataInclusion(staff, "/t/epsilon/rendez-vous");
    const flat = toFlatRows(doc);
    const csv = toCsv([...DI_COLUMNS], flat.map((r) => DI_COLUMNS.map((c) => r[c] ?? "")));
    const parsed = parseCsv(csv).rows;
    const report = await importHelpPoints(t.db, other, parsed, { dryRun: false, firstRowNumber: 2, source: "data-inclusion", actor });
    expect(report).toMatchObject({ ok: true, created: staff.length });
    const strip = (p: { id: string; neighbourhoodId: string | null; neighbourhoodName: string | null }) => ({ ...p, id: "", neighbourhoodId: null, neighbourhoodName: null });
    expect((await listHelpPoints(t.db, other)).map(strip)).toEqual((await listHelpPoints(t.db, territoryId)).map(strip));
    // And the JSON shape reads back the same rows.
    expect(flatRowsFromJson(JSON.parse(JSON.stringify(doc)))).toEqual(flat);
  });

  it("the demo seed loads Montpellier's places once", async () => {
    const first = await seedDemoHelpPoints(t.db, other, "montpellier");
    expect(first?.created).toBeGreaterThanOrEqual(29);
    expect(await seedDemoHelpPoints(t.db, other, "montpellier")).toBeNull();
    const names = (await listHelpPoints(t.db, other, { category: "maison_pour_tous" })).map((p) => p.name);
    expect(names).toHaveLength(24);
  });
});
