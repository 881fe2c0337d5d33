import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTerritories, listNeighbourhoodChoices, listSites } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { seedDemo } from "./demo";

describe.each(ENGINES)("demo seed without the open data folder on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => t?.dispose());

  it("creates one clearly fictional territory that runs end to end", async () => {
    const report = await seedDemo(t.db, { fixturesDir: "/nonexistent/geo" });
    expect(report.territories).toEqual([{ slug: "demo", fictional: true }]);
    const [demo] = await listTerritories(t.db);
    expect(demo).toMatchObject({ slug: "demo", settings: { fictional: true } });
    expect(demo.name).toMatch(/fictif/);
    const choices = await listNeighbourhoodChoices(t.db, demo.id);
    expect(choices).toHaveLength(15); // 12 îlots, and each of the 3 quartiers as a whole ("je ne sais pas plus précisément")
    expect(choices.every((c) => /fictif/.test(c.name) && /fictif/.test(c.group ?? ""))).toBe(true);
    expect((await listSites(t.db, demo.id)).every((s) => /fictif|fictive/i.test(`${s.name} ${s.address}`))).toBe(true);
  });
});
