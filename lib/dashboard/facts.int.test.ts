import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { submitTestResponse } from "@/lib/respondent/test-response";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { BENEFIT_CODES } from "./indicators";

/** A real submission (one statement: response + answer rows) gets its facts row from the trigger. */
describe.each(ENGINES)("dashboard facts of a submitted response on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("mirrors the answers: area, sex, benefits known / not received, formes", async () => {
    const territoryId = (await listTerritories(t.db))[0].id;
    const r = await submitTestResponse(t.db, territoryId, { seed: 11, neighbourhood: 2 });
    const { answers } = r;
    const [f] = await rows<{ neighbourhood_id: string; sex: string | null; grid_answered: number; known: number; not_received: number; formes: string }>(
      t.db, sql`select * from dashboard_facts where response_id = ${r.responseId}::uuid`);
    const grid = answers.benefits as Record<string, Record<string, string>>;
    const mask = (test: (cells: Record<string, string>) => boolean) =>
      BENEFIT_CODES.reduce((m, b, i) => (grid[b] && test(grid[b]) ? m | (1 << i) : m), 0);
    expect(f.neighbourhood_id).toBe(r.neighbourhoodId);
    expect(f.sex).toBe(answers.sex);
    expect(f.grid_answered).toBe(mask((c) => c.known === "yes" || c.known === "no"));
    expect(f.known).toBe(mask((c) => c.known === "yes"));
    expect(f.not_received).toBe(mask((c) => c.received === "no" || c.received === "dk"));
    const why = (answers.why_not ?? {}) as Record<string, { forme: string }>;
    const formes = Object.entries(why).reduce((m, [b, v]) => m + 2n ** BigInt(BENEFIT_CODES.indexOf(b) * 4 + ["non_connaissance", "non_demande", "non_reception", "non_proposition"].indexOf(v.forme)), 0n);
    expect(BigInt(f.formes)).toBe(formes);
  });
});
