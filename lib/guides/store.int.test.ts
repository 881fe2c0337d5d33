import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, benefitGuideVersions, users } from "@/db/schema";
import { addBenefit } from "@/lib/benefits/catalogue";
import { createTerritory } from "@/lib/territories/territory-admin";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import type { BenefitGuide } from "./guide-schema";
import { getTerritoryGuide, listGuideVersions, listTerritoryGuides, saveGuideVersion, validateGuide } from "./store";

describe.each(ENGINES)("benefit guide versions on %s", (engine) => {
  let t: TestDatabase;
  let mine: string;
  let other: string;
  let lead: string;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const [u] = await t.db.insert(users).values({ email: "lead@test.fr", name: "Léa Responsable", role: "admin" }).returning();
    lead = u.id;
    const a = await createTerritory(t.db, lead, { name: "Eta", slug: "eta" });
    const b = await createTerritory(t.db, lead, { name: "Theta", slug: "theta" });
    if (!a.ok || !b.ok) throw new Error("territories");
    mine = a.id;
    other = b.id;
  });
  afterAll(async () => t?.dispose());

  const edited = (g: BenefitGuide, text: string): BenefitGuide => ({ ...g, whatItIs: { ...g.whatItIs, fr: text } });

  it("lists the catalogue's guides and the kit's sheets, all seeded and to be checked", async () => {
    const list = await listTerritoryGuides(t.db, mine);
    expect(list.map((g) => g.code)).toEqual(expect.arrayContaining(["rsa", "prime_activite", "c2s", "aides_logement", "aspa", "aah", "allocations_familiales", "cheque_energie", "retraite_reversion", "pension_invalidite", "aide_facultative"]));
    expect(list.every((g) => g.source === "seed" && g.status === "to_check" && g.version === 0)).toBe(true);
    expect(await getTerritoryGuide(t.db, mine, "nope")).toBeNull();
  });

  it("saves versions max+1 with an audit row, a double submit adds nothing, a stale base is a conflict", async () => {
    const seed = (await getTerritoryGuide(t.db, mine, "rsa"))!.guide!;
    const v1 = await saveGuideVersion(t.db, { territoryId: mine, actorUserId: lead, baseVersion: 0, content: edited(seed, "Texte revu une fois."), note: "relecture" });
    expect(v1).toEqual({ ok: true, version: 1, created: true });
    // The same form posted twice: the second finds its content already saved.
    expect(await saveGuideVersion(t.db, { territoryId: mine, actorUserId: lead, baseVersion: 0, content: edited(seed, "Texte revu une fois."), note: "relecture" })).toEqual({ ok: true, version: 1, created: false });
    // Someone else's edit started from version 0: it would overwrite version 1 unseen.
    expect(await saveGuideVersion(t.db, { territoryId: mine, actorUserId: lead, baseVersion: 0, content: edited(seed, "Une autre version.") })).toEqual({ ok: false, reason: "conflict" });
    const current = await getTerritoryGuide(t.db, mine, "rsa");
    expect(current).toMatchObject({ version: 1, source: "territory", status: "to_check" });
    expect(current!.guide!.whatItIs.fr).toBe("Texte revu une fois.");
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, mine), eq(auditLog.action, "guide.save")));
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ code: "rsa", version: 1 });
  });

  it("two concurrent saves from the same base: one version, one conflict", async () => {
    const g = (await getTerritoryGuide(t.db, mine, "c2s"))!.guide!;
    const results = await Promise.all([
      saveGuideVersion(t.db, { territoryId: mine, actorUserId: lead, baseVersion: 0, content: edited(g, "Première.") }),
      saveGuideVersion(t.db, { territoryId: mine, actorUserId: lead, baseVersion: 0, content: edited(g, "Seconde.") }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
    expect(await t.db.select().from(benefitGuideVersions).where(and(eq(benefitGuideVersions.territoryId, mine), eq(benefitGuideVersions.code, "c2s")))).toHaveLength(1);
  });

  it("validating makes a new version, once; the history says who and when", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(await validateGuide(t.db, { territoryId: mine, actorUserId: lead, code: "rsa", baseVersion: 1, now })).toEqual({ ok: true, version: 2, created: true });
    expect(await validateGuide(t.db, { territoryId: mine, actorUserId: lead, code: "rsa", baseVersion: 1, now })).toEqual({ ok: true, version: 2, created: false });
    const g = await getTerritoryGuide(t.db, mine, "rsa");
    expect(g).toMatchObject({ status: "validated", version: 2 });
    expect(g!.guide!.lastCheckedOn).toBe("2026-12-01");
    const history = await listGuideVersions(t.db, mine, "rsa");
    expect(history.map((h) => [h.version, h.status, h.editor])).toEqual([[2, "validated", "Léa Responsable"], [1, "to_check", "Léa Responsable"]]);
    expect(history[1].note).toBe("relecture");
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, mine), eq(auditLog.action, "guide.validate"))))).toHaveLength(1);
  });

  it("another territory sees the seeded sheets only, and cannot reach this one's edits", async () => {
    const theirs = await getTerritoryGuide(t.db, other, "rsa");
    expect(theirs).toMatchObject({ version: 0, source: "seed", status: "to_check" });
    expect(await listGuideVersions(t.db, other, "rsa")).toEqual([]);
    expect((await listTerritoryGuides(t.db, other)).every((g) => g.source === "seed")).toBe(true);
    // A territory's own benefit is not another's: not found there.
    expect(await addBenefit(t.db, mine, lead, { code: "aide_cantine", labelFr: "Aide à la cantine", labelEn: "School meals aid" })).toEqual({ ok: true });
    expect(await getTerritoryGuide(t.db, other, "aide_cantine")).toBeNull();
    const seed = (await getTerritoryGuide(t.db, mine, "rsa"))!.guide!;
    expect(await saveGuideVersion(t.db, { territoryId: other, actorUserId: lead, baseVersion: 0, content: { ...seed, code: "aide_cantine" } })).toEqual({ ok: false, reason: "not_found" });
  });

  it("a territory's own benefit has no sheet until the lead writes one", async () => {
    const none = await getTerritoryGuide(t.db, mine, "aide_cantine");
    expect(none).toMatchObject({ guide: null, source: "none", kind: "extra", label: { fr: "Aide à la cantine" } });
    expect(await validateGuide(t.db, { territoryId: mine, actorUserId: lead, code: "aide_cantine", baseVersion: 0 })).toEqual({ ok: false, reason: "no_sheet" });
    const template = (await getTerritoryGuide(t.db, mine, "aide_facultative"))!.guide!;
    const sheet: BenefitGuide = { ...template, code: "aide_cantine", title: { fr: "Aide à la cantine", en: "School meals aid" } };
    expect(await saveGuideVersion(t.db, { territoryId: mine, actorUserId: lead, baseVersion: 0, content: sheet })).toEqual({ ok: true, version: 1, created: true });
    expect(await getTerritoryGuide(t.db, mine, "aide_cantine")).toMatchObject({ source: "territory", kind: "extra", version: 1 });
  });
});
