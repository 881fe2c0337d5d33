import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { DEMO_GEO_DIR, ENGINES, HAS_DEMO_GEO, openTestDatabase, type TestDatabase } from "@/test/databases";
import { loadRubriques } from "./load";
import type { Rubriques } from "./types";
import { rubriquesWords } from "./words";

/**
 * The rubriques of the demo's synthetic Grenoble 2015 sheet give back the figures the Odenore
 * report published (GRENOBLE-TOOL.md §4.1), with the report's own denominators: formes over all
 * 182 situations (their shares add up to over 100 %), benefit groups over the 124 financial
 * situations with a benefit, domains over the 38 answered, cumulation within the 25 households.
 */
describe.runIf(HAS_DEMO_GEO).each(ENGINES)("the rubriques of Grenoble 2015 on %s", (engine) => {
  let t: TestDatabase;
  let r: Rubriques;
  const block = (id: string) => r.blocks.find((b) => b.id === id)!;
  const table = (id: string) => r.blocks.flatMap((b) => b.tables).find((x) => x.id === id)!;
  const n = (tb: string, key: string) => table(tb).rows.find((x) => x.key === key)?.n;
  const share = (tb: string, key: string) => Math.round(1000 * (table(tb).rows.find((x) => x.key === key)?.share ?? 0)) / 10;
  const stat = (b: string, id: string) => block(b).stats.find((s) => s.id === id)!;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
    const territory = (await getTerritoryBySlug(t.db, "grenoble"))!;
    const loaded = await loadRubriques(t.db, territory, {}, "exact", rubriquesWords("fr"));
    if (!loaded.ok) throw new Error(loaded.error);
    r = loaded.rubriques;
  }, 180_000);
  afterAll(async () => t?.dispose());

  it("A: 182 situations, 148 households, 69 ASF / 113 EP, 14 workers at 13 each on average", () => {
    expect([stat("volume", "situations").value, stat("volume", "households").value]).toEqual([182, 148]);
    expect([n("by_service", "asf"), n("by_service", "ep")]).toEqual([69, 113]);
    expect([stat("volume", "workers").value, stat("volume", "mean_per_worker").value]).toEqual([14, 13]);
  });

  it("B: formes over all 182 — 31.3 / 2.2 / 63.2 / 37.4 %, summing to 134 %; abandon 25 (13.7 %)", () => {
    expect(table("formes").den).toBe(182);
    expect(["non_connaissance", "non_proposition", "non_reception", "non_demande"].map((k) => share("formes", k))).toEqual([31.3, 2.2, 63.2, 37.4]);
    expect(Math.round(table("formes").rows.reduce((a, x) => a + x.share!, 0) * 100)).toBe(134);
    expect([n("abandon", "abandon"), share("abandon", "abandon")]).toEqual([25, 13.7]);
  });

  it("C: 72.2 % financial; groups 24.2 / 24.2 / 15.3 / 13.7 % of 124; domains 28.9 / 23.7 / 15.8 % of 38", () => {
    expect(share("financial", "true")).toBe(72.2);
    expect(table("benefit_groups").den).toBe(124);
    expect(["rsa", "assurance_maladie", "retraite", "prestations_familiales"].map((k) => share("benefit_groups", k))).toEqual([24.2, 24.2, 15.3, 13.7]);
    expect(table("domains").den).toBe(38);
    expect(["etat_civil_sejour", "sante", "logement_hebergement"].map((k) => share("domains", k))).toEqual([28.9, 23.7, 15.8]);
    expect(r.financialByService.test?.df).toBe(1);
  });

  it("D: 25 households hold 59 situations (3×4, 3×3, 19×2), 36 cumulative in 16 households, 48 complete; RSA 10 of 30 induce others", () => {
    expect([stat("cumulation", "multi_households").value, stat("cumulation", "multi_situations").value]).toEqual([25, 59]);
    expect(table("household_size").rows.map((x) => x.n)).toEqual([123, 19, 3, 3, 0]);
    expect([stat("cumulation", "multi_cumulative").value, stat("cumulation", "multi_cumulative").den]).toEqual([36, 59]);
    expect([stat("cumulation", "multi_cumulative_households").value, stat("cumulation", "multi_cumulative_households").den]).toEqual([16, 25]);
    expect(stat("cumulation", "multi_complete").value).toBe(48);
    const induce = (g: string) => table("inducing_by_group").rows.find((x) => x.key === g)!;
    expect([induce("rsa").n, induce("rsa").den, induce("assurance_maladie").n, induce("retraite").n]).toEqual([10, 30, 12, 7]);
    expect(r.households?.total).toBe(25);
  });

  it("F–H: 149 complete; 361 actions, phone 18.6 % of them; 61 ASF requests, 12,578 € (206 € each); 22 and 39 minutes", () => {
    expect(n("intensity", "complete")).toBe(149);
    expect(stat("actions", "ticks").value).toBe(361);
    expect(share("actions", "appel_service")).toBe(18.6);
    expect(stat("cost", "aid_requested").value).toBe(61);
    expect(stat("cost", "aid_granted_total").value).toBe(12578);
    expect(Math.round(stat("cost", "aid_granted_mean").value!)).toBe(206);
    const time = table("time_by_service").rows;
    const asf = time.find((x) => x.key === "asf")!.values!;
    const ep = time.find((x) => x.key === "ep")!.values!;
    expect([asf.mean!.toFixed(1), asf.min, asf.max, ep.mean!.toFixed(1), ep.min, ep.max]).toEqual(["22.2", 10, 60, "38.8", 10, 90]);
  });
});
