import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { demoEmail, seedDemo } from "@/lib/seed/demo";
import { DEMO_GEO_DIR, ENGINES, HAS_DEMO_GEO, openTestDatabase, type TestDatabase } from "@/test/databases";
import { getTerritoryBySlug } from "./queries";
import { paragraphs, publicInfo, publicPagesSchema, savePublicPages } from "./public-pages";

describe("footer pages settings (pure)", () => {
  it("falls back to defaults and reads paragraphs", () => {
    expect(publicInfo({})).toEqual({ helpPhone: null, helpHours: null, compliance: "partial", accessibility: null, legalNotice: null, personalData: null });
    expect(publicInfo({ publicPages: { helpPhone: " 04 67 00 00 00 ", accessibility: "  " } })).toMatchObject({ helpPhone: "04 67 00 00 00", accessibility: null });
    expect(paragraphs("Un.\n\n  Deux.\r\n\r\nTrois\nsuite")).toEqual(["Un.", "Deux.", "Trois\nsuite"]);
  });
  it("refuses a phone that is not one and an unknown compliance level", () => {
    const ok = publicPagesSchema.safeParse({ helpPhone: "04 67 11 22 33", compliance: "partial", accessibility: "" });
    expect(ok.success && ok.data).toEqual({ helpPhone: "04 67 11 22 33", compliance: "partial", helpHours: undefined, accessibility: undefined, legalNotice: undefined, personalData: undefined });
    const bad = publicPagesSchema.safeParse({ helpPhone: "appelez-nous", compliance: "mostly" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["helpPhone", "phone"], ["compliance", "compliance"]]);
  });
});

describe.runIf(HAS_DEMO_GEO).each(ENGINES)("footer pages settings on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
  });
  afterAll(async () => t?.dispose());

  it("the demo seed gives a status, the lead's save is audited, and a new seed keeps it", async () => {
    const mtp = (await getTerritoryBySlug(t.db, "montpellier"))!;
    expect(mtp.settings.publicPages?.compliance).toBe("partial");
    const [lead] = await t.db.select().from(users).where(eq(users.email, demoEmail("admin", "montpellier")));
    await savePublicPages(t.db, mtp.id, lead.id, { helpPhone: "04 67 11 22 33", compliance: "none", accessibility: "Texte." });
    const after = (await getTerritoryBySlug(t.db, "montpellier"))!;
    expect(after.settings.publicPages).toEqual({ helpPhone: "04 67 11 22 33", compliance: "none", accessibility: "Texte." });
    const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, mtp.id), eq(auditLog.action, "public_pages.settings")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorUserId: lead.id, entity: "territory", entityId: mtp.id, details: { helpPhone: "04 67 11 22 33", compliance: "none", texts: "accessibility" } });
    await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
    expect((await getTerritoryBySlug(t.db, "montpellier"))!.settings.publicPages).toEqual(after.settings.publicPages);
  });
});
