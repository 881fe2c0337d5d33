import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, neighbourhoods, sites, territories, users } from "@/db/schema";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import type { PolygonGeometry } from "@/lib/geo/geometry";
import { createTerritory, saveTerritorySettings } from "@/lib/territories/territory-admin";
import { getSiteByCode, listSites } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { createSite, importSites, setSiteArchived } from "./manage-sites";
import { parseSitesCsv } from "./parse-import";

describe.each(ENGINES)("territories and sites administration on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let actor: string;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const [u] = await t.db.insert(users).values({ email: "admin@test.fr", name: "Admin", role: "admin" }).returning();
    actor = u.id;
    const r = await createTerritory(t.db, actor, { name: "Gamma", slug: "gamma" });
    if (!r.ok) throw new Error("territory");
    territoryId = r.id;
  });
  afterAll(async () => t?.dispose());

  it("creates a territory once per slug and saves its settings, audited", async () => {
    expect(await createTerritory(t.db, actor, { name: "Autre", slug: "gamma" })).toEqual({ ok: false, reason: "slug_taken" });
    await t.db.update(territories).set({ settings: { publicPages: { helpPhone: "0400000000" }, collectionTarget: 10 } }).where(eq(territories.id, territoryId));
    await saveTerritorySettings(t.db, territoryId, actor, {
      name: "Gamma Métropole", suppressionThreshold: 7, callbackDeadlineWorkingDays: 4, callbackMaxFailedAttempts: 2, bookingReminderHours: 24, kioskIdleSeconds: 90, kioskReceiptSeconds: 30,
    });
    const [row] = await t.db.select().from(territories).where(eq(territories.id, territoryId));
    expect(row.name).toBe("Gamma Métropole");
    expect(row.settings).toEqual({ publicPages: { helpPhone: "0400000000" }, suppressionThreshold: 7, callbackDeadlineWorkingDays: 4, callbackMaxFailedAttempts: 2, bookingReminderHours: 24, kioskIdleSeconds: 90, kioskReceiptSeconds: 30 });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.territoryId, territoryId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["territory.create", "territory.settings"]));
  });

  it("imports a CSV all or nothing: a faulty file changes nothing, a good one creates and updates", async () => {
    expect((await createSite(t.db, territoryId, actor, { code: "A1", name: "Ancien nom", kind: "lieu" })).ok).toBe(true);
    const bad = parseSitesCsv("code,nom,type\nB1,Nouveau,lieu\nA1,,lieu\n");
    expect(bad.ok).toBe(false);
    expect((await t.db.select().from(sites).where(eq(sites.territoryId, territoryId))).map((s) => s.code)).toEqual(["A1"]);
    const good = parseSitesCsv("code,nom,type,lon,lat\nB1,Nouveau,lieu,3.8,43.6\nA1,Nouveau nom,lieu,,\n");
    if (!good.ok) throw new Error("parse");
    expect(await importSites(t.db, territoryId, actor, good.sites, "csv")).toEqual({ created: 1, updated: 1 });
    expect((await listSites(t.db, territoryId)).map((s) => s.name)).toEqual(["Nouveau", "Nouveau nom"]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "site.import"));
    expect(audit.details).toEqual({ format: "csv", created: 1, updated: 1 });
  });

  it("a failure in the middle of an import rolls everything back", async () => {
    const before = await t.db.select().from(sites).where(eq(sites.territoryId, territoryId));
    // The second row is refused by PostgreSQL (a NUL byte) after the first was written.
    await expect(importSites(t.db, territoryId, actor, [
      { code: "C1", name: "Premier", kind: "lieu" },
      { code: "C2", name: "Second\u0000", kind: "lieu" },
    ], "csv")).rejects.toThrow();
    expect(await t.db.select().from(sites).where(eq(sites.territoryId, territoryId))).toHaveLength(before.length);
  });

  it("attaches a site to the current area that contains it, as the seed does", async () => {
    const square = (x: number): PolygonGeometry => ({ type: "Polygon", coordinates: [[[x, 45], [x + 1, 45], [x + 1, 46], [x, 46], [x, 45]]] });
    const areaTerritory = await upsertTerritory(t.db, {
      slug: "zeta", name: "Zeta", sites: [],
      levels: [{ key: "quartier", name: "Quartier", areas: [{ code: "W", name: "Ouest", parentCode: null, geometry: square(4) }, { code: "E", name: "Est", parentCode: null, geometry: square(5) }] }],
    });
    const areas = new Map((await t.db.select().from(neighbourhoods).where(eq(neighbourhoods.territoryId, areaTerritory))).map((n) => [n.code, n.id]));
    const created = await createSite(t.db, areaTerritory, actor, { code: "S1", name: "Salle", kind: "lieu", lon: 5.5, lat: 45.5 });
    if (!created.ok) throw new Error("site");
    expect((await getSiteByCode(t.db, areaTerritory, "S1"))?.neighbourhoodId).toBe(areas.get("E"));
    expect(await importSites(t.db, areaTerritory, actor, [{ code: "S1", name: "Salle", kind: "lieu", lon: 4.5, lat: 45.5 }, { code: "S2", name: "Marché", kind: "lieu" }], "csv")).toEqual({ created: 1, updated: 1 });
    expect((await getSiteByCode(t.db, areaTerritory, "S1"))?.neighbourhoodId).toBe(areas.get("W"));
    expect((await getSiteByCode(t.db, areaTerritory, "S2"))?.neighbourhoodId).toBeNull();
  });

  it("an archived site leaves the choices and links, and comes back when restored", async () => {
    const [a1] = await t.db.select().from(sites).where(eq(sites.code, "A1"));
    expect((await setSiteArchived(t.db, territoryId, actor, a1.id, true)).ok).toBe(true);
    expect((await listSites(t.db, territoryId)).map((s) => s.code)).toEqual(["B1"]);
    expect((await listSites(t.db, territoryId, { includeArchived: true })).map((s) => s.code).sort()).toEqual(["A1", "B1"]);
    expect(await getSiteByCode(t.db, territoryId, "A1")).toBeNull();
    await setSiteArchived(t.db, territoryId, actor, a1.id, false);
    expect(await getSiteByCode(t.db, territoryId, "A1")).not.toBeNull();
    // Another territory's site is not found.
    const other = await createTerritory(t.db, actor, { name: "Delta", slug: "delta" });
    if (!other.ok) throw new Error("territory");
    expect(await setSiteArchived(t.db, other.id, actor, a1.id, true)).toEqual({ ok: false, reason: "not_found" });
  });
});
