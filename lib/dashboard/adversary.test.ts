import { describe, expect, it } from "vitest";
import { breaches, type AdversaryView, type Hierarchy } from "./adversary";

/** One area, one single-choice question with three options: the options' numerators partition the denominator. */
const h: Hierarchy = { levels: ["quartier"], parentOf: new Map(), levelOf: new Map([["A", "quartier"]]) };
const view = (option: string, num: number | null, den: number | null): AdversaryView => ({
  indicator: `q.contact.${option}`, benefit: null, level: "quartier", filter: null,
  cells: new Map([["A", { num, den }], ["unknown", { num: 0, den: 0 }], ["total", { num, den }]]),
});
const FAMILY = [["q.contact.guichet", "q.contact.telephone", "q.contact.internet"]];

describe("the adversary's options attack", () => {
  it("derives a hidden option from the question's denominator minus the other options", () => {
    // 20 answered: 12 guichet, 6 téléphone, and internet (2) hidden.
    const views = [view("guichet", 12, 20), view("telephone", 6, 20), view("internet", null, null)];
    const found = breaches(views, h, {}, [], 0, 5, FAMILY).filter((b) => b.attack === "options");
    expect(found.map((b) => b.value)).toContain(2);
  });
  it("derives nothing exact when each published count may be off by the noise", () => {
    const views = [view("guichet", 12, 20), view("telephone", 6, 20), view("internet", null, null)];
    expect(breaches(views, h, {}, [], 3, 5, FAMILY).filter((b) => b.attack === "options")).toEqual([]);
  });
  it("has nothing to derive when no option is hidden", () => {
    const views = [view("guichet", 12, 20), view("telephone", 5, 20), view("internet", 3, 20)];
    expect(breaches(views, h, {}, [], 0, 5, FAMILY).filter((b) => b.attack === "options")).toEqual([]);
  });
});
