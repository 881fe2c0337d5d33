import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, callbackRequests, helpPoints, neighbourhoods } from "@/db/schema";
import { centroid, type PolygonGeometry } from "@/lib/geo/geometry";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { eq } from "drizzle-orm";
import { suggestGuides } from "./guide-suggestions";
import { receiptSuggestions } from "./receipt-suggestions";
import { submitTestResponse } from "./test-response";

describe.each(ENGINES)("receipt suggestions on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" }); // the fictional territory
    territoryId = (await listTerritories(t.db))[0].id;
  });
  afterAll(async () => t?.dispose());

  it("suggests the guides of the answers and the places nearest the person's area, storing nothing", async () => {
    const r = await submitTestResponse(t.db, territoryId, { seed: 7 });
    const [area] = await t.db.select({ geometry: neighbourhoods.geometry }).from(neighbourhoods).where(eq(neighbourhoods.id, r.neighbourhoodId));
    const [lon, lat] = centroid(area.geometry as PolygonGeometry);
    const point = (key: string, name: string, dLon: number, extra: Partial<typeof helpPoints.$inferInsert> = {}) => ({
      territoryId, sourceKey: key, name, category: "maison_pour_tous" as const, lon: lon + dLon, lat, openingHours: "Mo-Fr 09:00-17:00", ...extra,
    });
    await t.db.insert(helpPoints).values([
      point("far", "Maison lointaine", 0.05),
      point("near", "Maison proche", 0.001),
      point("mid", "Maison à mi-chemin", 0.01),
      point("gone", "Maison fermée pour de bon", 0.0001, { archivedAt: new Date() }),
      point("ccas", "CCAS", 0.02, { category: "ccas" }),
    ]);
    const before = await Promise.all([t.db.select({ n: count() }).from(callbackRequests), t.db.select({ n: count() }).from(auditLog)]);

    const now = new Date("2026-11-30T10:00:00Z");
    const s = (await receiptSuggestions(t.db, territoryId, r.responseId, now))!;
    expect(s.places.map((p) => p.name)).toEqual(["Maison proche", "Maison à mi-chemin", "CCAS"]);
    const codes = s.guides.map((g) => g.code);
    // The same rule as the pure function, over every seeded guide of the territory.
    const available = ["rsa", "prime_activite", "c2s", "aides_logement", "aspa", "aah", "allocations_familiales", "cheque_energie", "retraite_reversion", "pension_invalidite", "aide_facultative"];
    expect(codes).toEqual(suggestGuides(r.answers as Record<string, unknown>, available, now).map((g) => g.code));
    // Never a benefit the person receives.
    const grid = (r.answers as { benefits?: Record<string, { received?: string }> }).benefits ?? {};
    for (const c of codes) expect(grid[c]?.received).not.toBe("yes");
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of s.guides) expect(g.title.fr.length).toBeGreaterThan(0);

    const after = await Promise.all([t.db.select({ n: count() }).from(callbackRequests), t.db.select({ n: count() }).from(auditLog)]);
    expect(after.map((a) => a[0].n)).toEqual(before.map((b) => b[0].n));
  });

  it("a response of another territory, or an unknown one, gives nothing", async () => {
    const r = await submitTestResponse(t.db, territoryId, { seed: 8 });
    expect(await receiptSuggestions(t.db, "00000000-0000-4000-8000-000000000000", r.responseId)).toBeNull();
    expect(await receiptSuggestions(t.db, territoryId, "00000000-0000-4000-8000-000000000001")).toBeNull();
  });
});
