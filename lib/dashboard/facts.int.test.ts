import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { submitTestResponse } from "@/lib/respondent/test-response";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";

/** A real submission (one statement: response + answer rows) gets its facts row from the trigger. */
describe.each(ENGINES)("dashboard facts of a submitted response on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("mirrors the answers: area, sex, benefits known / not received, formes (as codes of the territory's dictionary)", async () => {
    const territoryId = (await listTerritories(t.db))[0].id;
    const r = await submitTestResponse(t.db, territoryId, { seed: 11, neighbourhood: 2 });
    const { answers } = r;
    // Positions decoded back to codes through dashboard_codes.
    const [f] = await rows<{ neighbourhood_id: string; sex: string | null; grid: string[] | null; known: string[] | null; not_received: string[] | null; formes: string[] | null; choices: string[] }>(t.db, sql`
      with c as (select position, code from dashboard_codes where territory_id = ${territoryId}::uuid)
      select f.neighbourhood_id, f.sex,
        (select array_agg(c.code order by c.code) from c where c.position = any(f.grid_answered)) as grid,
        (select array_agg(c.code order by c.code) from c where c.position = any(f.known)) as known,
        (select array_agg(c.code order by c.code) from c where c.position = any(f.not_received)) as not_received,
        (select array_agg(b.code || '/' || fo.code order by b.code) from unnest(f.formes) x, c b, c fo
          where b.position = (x >> 32)::int and fo.position = (x & 4294967295)::int) as formes,
        (select array_agg(c.code order by c.code) from c where c.position = any(f.choices)) as choices
      from dashboard_facts f where f.response_id = ${r.responseId}::uuid`);
    const grid = answers.benefits as Record<string, Record<string, string>>;
    const codes = (test: (cells: Record<string, string>) => boolean) => Object.keys(grid).filter((b) => test(grid[b])).sort();
    const orEmpty = (v: string[] | null) => v ?? [];
    expect(f.neighbourhood_id).toBe(r.neighbourhoodId);
    expect(f.sex).toBe(answers.sex);
    expect(orEmpty(f.grid)).toEqual(codes((c) => c.known === "yes" || c.known === "no"));
    expect(orEmpty(f.known)).toEqual(codes((c) => c.known === "yes"));
    expect(orEmpty(f.not_received)).toEqual(codes((c) => c.received === "no" || c.received === "dk"));
    const why = (answers.why_not ?? {}) as Record<string, { forme: string }>;
    expect(orEmpty(f.formes)).toEqual(Object.entries(why).map(([b, v]) => `${b}/${v.forme}`).sort());
    // Every simple answer row as `question=value`, each ticked option of a multiple choice included.
    const simple = await rows<{ code: string }>(t.db, sql`select distinct question_id || '=' || value as code from response_answers
      where response_id = ${r.responseId}::uuid and item = '' and field = '' and value is not null order by 1`);
    expect(f.choices).toEqual(simple.map((x) => x.code));
    expect(f.choices).toContain(`sex=${answers.sex}`);
  });
});
