import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { seedDemo } from "@/lib/seed/demo";
import type { AreaInput, TerritoryInput } from "@/lib/territories/geo-source";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import type { QuestionnaireInput } from "@/lib/questionnaire/definition-schema";
import { publishVersion } from "@/lib/questionnaire/versions";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { breaches, derivations, evaluate, viewId, type AdversaryView, type Hierarchy, type NestedPair } from "./adversary";
import { aggregateIndicator } from "./aggregate";
import { listAreas, listLevels } from "./areas";
import { AGE_BANDS, HOUSEHOLDS, SEXES, dashboardFiltersSchema } from "./filters";
import { MAX_NOISE } from "./perturbation";
import { generateSyntheticResponses } from "./synthetic";
import { buildView, type DashboardView } from "./view";

/**
 * The differencing adversary against everything a committee member can request, on a territory
 * with many small areas: 3 quartiers ⊃ 9 sous-quartiers ⊃ 27 IRIS, 400 responses (some areas
 * with one to four), a fifth of them with a rights-review request, and a module of its own whose
 * choice questions are answered by the synthetic generator.
 */
const l = (fr: string) => ({ fr, en: fr });
const ADVERSARY_MODULE: QuestionnaireInput = {
  key: "adversaire", title: l("Module de l'adversaire"),
  sections: [{
    id: "acces", title: l("Accès"),
    questions: [
      { id: "adv_contact", type: "single", label: l("Premier contact"), preferNot: true,
        options: [{ value: "guichet", label: l("Guichet") }, { value: "telephone", label: l("Téléphone") }, { value: "internet", label: l("Internet") }] },
      { id: "adv_help", type: "multiple", label: l("Aides reçues"),
        options: [{ value: "famille", label: l("Famille") }, { value: "association", label: l("Association") }, { value: "ccas", label: l("CCAS") }] },
    ],
  }],
};
/** The single choice's options partition its denominator. */
const FAMILIES = [["q.adv_contact.guichet", "q.adv_contact.telephone", "q.adv_contact.internet"]];
const square = (x: number, y: number) => ({
  type: "Polygon" as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] as [number, number][][],
});
function nestedTerritory(): TerritoryInput {
  const q: AreaInput[] = [];
  const sq: AreaInput[] = [];
  const iris: AreaInput[] = [];
  for (let a = 0; a < 3; a++) {
    q.push({ code: `ADV-${a}`, name: `Quartier ${a}`, parentCode: null, geometry: square(a * 0.03, 0) });
    for (let b = 0; b < 3; b++) {
      sq.push({ code: `ADV-${a}${b}`, name: `Sous-quartier ${a}${b}`, parentCode: `ADV-${a}`, geometry: square(a * 0.03 + b * 0.01, 0) });
      for (let c = 0; c < 3; c++) iris.push({ code: `ADV-${a}${b}${c}`, name: `IRIS ${a}${b}${c}`, parentCode: `ADV-${a}${b}`, geometry: square(a * 0.03 + b * 0.01, c * 0.01) });
    }
  }
  return {
    slug: "adversaire", name: "Territoire de l'adversaire (test)", fictional: true,
    levels: [{ key: "quartier", name: "Quartier", areas: q }, { key: "sous_quartier", name: "Sous-quartier", areas: sq }, { key: "iris", name: "IRIS", areas: iris }],
    sites: [0, 1, 2].map((i) => ({ code: `ADV-SITE-${i}`, name: `Lieu ${i}`, kind: "maison_pour_tous", address: null, phone: null, lon: null, lat: null })),
  };
}

const INDICATORS: { indicator: string; benefits: (string | null)[] }[] = [
  { indicator: "non_recours", benefits: [null, "rsa", "prime_activite"] },
  { indicator: "forme.non_demande", benefits: [null, "rsa"] },
  { indicator: "raison.calcul_cout_avantage", benefits: [null] },
  { indicator: "knowledge", benefits: [null, "prime_activite"] },
  { indicator: "difficulty.appointments", benefits: [null] },
  { indicator: "opt_in", benefits: [null] },
  ...FAMILIES[0].map((indicator) => ({ indicator, benefits: [null] })),
  { indicator: "q.adv_help.association", benefits: [null] },
];
const FILTER_VALUES: Record<string, string[]> = {
  sex: [...SEXES], age: Object.keys(AGE_BANDS), household: [...HOUSEHOLDS], mode: ["self", "kiosk", "assisted"],
  site: ["ADV-SITE-0", "ADV-SITE-1", "ADV-SITE-2"],
};
/** Populations that contain each other, whatever the answers. */
const PAIRS: NestedPair[] = [
  { big: { indicator: "opt_in", benefit: null, q: "den" }, small: { indicator: "difficulty.appointments", benefit: null, q: "den" } },
  { big: { indicator: "opt_in", benefit: null, q: "den" }, small: { indicator: "non_recours", benefit: null, q: "den" } },
  { big: { indicator: "non_recours", benefit: null, q: "den" }, small: { indicator: "knowledge", benefit: null, q: "den" } },
  { big: { indicator: "non_recours", benefit: null, q: "num" }, small: { indicator: "forme.non_demande", benefit: null, q: "num" } },
  { big: { indicator: "non_recours", benefit: "rsa", q: "num" }, small: { indicator: "forme.non_demande", benefit: "rsa", q: "num" } },
  { big: { indicator: "forme.non_demande", benefit: null, q: "num" }, small: { indicator: "raison.calcul_cout_avantage", benefit: null, q: "num" } },
  // Module questions: the territory total ⊇ the question's respondents ⊇ an option's.
  { big: { indicator: "opt_in", benefit: null, q: "den" }, small: { indicator: "q.adv_contact.guichet", benefit: null, q: "den" } },
  { big: { indicator: "opt_in", benefit: null, q: "den" }, small: { indicator: "q.adv_help.association", benefit: null, q: "den" } },
  { big: { indicator: "q.adv_help.association", benefit: null, q: "den" }, small: { indicator: "q.adv_contact.guichet", benefit: null, q: "den" } },
];

describe.each(ENGINES)("the differencing adversary on %s", (engine) => {
  let t: TestDatabase;
  let territory: { id: string; settings: Record<string, unknown> };
  let hierarchy: Hierarchy;
  /** What the committee reads, and what the territory lead reads (exact, with cell suppression). */
  const published: (AdversaryView & { bound: number })[] = [];
  const exact: AdversaryView[] = [];
  const truth: AdversaryView[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    const id = await upsertTerritory(t.db, nestedTerritory());
    territory = { id, settings: {} };
    await publishVersion(t.db, id, ADVERSARY_MODULE);
    await generateSyntheticResponses(t.db, id, { responses: 400, seed: 11, now: new Date("2026-11-01T12:00:00Z") });
    await t.db.execute(sql`insert into callback_requests (territory_id, response_id, consent_version, consented_at, language, preferred_channel)
      select territory_id, id, 'test', now(), 'fr', 'phone' from responses where territory_id = ${id}::uuid and abs(hashtext(id::text)) % 5 = 0`);
    const levels = await listLevels(t.db, id);
    const parents = await rows<{ id: string; parent_id: string | null; level: string }>(t.db, sql`
      select n.id, n.parent_id, l.key as level from neighbourhoods n join neighbourhood_levels l on l.id = n.level_id where n.territory_id = ${id}::uuid`);
    hierarchy = {
      levels: levels.map((l) => l.key),
      parentOf: new Map(parents.filter((p) => p.parent_id).map((p) => [p.id, p.parent_id!])),
      levelOf: new Map(parents.map((p) => [p.id, p.level])),
    };
    const filterSettings: (string | null)[] = [null, ...Object.entries(FILTER_VALUES).flatMap(([n, vs]) => vs.map((v) => `${n}=${v}`))];
    for (const { indicator, benefits } of INDICATORS) {
      for (const benefit of benefits) {
        for (const level of levels) {
          const areas = await listAreas(t.db, id, level.id);
          for (const filter of filterSettings) {
            const params: Record<string, string> = { indicator, level: level.key, source: "synthetic" };
            if (benefit) params.benefit = benefit;
            if (filter) { const [n, v] = filter.split("="); params[n] = v; }
            const f = dashboardFiltersSchema.parse(params);
            const spec = { indicator, benefit, level: level.key, filter };
            for (const [audience, into] of [["committee", published], ["exact", exact]] as const) {
              const built = await buildView(t.db, territory, f, audience);
              if (!built.ok) throw new Error(built.error);
              into.push(toAdversaryView(built.view, spec));
            }
            const siteId = f.site ? (await rows<{ id: string }>(t.db, sql`select id from sites where code = ${f.site}`))[0].id : undefined;
            const raw = await aggregateIndicator(t.db, f, { territoryId: id, levelId: level.id, siteId });
            const cells = new Map<string, { num: number; den: number }>(areas.map((a) => [a.id, { num: 0, den: 0 }]));
            cells.set("unknown", { num: 0, den: 0 });
            for (const c of raw.cells) cells.set(c.key ?? "unknown", { num: c.num, den: c.den });
            cells.set("total", { num: raw.total.num, den: raw.total.den });
            truth.push({ indicator, benefit, level: level.key, filter, cells });
          }
        }
      }
    }
  }, 600_000);
  afterAll(async () => t?.dispose());

  it("has many small groups to find", () => {
    const small = truth.flatMap((v) => [...v.cells.values()]).filter((c) => c.den! > 0 && c.den! < 5);
    expect(small.length).toBeGreaterThan(500);
    expect(published.length).toBe(truth.length);
    // The synthetic generator answered the module's questions, read from its published version.
    const module = truth.find((v) => v.indicator === "q.adv_contact.guichet" && v.filter === null)!;
    expect(module.cells.get("total")!.den).toBe(400);
  });

  it("cannot derive any group of 1 … k − 1 people, or such a count with or without a trait, exactly", () => {
    const k = 5;
    expect(published.every((v) => v.bound === MAX_NOISE)).toBe(true);
    const found = breaches(published, hierarchy, FILTER_VALUES, PAIRS, MAX_NOISE, k, FAMILIES);
    const byAttack: Record<string, number> = {};
    for (const b of found) byAttack[b.attack] = (byAttack[b.attack] ?? 0) + 1;
    const truthById = new Map(truth.map((v) => [viewId(v), v]));
    // Every breach is real: the derived value is the true size of that group.
    for (const b of found.slice(0, 50)) expect(evaluate(truthById, b), b.description).toBe(b.value);
    expect({ breaches: found.length, byAttack, examples: found.slice(0, 5).map((b) => `${b.q} = ${b.value}: ${b.description}`) }).toEqual({ breaches: 0, byAttack: {}, examples: [] });
  });

  it("finds the small groups in the exact figures (the lead's, never the committee's): the attacks work", () => {
    const found = breaches(exact, hierarchy, FILTER_VALUES, PAIRS, 0, 5, FAMILIES);
    const truthById = new Map(truth.map((v) => [viewId(v), v]));
    expect(found.length).toBeGreaterThan(50);
    for (const b of found) expect(evaluate(truthById, b), b.description).toBe(b.value);
    expect(new Set(found.map((b) => b.attack))).toEqual(new Set(["levels", "filter_dropped", "all_values", "benefit_dropped", "indicator_pair", "options"]));
  });

  it("gets a small group right by naive subtraction no more often than by chance", () => {
    const pubById = new Map(published.map((v) => [viewId(v), v]));
    const truthById = new Map(truth.map((v) => [viewId(v), v]));
    let small = 0;
    let right = 0;
    for (const d of derivations(published, hierarchy, FILTER_VALUES, PAIRS, FAMILIES)) {
      const real = evaluate(truthById, d);
      if (real === null || real < 1 || real >= 5) continue;
      small++;
      if (evaluate(pubById, d) === real) right++;
    }
    if (process.env.ADVERSARY_REPORT) console.log({ small, right, rate: right / small, maxNoise: MAX_NOISE });
    expect(small).toBeGreaterThan(100);
    expect(right / small).toBeLessThan(0.5);
  });
});

/** A view as the adversary reads it, with how far from the truth its counts may be (its publication method). */
function toAdversaryView(view: DashboardView, spec: Omit<AdversaryView, "cells">): AdversaryView & { bound: number } {
  const cells = new Map(view.rows.map((r) => [r.key, { num: r.num, den: r.den }]));
  cells.set("unknown", { num: view.unknown.num, den: view.unknown.den });
  cells.set("total", { num: view.total.num, den: view.total.den });
  return { ...spec, cells, bound: view.audience === "committee" ? MAX_NOISE : 0 };
}
