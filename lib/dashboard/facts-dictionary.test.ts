import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENEFIT_CODES, DIFFICULTIES, FORMES, RAISONS } from "./indicators";

/** The facts trigger codes answers with the same ordered lists as the queries read them with. */
describe("dashboard facts dictionaries", () => {
  const migrations = path.resolve(import.meta.dirname, "../../db/migrations");
  // The latest migration defining dashboard_facts_rows wins.
  const file = fs.readdirSync(migrations).filter((f) => f.endsWith(".sql")).sort().reverse()
    .find((f) => fs.readFileSync(path.join(migrations, f), "utf8").includes("FUNCTION dashboard_facts_rows"))!;
  const text = fs.readFileSync(path.join(migrations, file), "utf8");
  const lists = [...text.matchAll(/ARRAY\[([^\]]+)\] AS ([bfrk])\b/g)].map((m) => ({ name: m[2], values: [...m[1].matchAll(/'([^']+)'/g)].map((v) => v[1]) }));
  const list = (name: string) => lists.find((l) => l.name === name)?.values;

  it("lists benefits, formes, raisons and difficulties in the order of indicators.ts", () => {
    expect(list("b")).toEqual(BENEFIT_CODES);
    expect(list("f")).toEqual(FORMES);
    expect(list("r")).toEqual(RAISONS.map((r) => r.raison));
    expect(list("k")).toEqual([...DIFFICULTIES]);
  });
  it("fits the bit masks: benefits in an integer, formes in a bigint, raisons in 32 codes per benefit", () => {
    expect(BENEFIT_CODES.length).toBeLessThanOrEqual(31);
    expect(BENEFIT_CODES.length * 4).toBeLessThanOrEqual(63);
    expect(RAISONS.length).toBeLessThanOrEqual(32);
    expect(DIFFICULTIES.length * 2).toBeLessThanOrEqual(31);
  });
});
