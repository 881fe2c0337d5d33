import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { seedDemo } from "@/lib/seed/demo";
import { fictionalTerritory } from "@/lib/territories/fictional";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { parseDashboardFilters } from "./filters";
import { generateSyntheticResponses, removeSyntheticResponses } from "./synthetic";
import { buildView } from "./view";

describe.each(ENGINES)("synthetic responses on %s", (engine) => {
  let t: TestDatabase;
  let territory: { id: string; settings: Record<string, unknown> };
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    const tr = (await listTerritories(t.db))[0];
    territory = { id: tr.id, settings: {} };
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("adds marked responses with answer rows spread over areas, sites and modes, then removes them", async () => {
    const progress: number[] = [];
    expect(await generateSyntheticResponses(t.db, territory.id, { responses: 600, batchSize: 250, onProgress: (d) => progress.push(d) })).toBe(600);
    expect(progress).toEqual([250, 500, 600]);
    const [s] = await rows<{ n: number; synthetic: number; areas: number; modes: number; sites: number; answers: number; nb_answer: number }>(t.db, sql`
      select count(*)::int as n, (count(*) filter (where synthetic))::int as synthetic, count(distinct neighbourhood_id)::int as areas,
        count(distinct mode)::int as modes, count(distinct site_id)::int as sites,
        (select count(*)::int from response_answers a where a.territory_id = ${territory.id}::uuid) as answers,
        (select count(*)::int from response_answers a join neighbourhoods n on n.code = a.value
          where a.territory_id = ${territory.id}::uuid and a.question_id = 'neighbourhood') as nb_answer
      from responses where territory_id = ${territory.id}::uuid`);
    expect(s).toMatchObject({ n: 600, synthetic: 600, modes: 3, sites: 2, nb_answer: 600 });
    // The database derived one facts row per response (trigger on response_answers).
    const [facts] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from dashboard_facts where territory_id = ${territory.id}::uuid and synthetic`);
    expect(facts.n).toBe(600);
    expect(s.areas).toBeGreaterThanOrEqual(10);
    expect(s.answers).toBeGreaterThan(600 * 20);
    // More can be added later: numbering continues.
    await generateSyntheticResponses(t.db, territory.id, { responses: 10 });
    const real = await buildView(t.db, territory, parseDashboardFilters({}).filters, "exact");
    const synthetic = await buildView(t.db, territory, parseDashboardFilters({ source: "synthetic", indicator: "knowledge", level: "ilot" }).filters, "exact");
    if (!real.ok || !synthetic.ok) throw new Error("view");
    expect(real.view.total.den).toBe(0);
    expect(synthetic.view.total.den).toBe(610);
    const rates = synthetic.view.rows.filter((r) => r.rate !== null).map((r) => r.rate!);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.05); // areas differ
    expect(await removeSyntheticResponses(t.db, territory.id)).toBe(610);
    const [after] = await rows<{ n: number; f: number }>(t.db, sql`select count(*)::int as n,
      (select count(*)::int from dashboard_facts where territory_id = ${territory.id}::uuid) as f from response_answers where territory_id = ${territory.id}::uuid`);
    expect(after).toEqual({ n: 0, f: 0 });
  }, 120_000);

  it("adds synthetic responses to a second territory that already has none (receipt codes stay unique)", async () => {
    await generateSyntheticResponses(t.db, territory.id, { responses: 20 });
    const other = await upsertTerritory(t.db, { ...fictionalTerritory(), slug: "autre", name: "Autre territoire fictif" });
    expect(await generateSyntheticResponses(t.db, other, { responses: 20 })).toBe(20);
    const [n] = await rows<{ n: number }>(t.db, sql`select count(distinct receipt_code)::int as n from responses where synthetic`);
    expect(n.n).toBe(40);
  }, 120_000);
});
