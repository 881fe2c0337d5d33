import fs from "node:fs";
import path from "node:path";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, neighbourhoods, responses, sites, users } from "@/db/schema";
import { listAreas, listLevels } from "@/lib/dashboard/areas";
import { dashboardFiltersSchema } from "@/lib/dashboard/filters";
import { generateSyntheticResponses } from "@/lib/dashboard/synthetic";
import { buildView } from "@/lib/dashboard/view";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug, listNeighbourhoodChoices } from "@/lib/territories/queries";
import { DEMO_GEO_DIR, ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { importManifest } from "./import-manifest";
import { listManifests, readManifest } from "./manifest";
import { planImport } from "./plan";
import { applyImport } from "./write";

const grenobleDir = path.join(DEMO_GEO_DIR, "grenoble");
const read = (f: string) => fs.readFileSync(path.join(grenobleDir, f), "utf8");

/** Grenoble's IRIS as a "2024 vintage": two IRIS merged into a new code, one renamed, one reshaped. */
function nextVintage(): string {
  const fc = JSON.parse(read("grenoble_iris_2023.geojson")) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[] };
  const [a, b, c, d, ...rest] = fc.features;
  const merged = { ...a, properties: { ...a.properties, code_iris: "381859901", nom_iris: "Polygone-Jean Macé (2024)" } };
  const renamed = { ...c, properties: { ...c.properties, nom_iris: "Europole Gare" } };
  const ring = d.geometry.coordinates[0];
  const reshaped = { ...d, geometry: { ...d.geometry, coordinates: [[...ring.slice(0, -1).reverse(), ring[ring.length - 2]]] } };
  void b;
  return JSON.stringify({ ...fc, features: [merged, renamed, reshaped, ...rest] });
}

describe.each(ENGINES)("boundaries import on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
  }, 180_000); // both fixtures, the fictional territory and the accounts: slow on a busy machine
  afterAll(async () => t?.dispose());

  it("imports every shipped fixture in full, with an audit row, and nothing more when imported again", async () => {
    const mtp = (await getTerritoryBySlug(t.db, "montpellier"))!;
    expect((await listLevels(t.db, mtp.id)).map((l) => l.key)).toEqual(["quartier", "sous_quartier", "iris"]);
    const [s] = await t.db.select({ n: count() }).from(sites).where(eq(sites.territoryId, mtp.id));
    expect(s.n).toBe(25);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, mtp.id), eq(auditLog.action, "territory.boundaries_import")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: "system", details: { added: 7 + 31 + 88, retired: 0, levels: "quartier:7,sous_quartier:31,iris:88" } });

    for (const { dir, manifest } of listManifests(DEMO_GEO_DIR)) {
      const again = await importManifest(t.db, dir, manifest);
      expect(again.ok && again.diff.changed).toBe(false);
    }
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, mtp.id), eq(auditLog.action, "territory.boundaries_import")))).toHaveLength(1);
  });

  it("re-imports a new vintage: responses keep their original areas, retired areas are no longer offered", async () => {
    const gre = (await getTerritoryBySlug(t.db, "grenoble"))!;
    await generateSyntheticResponses(t.db, gre.id, { responses: 300, seed: 3 });
    const before = await t.db.select({ id: responses.id, area: responses.neighbourhoodId }).from(responses).where(eq(responses.territoryId, gre.id));
    const iris = await t.db.select({ id: neighbourhoods.id, code: neighbourhoods.code }).from(neighbourhoods).where(eq(neighbourhoods.territoryId, gre.id));
    const idOf = (code: string) => iris.find((n) => n.code === code)!.id;
    const onRetired = before.filter((r) => r.area === idOf("381850101") || r.area === idOf("381850102"));
    expect(onRetired.length).toBeGreaterThan(0);

    const manifest = readManifest(path.join(grenobleDir, "manifest.json"));
    const [secteurs, irisLevel] = manifest.levels;
    const { plan, issues } = planImport([
      { ...secteurs, text: read(secteurs.file) },
      { ...irisLevel, file: "grenoble_iris_2024.geojson", text: nextVintage() },
    ]);
    expect(issues).toEqual([]);
    const [admin] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "admin.grenoble@barometre.test"));
    const diff = await applyImport(t.db, gre.id, plan!, { kind: "staff", userId: admin.id });
    const l = diff.levels[1];
    expect({
      added: l.added.map((a) => a.code), retired: l.retired.map((a) => a.code).sort(), renamed: l.renamed,
      reshaped: l.reshaped.map((a) => a.code), unchanged: l.unchanged,
    }).toEqual({
      added: ["381859901"], retired: ["381850101", "381850102"], renamed: [{ code: "381850103", from: "Europole", to: "Europole Gare" }],
      reshaped: ["381850104"], unchanged: 66,
    });

    // Every response still points at the very same area, retired or not.
    const after = await t.db.select({ id: responses.id, area: responses.neighbourhoodId }).from(responses).where(eq(responses.territoryId, gre.id));
    expect(new Map(after.map((r) => [r.id, r.area]))).toEqual(new Map(before.map((r) => [r.id, r.area])));
    const retired = await t.db.select({ code: neighbourhoods.code }).from(neighbourhoods)
      .where(and(eq(neighbourhoods.territoryId, gre.id), isNotNull(neighbourhoods.retiredAt)));
    expect(retired.map((r) => r.code).sort()).toEqual(["381850101", "381850102"]);
    const [renamed] = await t.db.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods)
      .where(and(eq(neighbourhoods.territoryId, gre.id), eq(neighbourhoods.code, "381850103"), isNull(neighbourhoods.retiredAt)));
    expect(renamed).toEqual({ id: idOf("381850103"), name: "Europole Gare" }); // updated in place

    // Respondents and dashboards see only current areas.
    const choices = await listNeighbourhoodChoices(t.db, gre.id);
    expect(choices.map((c) => c.code)).toContain("381859901");
    expect(choices.map((c) => c.code)).not.toContain("381850101");
    const levels = await listLevels(t.db, gre.id);
    expect(await listAreas(t.db, gre.id, levels[1].id)).toHaveLength(69);

    // The dashboards at the IRIS level list current areas; responses on retired ones count as
    // "unknown area" (so the cells still add up to the total, and suppression holds).
    const built = await buildView(t.db, gre, dashboardFiltersSchema.parse({ level: "iris", source: "synthetic" }), "exact");
    if (!built.ok) throw new Error(built.error);
    expect(built.view.rows).toHaveLength(69);
    expect(built.view.rows.map((r) => r.key)).not.toContain(idOf("381850101"));
    const unknown = built.view.unknown;
    expect(unknown.suppressed || (unknown.den ?? 0) >= onRetired.length).toBe(true);

    const [audit] = await t.db.select().from(auditLog)
      .where(and(eq(auditLog.territoryId, gre.id), eq(auditLog.action, "territory.boundaries_import"), eq(auditLog.actorKind, "staff")));
    expect(audit).toMatchObject({ actorUserId: admin.id, details: { added: 1, retired: 2, renamed: 1, reshaped: 1 } });

    // Back to 2023: the retired codes return (same rows), the 2024 code is retired in turn.
    const back = planImport(manifest.levels.map((lv) => ({ ...lv, text: read(lv.file) })));
    const diff2 = await applyImport(t.db, gre.id, back.plan!, { kind: "staff", userId: admin.id });
    expect(diff2.levels[1].added.map((a) => a.code).sort()).toEqual(["381850101", "381850102"]);
    expect(diff2.levels[1].retired.map((a) => a.code)).toEqual(["381859901"]);
    const restored = await t.db.select({ id: neighbourhoods.id }).from(neighbourhoods)
      .where(and(eq(neighbourhoods.territoryId, gre.id), eq(neighbourhoods.code, "381850101"), isNull(neighbourhoods.retiredAt)));
    expect(restored).toEqual([{ id: idOf("381850101") }]);
  });
});
