import { describe, expect, it } from "vitest";
import { buildBlocks } from "./build";
import { FIXTURE_LABELS, HAND_MADE } from "./fixture";
import { exactPublisher } from "./publish";
import { tallyFacts } from "./tally";
import type { Block, FigureTable } from "./types";

const { blocks, financialByService } = buildBlocks(tallyFacts(HAND_MADE), FIXTURE_LABELS, exactPublisher(5));
const block = (id: string): Block => blocks.find((b) => b.id === id)!;
const table = (id: string): FigureTable => blocks.flatMap((b) => b.tables).find((t) => t.id === id)!;
const n = (t: string, key: string) => table(t).rows.find((r) => r.key === key)?.n;
const stat = (b: string, id: string) => block(b).stats.find((s) => s.id === id)!;

describe("the rubriques on a hand-made dataset (8 situations, 5 households)", () => {
  it("A. volume: by service, by worker against the mean of 2, by sector (one blank apart), by month", () => {
    expect(stat("volume", "situations").value).toBe(8);
    expect(stat("volume", "households").value).toBe(5);
    expect(n("by_service", "ep")).toBe(4);
    expect(n("by_service", "asf")).toBe(4);
    expect(stat("volume", "mean_per_worker").value).toBe(2);
    const w1 = table("by_worker").rows.find((r) => r.key === "w1")!;
    expect([w1.n, w1.values?.gap_to_mean, w1.label]).toEqual([3, 1, "Agent 1"]);
    expect(table("by_worker").rows.find((r) => r.key === "label:X9")?.label).toBe("X9");
    expect([table("by_sector").den, table("by_sector").missing, n("by_sector", "A"), n("by_sector", "B")]).toEqual([7, 1, 4, 3]);
    expect(table("by_month").rows.map((r) => [r.key, r.n])).toEqual([["2015-01", 1], ["2015-02", 2], ["2015-03", 3], ["2015-04", 2]]);
  });

  it("B. formes: each over ALL situations (shares add up to more than 100 %), abandon apart, reasons within each forme", () => {
    const formes = table("formes");
    expect(formes.den).toBe(8);
    expect(formes.missing).toBe(1);
    expect(formes.rows.map((r) => [r.key, r.n])).toEqual([["non_connaissance", 3], ["non_proposition", 1], ["non_reception", 3], ["non_demande", 2]]);
    expect(formes.rows.find((r) => r.key === "non_connaissance")!.share).toBeCloseTo(0.375);
    expect(formes.rows.reduce((a, r) => a + r.share!, 0)).toBeCloseTo(9 / 8);
    expect(formes.rows.some((r) => r.key === "abandon")).toBe(false);
    expect([n("abandon", "abandon"), table("abandon").den]).toEqual([1, 8]);
    expect(table("formes_per_situation").rows.map((r) => r.n)).toEqual([1, 4, 3, 0, 0]);
    const nc = table("reasons_non_connaissance");
    expect([nc.den, nc.missing, n("reasons_non_connaissance", "manque_information"), n("reasons_non_connaissance", "maitrise_insuffisante")]).toEqual([2, 1, 1, 1]);
    expect(n("reasons_non_reception", "pieces_manquantes")).toBe(1);
  });

  it("C. benefits and actors: financial share over the answered, groups over financial with a benefit, actors ranked", () => {
    expect([table("financial").den, table("financial").missing, n("financial", "true")]).toEqual([7, 1, 5]);
    expect(table("financial").rows[0].share).toBeCloseTo(5 / 7);
    const g = table("benefit_groups");
    expect([g.den, g.missing]).toEqual([4, 1]);
    expect(g.rows.map((r) => [r.key, r.n])).toEqual([["rsa", 2], ["assurance_maladie", 1], ["retraite", 1], ["prestations_familiales", 0], ["autres", 0]]);
    expect([table("domains").den, table("domains").missing, n("domains", "sante")]).toEqual([1, 1, 1]);
    const actors = table("actors");
    expect([actors.den, actors.missing, actors.rows[0].key, actors.rows[0].n]).toEqual([7, 1, "caf", 4]);
    expect(financialByService.cells).toEqual([[2, 3], [1, 1]]); // rows true/false × cols asf/ep
    expect(financialByService.test?.df).toBe(1);
  });

  it("D. cumulation and cumulativity: households with ≥ 2 situations, cumulative situations, which benefits induce others", () => {
    expect(table("household_size").rows.map((r) => r.n)).toEqual([3, 1, 1, 0, 0]);
    expect([stat("cumulation", "multi_households").value, stat("cumulation", "multi_households").den]).toEqual([2, 5]);
    expect([stat("cumulation", "multi_situations").value, stat("cumulation", "multi_situations").den]).toEqual([5, 8]);
    expect([stat("cumulation", "multi_cumulative").value, stat("cumulation", "multi_cumulative").den]).toEqual([2, 5]); // S2 and S7 are caused
    expect([stat("cumulation", "multi_cumulative_households").value, stat("cumulation", "multi_cumulative_households").den]).toEqual([1, 2]);
    const complete = stat("cumulation", "multi_complete");
    expect([complete.value, complete.den, complete.missing]).toEqual([4, 4, 1]);
    expect(stat("cumulation", "situations_per_household").value).toBeCloseTo(1.6);
    expect(table("household_services").rows.map((r) => [r.key, r.n])).toEqual([["asf+ep", 1], ["ep", 1]]);
    expect(n("caused", "true")).toBe(3);
    const rsa = table("inducing_by_group").rows.find((r) => r.key === "rsa")!;
    expect([rsa.n, rsa.den]).toEqual([1, 2]);
    expect(table("inducing_by_group").rows.find((r) => r.key === "assurance_maladie")?.share).toBe(1);
  });

  it("E–F. impact (people concerned, blanks apart) and intensity", () => {
    const people = table("people");
    expect([people.den, people.missing, people.rows.map((r) => r.n)]).toEqual([7, 1, [3, 1, 1, 1, 1]]);
    expect([stat("impact", "two_or_more").value, stat("impact", "two_or_more").den]).toEqual([4, 7]);
    expect(stat("impact", "people_total").value).toBe(18);
    expect([table("intensity").den, table("intensity").missing, n("intensity", "complete"), n("intensity", "partial")]).toEqual([7, 1, 5, 2]);
  });

  it("G. actions: ticks, per situation, each over ticks and over situations, distribution", () => {
    expect(stat("actions", "ticks").value).toBe(11);
    expect(stat("actions", "ticks_per_situation").value).toBeCloseTo(1.375);
    const call = table("actions").rows.find((r) => r.key === "appel_service")!;
    expect(call.share).toBeCloseTo(3 / 11);
    expect(call.values?.share_of_situations).toBeCloseTo(3 / 8);
    expect(table("actions_per_situation").rows.map((r) => r.n)).toEqual([1, 4, 2, 1, 0]);
  });

  it("H. cost: time by service (mean, range, blanks), optional aid among the instructing service, manque à percevoir", () => {
    const time = table("time_by_service").rows;
    const ep = time.find((r) => r.key === "ep")!;
    const asf = time.find((r) => r.key === "asf")!;
    expect([ep.n, ep.values]).toEqual([4, { mean: 56.25, min: 30, max: 90, missing: 0 }]);
    expect([asf.n, asf.values?.min, asf.values?.max, asf.values?.missing]).toEqual([3, 10, 35, 1]);
    expect(asf.values?.mean).toBeCloseTo(65 / 3);
    expect(time.find((r) => r.key === "total")?.values?.mean).toBeCloseTo(290 / 7);
    expect(table("time_classes_ep").rows.map((r) => r.n)).toEqual([0, 1, 2, 1]);
    const aid = stat("cost", "aid_requested");
    expect([aid.value, aid.den, aid.missing]).toEqual([2, 3, 1]);
    expect(stat("cost", "aid_granted_total").value).toBe(500);
    expect(stat("cost", "aid_granted_mean").value).toBe(250);
    expect([stat("cost", "missed_monthly_total").value, stat("cost", "missed_monthly_total").den]).toEqual([690, 3]);
    expect([stat("cost", "missed_duration_total").value, stat("cost", "missed_duration_total").den]).toEqual([4800, 2]);
  });

  it("resolution: status, resolution among the resolved (blank apart), rights opened", () => {
    expect(table("status").rows.map((r) => r.n)).toEqual([5, 1, 2]);
    expect([table("resolution").den, table("resolution").missing, n("resolution", "right_opened")]).toEqual([1, 1, 1]);
    expect(stat("resolution", "opened_monthly_total").value).toBe(100);
  });

  it("map: situations by the household's neighbourhood when given", () => {
    expect([table("by_neighbourhood").den, table("by_neighbourhood").missing, n("by_neighbourhood", "A"), n("by_neighbourhood", "B")]).toEqual([5, 3, 3, 2]);
  });
});
