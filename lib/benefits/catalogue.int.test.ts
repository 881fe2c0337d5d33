import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, benefitCatalogue, users } from "@/db/schema";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { validateAll } from "@/lib/questionnaire/validate";
import { completeAnswers } from "@/lib/respondent/test-answers";
import { loadFlow, publishVersion } from "@/lib/questionnaire/versions";
import { createTerritory } from "@/lib/territories/territory-admin";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { addBenefit, catalogueGridRows, changeBenefit, listCatalogue } from "./catalogue";

describe.each(ENGINES)("a territory's benefit catalogue on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let other: string;
  let actor: string;
  let commonId: string;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const [u] = await t.db.insert(users).values({ email: "admin@test.fr", name: "Admin", role: "admin" }).returning();
    actor = u.id;
    const a = await createTerritory(t.db, actor, { name: "Epsilon", slug: "epsilon" });
    const b = await createTerritory(t.db, actor, { name: "Zeta", slug: "zeta" });
    if (!a.ok || !b.ok) throw new Error("territories");
    territoryId = a.id;
    other = b.id;
    commonId = (await publishVersion(t.db, null, commonQuestionnaire)).id;
  });
  afterAll(async () => t?.dispose());

  const gridOf = async (territory: string) => {
    const flow = await loadFlow(t.db, commonId, null, await catalogueGridRows(t.db, territory));
    const grid = [...flow.questions.values()].find((q) => q.type === "benefit_grid");
    return grid?.type === "benefit_grid" ? grid.rows.map((r) => r.value) : [];
  };

  it("adds the territory's own benefit, reorders, archives it; the common ones stay", async () => {
    const before = await gridOf(territoryId);
    expect(before.slice(0, 2)).toEqual(["rsa", "prime_activite"]);
    expect(await addBenefit(t.db, territoryId, actor, { code: "aide_cantine", labelFr: "Aide à la cantine", labelEn: "School meals aid" })).toEqual({ ok: true });
    expect(await addBenefit(t.db, territoryId, actor, { code: "rsa", labelFr: "RSA bis", labelEn: "" })).toEqual({ ok: false, reason: "duplicate_code" });
    expect(await changeBenefit(t.db, territoryId, actor, "aide_cantine", "up")).toEqual({ ok: true });
    expect(await changeBenefit(t.db, territoryId, actor, "rsa", "archive")).toEqual({ ok: false, reason: "mandatory" });
    expect(await gridOf(territoryId)).toEqual([...before.slice(0, 8), "aide_cantine", before[8]]);
    // Another territory's grid is untouched (its own cache entry).
    expect(await gridOf(other)).toEqual(before);
    // The CCAS may record a rights review's outcome for it.
    expect((await t.db.select().from(benefitCatalogue).where(eq(benefitCatalogue.territoryId, territoryId))).map((b) => b.code)).toContain("aide_cantine");

    expect(await changeBenefit(t.db, territoryId, actor, "aide_cantine", "archive")).toEqual({ ok: true });
    expect(await gridOf(territoryId)).toEqual(before);
    expect((await listCatalogue(t.db, territoryId)).find((e) => e.code === "aide_cantine")?.archivedAt).not.toBeNull();
    expect(await changeBenefit(t.db, other, actor, "aide_cantine", "restore")).toEqual({ ok: false, reason: "not_found" });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.territoryId, territoryId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["benefit.add", "benefit.up", "benefit.archive"]));
  });

  it("the respondent's grid asks about the territory's own benefit, and validates its answers", async () => {
    await changeBenefit(t.db, territoryId, actor, "aide_cantine", "restore");
    const flow = await loadFlow(t.db, commonId, null, await catalogueGridRows(t.db, territoryId));
    const grid = [...flow.questions.values()].find((q) => q.type === "benefit_grid")!;
    expect(grid).toMatchObject({ rows: expect.arrayContaining([{ value: "aide_cantine", label: { fr: "Aide à la cantine", en: "School meals aid" } }]) });
    const ctx = { neighbourhoodCodes: ["X1"], now: new Date() };
    const answers = completeAnswers(flow, "X1");
    expect(validateAll(flow, answers, ctx).errors).toEqual([]);
    // Without a row for it, the grid is incomplete (when required).
    const cells = { ...(answers[grid.id] as Record<string, unknown>) };
    delete cells.aide_cantine;
    const { errors } = validateAll(flow, { ...answers, [grid.id]: cells }, ctx);
    if (grid.required) expect(errors.some((e) => e.field.includes("aide_cantine"))).toBe(true);
  });
});
