import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { drafts, neighbourhoodLevels, neighbourhoods, responseAnswers, responses, sites, territories } from "@/db/schema";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { resolveVisibility } from "@/lib/questionnaire/flow";
import { currentVersionIds, loadFlow, publishVersion } from "@/lib/questionnaire/versions";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug, listNeighbourhoodChoices } from "@/lib/territories/queries";
import { DEMO_GEO_DIR, ENGINES, HAS_DEMO_GEO, openTestDatabase, type TestDatabase } from "@/test/databases";
import { createDraft, findDraft, issueResumeCode, resumeDraft, saveAnswers } from "./drafts";
import { submitDraft } from "./submit";
import { completeAnswers } from "./test-answers";


describe.runIf(HAS_DEMO_GEO).each(ENGINES)("respondent data on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
  });
  afterAll(async () => t?.dispose());

  async function newDraft(slug = "montpellier") {
    const territory = (await getTerritoryBySlug(t.db, slug))!;
    const versions = await currentVersionIds(t.db, territory.id);
    const flow = await loadFlow(t.db, versions.commonVersionId, versions.moduleVersionId);
    const all = await listNeighbourhoodChoices(t.db, territory.id);
    const choices = all.filter((c) => !c.whole); // finest areas first in the tests below
    const ctx = { neighbourhoodCodes: all.map((c) => c.code), now: new Date() };
    const { draft, token } = await createDraft(t.db, {
      territoryId: territory.id, ...versions, mode: "self", locale: "fr", siteId: null, interviewerId: null,
      kioskDeviceId: null, currentSection: resolveVisibility(flow, {}).sections[0].id,
    });
    return { territory, flow, choices, all, ctx, draft, token };
  }

  it("loads the real territories with their neighbourhood levels and sites", async () => {
    const counts = await rows<{ slug: string; key: string; n: number }>(t.db, sql`
      select t.slug, l.key, count(n.id)::int as n from ${territories} t
      join ${neighbourhoodLevels} l on l.territory_id = t.id
      join ${neighbourhoods} n on n.level_id = l.id group by t.slug, l.key order by t.slug, l.key`);
    expect(counts.map((c) => `${c.slug}/${c.key}=${c.n}`)).toEqual([
      "demo/ilot=12", "demo/quartier=3", // the fictional territory, seeded as an extra
      "grenoble/iris=70", "grenoble/secteur=6",
      "montpellier/iris=88", "montpellier/quartier=7", "montpellier/sous_quartier=31",
    ]);
    const mtp = (await getTerritoryBySlug(t.db, "montpellier"))!;
    const [s] = await t.db.select({ n: count() }).from(sites).where(eq(sites.territoryId, mtp.id));
    expect(s.n).toBe(25); // 24 Maisons pour Tous + the CCAS
    const choices = await listNeighbourhoodChoices(t.db, mtp.id);
    expect(choices.filter((c) => !c.whole)).toHaveLength(88);
    expect(choices.every((c) => c.group)).toBe(true); // every IRIS found its quartier
    // Each of the 7 quartiers can be chosen as a whole, first in its group, by people who do not know their IRIS.
    expect(choices.filter((c) => c.whole)).toHaveLength(7);
    expect(choices[0].whole).toBe(true);
    expect(choices[0].group).toBe(choices[0].name);
    const orphans = await rows<{ n: number }>(t.db, sql`
      select count(*)::int as n from ${neighbourhoods} n join ${neighbourhoodLevels} l on l.id = n.level_id
      where l.rank > 0 and n.parent_id is null`);
    expect(orphans[0].n).toBe(0);
  });

  it("seeding again changes nothing and publishes no new version", async () => {
    const report = await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
    expect(report.published).toEqual([]);
    const [n] = await t.db.select({ n: count() }).from(territories);
    expect(n.n).toBe(3); // Montpellier, Grenoble and the fictional extra
  });

  it("records a whole quartier as the neighbourhood of a person who does not know their IRIS", async () => {
    const { flow, ctx, draft, all } = await newDraft();
    const quartier = all.find((c) => c.whole)!;
    await saveAnswers(t.db, draft, completeAnswers(flow, quartier.code), "verifier");
    const saved = (await t.db.select().from(drafts).where(eq(drafts.id, draft.id)))[0];
    const r = await submitDraft(t.db, flow, saved, ctx, all);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [row] = await t.db.select({ neighbourhoodId: responses.neighbourhoodId }).from(responses).where(eq(responses.id, r.responseId));
    expect(row.neighbourhoodId).toBe(quartier.id);
  });

  it("submits a complete response once, with its answer rows, even when submitted twice", async () => {
    const { flow, ctx, draft, choices } = await newDraft();
    const answers = completeAnswers(flow, choices[0].code);
    await saveAnswers(t.db, draft, answers, "verifier");
    const saved = (await t.db.select().from(drafts).where(eq(drafts.id, draft.id)))[0];
    const first = await submitDraft(t.db, flow, saved, ctx, choices);
    const second = await submitDraft(t.db, flow, saved, ctx, choices);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.responseId).toBe(first.responseId);
    expect(second.created).toBe(false);
    const [r] = await t.db.select().from(responses).where(eq(responses.id, first.responseId));
    expect(r.neighbourhoodId).toBe(choices[0].id);
    expect(r.receiptCode).toMatch(/^BM-/);
    const [a] = await t.db.select({ n: count() }).from(responseAnswers).where(eq(responseAnswers.responseId, r.id));
    expect(a.n).toBeGreaterThan(10);
    const [k] = await t.db.select({ n: count() }).from(responses).where(eq(responses.idempotencyKey, draft.id));
    expect(k.n).toBe(1);
  });

  it("refuses an incomplete draft and names the first section to finish", async () => {
    const { flow, ctx, draft, choices } = await newDraft();
    const result = await submitDraft(t.db, flow, draft, ctx, choices);
    expect(result).toEqual({ ok: false, firstInvalidSection: flow.sections[0].id });
    const [n] = await t.db.select({ n: count() }).from(responses).where(eq(responses.idempotencyKey, draft.id));
    expect(n.n).toBe(0);
  });

  it("leaves no partial response when a write fails mid-submission", async () => {
    const { flow, ctx, draft, choices } = await newDraft();
    await saveAnswers(t.db, draft, completeAnswers(flow, choices[0].code), "verifier");
    const saved = (await t.db.select().from(drafts).where(eq(drafts.id, draft.id)))[0];
    // A real failure inside the transaction: the answer rows are refused by the database.
    await t.db.execute(sql`create or replace function bm_fail() returns trigger language plpgsql as $$
      begin raise exception 'simulated failure'; end $$`);
    await t.db.execute(sql`create trigger bm_fail before insert on response_answers for each statement execute function bm_fail()`);
    try {
      await expect(submitDraft(t.db, flow, saved, ctx, choices)).rejects.toThrow();
    } finally {
      await t.db.execute(sql`drop trigger bm_fail on response_answers`);
    }
    const [n] = await t.db.select({ n: count() }).from(responses).where(eq(responses.idempotencyKey, draft.id));
    expect(n.n).toBe(0);
    const [still] = await t.db.select().from(drafts).where(eq(drafts.id, draft.id));
    expect(still.submittedResponseId).toBeNull();
    expect(Object.keys(still.answers).length).toBeGreaterThan(0);
  });

  it("resumes a draft with its code on another device, and the old cookie stops working", async () => {
    const { territory, draft, token } = await newDraft();
    const code = await issueResumeCode(t.db, draft);
    const resumed = await resumeDraft(t.db, territory.id, code.toLowerCase().replace("-", " "));
    expect(resumed?.draft.id).toBe(draft.id);
    expect(await findDraft(t.db, territory.id, token)).toBeNull();
    expect((await findDraft(t.db, territory.id, resumed!.token))?.id).toBe(draft.id);
    const grenoble = (await getTerritoryBySlug(t.db, "grenoble"))!;
    expect(await resumeDraft(t.db, grenoble.id, code)).toBeNull(); // another territory: not found
    expect(await resumeDraft(t.db, territory.id, "ZZZZZ-ZZZZZ")).toBeNull();
  });

  it("keeps old responses readable after a new version is published", async () => {
    const { territory, flow, ctx, draft, choices } = await newDraft();
    await saveAnswers(t.db, draft, completeAnswers(flow, choices[0].code), "verifier");
    const saved = (await t.db.select().from(drafts).where(eq(drafts.id, draft.id)))[0];
    const result = await submitDraft(t.db, flow, saved, ctx, choices);
    if (!result.ok) throw new Error("submission failed");
    const changed = structuredClone(commonQuestionnaire);
    changed.title = { fr: "Questionnaire commun (v2)", en: "Common questionnaire (v2)" };
    const v2 = await publishVersion(t.db, null, changed);
    expect(v2.created).toBe(true);
    const now = await currentVersionIds(t.db, territory.id);
    expect(now.commonVersionId).not.toBe(saved.commonVersionId);
    const [r] = await t.db.select().from(responses).where(eq(responses.id, result.responseId));
    const pinned = await loadFlow(t.db, r.commonVersionId, r.moduleVersionId);
    expect(resolveVisibility(pinned, r.answers).answers).toEqual(r.answers);
  });

  it.runIf(engine === "postgres")("stores one response when the same draft is submitted concurrently", async () => {
    const { flow, ctx, draft, choices } = await newDraft();
    await saveAnswers(t.db, draft, completeAnswers(flow, choices[0].code), "verifier");
    const saved = (await t.db.select().from(drafts).where(eq(drafts.id, draft.id)))[0];
    const results = await Promise.all(Array.from({ length: 10 }, () => submitDraft(t.db, flow, saved, ctx, choices)));
    const ids = new Set(results.map((r) => (r.ok ? r.responseId : "failed")));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const [n] = await t.db.select({ n: count() }).from(responses).where(and(eq(responses.idempotencyKey, draft.id)));
    expect(n.n).toBe(1);
  });
});
