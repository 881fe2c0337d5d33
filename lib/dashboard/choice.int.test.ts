import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { neighbourhoods } from "@/db/schema";
import type { QuestionnaireInput } from "@/lib/questionnaire/definition-schema";
import { publishVersion } from "@/lib/questionnaire/versions";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { aggregateIndicator } from "./aggregate";
import { listTerritoryBenefitCodes } from "./benefits";
import { loadChoiceCatalogue } from "./choice-catalogue";
import { listLevels } from "./areas";
import { parseDashboardFilters } from "./filters";
import { buildView, type DashboardView } from "./view";

/** A module of the test's own (not a shipped one): one single and one multiple choice question. */
const label = (fr: string) => ({ fr, en: fr });
const moduleV1: QuestionnaireInput = {
  key: "essai", title: label("Module d'essai"),
  sections: [{
    id: "lieux", title: label("Lieux d'aide"),
    questions: [
      { id: "ess_frequency", type: "single", label: label("Fréquence de visite"), preferNot: true,
        options: [{ value: "weekly", label: label("Chaque semaine") }, { value: "monthly", label: label("Chaque mois") }, { value: "never", label: label("Jamais") }] },
      { id: "ess_places", type: "multiple", label: label("Lieux connus"),
        options: [{ value: "mpt", label: label("Maison pour tous") }, { value: "ccas", label: label("CCAS") }, { value: "mairie", label: label("Mairie") }] },
    ],
  }],
};

/**
 * In the fictional territory (quartiers A, B, C; îlots A-1 …): 60 respondents answer the module.
 * Per îlot A-1 / A-2 / B-1: 20 each, i = 0 … 19; women when i is even; frequency weekly when
 * i % 4 = 0, monthly when i % 4 = 1, never when 2, prefer not when 3; places: mpt always, ccas
 * when i < 10 (multiple choice: several options per respondent).
 */
describe.each(ENGINES)("module choice questions on the committee's dashboards on %s", (engine) => {
  let t: TestDatabase;
  let territory: { id: string; settings: Record<string, unknown> };
  let areaIds: Map<string, string>;

  async function respond(area: string | null, answers: [string, string, string, string | null][]) {
    const id = randomUUID();
    const [{ id: versionId }] = await rows<{ id: string }>(t.db, sql`select id from questionnaire_versions where territory_id is null limit 1`);
    await t.db.execute(sql`insert into responses (id, territory_id, receipt_code, idempotency_key, common_version_id, mode, locale,
      neighbourhood_id, answers, synthetic, started_at, submitted_at)
      values (${id}, ${territory.id}, ${"CQ-" + id.slice(0, 8)}, ${id}, ${versionId}, 'self', 'fr',
      ${area ? areaIds.get(area)! : null}, '{}'::jsonb, false, '2026-01-15T10:00:00Z', '2026-01-15T10:00:00Z')`);
    // One statement, as a submission does (the facts trigger runs per statement).
    await t.db.execute(sql`insert into response_answers (response_id, territory_id, question_id, item, field, value)
      values ${sql.join(answers.map(([q, item, field, value]) => sql`(${id}, ${territory.id}, ${q}, ${item}, ${field}, ${value})`), sql`, `)}`);
    return id;
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    const tr = (await listTerritories(t.db))[0];
    territory = { id: tr.id, settings: {} };
    await publishVersion(t.db, tr.id, moduleV1);
    const ns = await t.db.select().from(neighbourhoods).where(eq(neighbourhoods.territoryId, tr.id));
    areaIds = new Map(ns.map((n) => [n.code.replace("FIC-Q", ""), n.id]));
    for (const area of ["A-1", "A-2", "B-1"]) {
      for (let i = 0; i < 20; i++) {
        const frequency = ["weekly", "monthly", "never", "prefer_not"][i % 4];
        await respond(area, [
          ["sex", "", "", i % 2 === 0 ? "femme" : "homme"], ["ess_frequency", "", "", frequency],
          ["ess_places", "", "", "mpt"], ...(i < 10 ? [["ess_places", "", "", "ccas"] as [string, string, string, string]] : []),
          ["difficulty_appointments", "", "", i % 3 === 0 ? "yes" : i % 3 === 1 ? "no" : "dk"],
        ]);
      }
    }
  }, 120_000);
  afterAll(async () => t?.dispose());

  async function view(query: string, audience: "exact" | "committee" = "exact"): Promise<DashboardView> {
    const p = parseDashboardFilters(new URLSearchParams(query));
    if (!p.ok) throw new Error(p.errors.join(" "));
    const r = await buildView(t.db, territory, p.filters, audience);
    if (!r.ok) throw new Error(r.error);
    return r.view;
  }
  const parseOk = (query: string) => {
    const p = parseDashboardFilters(new URLSearchParams(query));
    if (!p.ok) throw new Error(p.errors.join(" "));
    return p.filters;
  };
  const byName = (v: DashboardView) => Object.fromEntries(v.rows.filter((r) => r.den !== 0).map((r) => [r.name, `${r.num}/${r.den}`]));

  it("lists the module's choice questions after the common ones, grouped by section, without prefer-not", async () => {
    const c = await loadChoiceCatalogue(t.db, territory.id);
    const module = c.questions.filter((q) => q.source === "module");
    expect(module.map((q) => [q.id, q.section.id, q.options.map((o) => o.value)])).toEqual([
      ["ess_frequency", "lieux", ["weekly", "monthly", "never"]],
      ["ess_places", "lieux", ["mpt", "ccas", "mairie"]],
    ]);
    expect(c.questions.some((q) => q.source === "common" && q.id === "sex")).toBe(true);
    expect(c.questions.findIndex((q) => q.source === "module")).toBeGreaterThan(c.questions.findLastIndex((q) => q.source === "common"));
  });

  it("maps an option's share by area with a population filter: those who answered, prefer-not excluded", async () => {
    // Women: i even → weekly when i % 4 = 0 (5 of 10), monthly never (odd), never when i % 4 = 2 (5); prefer-not only odd i.
    const v = await view("indicator=q.ess_frequency.weekly&level=ilot&sex=femme");
    expect(byName(v)).toEqual({ "Îlot fictif A1": "5/10", "Îlot fictif A2": "5/10", "Îlot fictif B1": "5/10" });
    expect(v.total).toMatchObject({ num: 15, den: 30, suppressed: false });
    expect(v.total.low).toBeCloseTo(0.3315, 3);
    // Everyone: 15 answered per îlot (5 prefer not are out of the denominator).
    const all = await view("indicator=q.ess_frequency.monthly&level=quartier");
    expect(byName(all)).toEqual({ "Quartier fictif A": "10/30", "Quartier fictif B": "5/15" });
  });

  it("counts several options per respondent in a multiple choice", async () => {
    const mpt = await view("indicator=q.ess_places.mpt&level=quartier");
    const ccas = await view("indicator=q.ess_places.ccas&level=quartier");
    expect(byName(mpt)).toEqual({ "Quartier fictif A": "40/40", "Quartier fictif B": "20/20" });
    expect(byName(ccas)).toEqual({ "Quartier fictif A": "20/40", "Quartier fictif B": "10/20" });
    expect(mpt.total.rate! + ccas.total.rate!).toBeGreaterThan(1);
  });

  it("gives the committee the same figure for the same people: one denominator for every option, and a yes/no share equal to its indicator", async () => {
    const levels = await listLevels(t.db, territory.id);
    const raw = await Promise.all(["weekly", "monthly", "never"].map((o) => aggregateIndicator(t.db, parseOk(`indicator=q.ess_frequency.${o}`),
      { territoryId: territory.id, levelId: levels[1].id }, { neighbours: false, cellKeys: true })));
    const keys = raw.map((r) => r.cells.map((c) => [c.key, c.den, c.keyDen]));
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    // Published: wherever two options both show a cell, they show the same denominator.
    const options = await Promise.all(["weekly", "monthly", "never"].map((o) => view(`indicator=q.ess_frequency.${o}&level=ilot`, "committee")));
    const shown = options[0].rows.flatMap((r, i) => options.slice(1).filter((o) => !r.suppressed && !o.rows[i].suppressed).map((o) => [r.den, o.rows[i].den]));
    expect(shown.length).toBeGreaterThan(0);
    for (const [a, b] of shown) expect(b).toBe(a);
    const generic = await view("indicator=q.difficulty_appointments.yes&level=quartier", "committee");
    const named = await view("indicator=difficulty.appointments&level=quartier", "committee");
    expect(generic.rows.map((r) => [r.num, r.den])).toEqual(named.rows.map((r) => [r.num, r.den]));
    expect(generic.total).toEqual(named.total);
  });

  it("refuses a question or option the territory never published", async () => {
    const p = parseDashboardFilters(new URLSearchParams("indicator=q.ess_frequency.daily"));
    expect(p.ok).toBe(true);
    expect(await buildView(t.db, territory, p.ok ? p.filters : ({} as never), "committee")).toEqual({ ok: false, error: "unknown_indicator" });
    expect(parseDashboardFilters(new URLSearchParams("indicator=q.Drop table")).ok).toBe(false);
  });

  it("takes labels from the latest version and keeps options only older responses hold", async () => {
    const v2 = structuredClone(moduleV1);
    const q = v2.sections[0].questions[0] as { label: { fr: string; en: string }; options: { value: string }[] };
    q.label = label("À quelle fréquence venez-vous ?");
    q.options = q.options.filter((o) => o.value !== "never");
    q.options.push({ value: "daily", label: label("Chaque jour") } as never);
    await publishVersion(t.db, territory.id, v2);
    const c = await loadChoiceCatalogue(t.db, territory.id);
    const frequency = c.questions.find((x) => x.id === "ess_frequency")!;
    expect(frequency.label.fr).toBe("À quelle fréquence venez-vous ?");
    expect(frequency.options.map((o) => o.value)).toEqual(["weekly", "monthly", "daily", "never"]);
    expect((await view("indicator=q.ess_frequency.never&level=quartier")).total).toMatchObject({ num: 15, den: 45 });
  });

  it("takes a benefit that is not in the common list into the filters and indicators, with no migration", async () => {
    expect(await listTerritoryBenefitCodes(t.db, territory.id)).not.toContain("tarif_social_tram");
    for (let i = 0; i < 6; i++) {
      await respond("C-1", [
        ["benefits", "tarif_social_tram", "known", i < 5 ? "yes" : "no"],
        ...(i < 5 ? [["benefits", "tarif_social_tram", "received", i < 3 ? "no" : "yes"] as [string, string, string, string]] : []),
        ...(i < 3 ? [["why_not", "tarif_social_tram", "forme", "non_demande"] as [string, string, string, string]] : []),
      ]);
    }
    expect(await listTerritoryBenefitCodes(t.db, territory.id)).toContain("tarif_social_tram");
    const levels = await listLevels(t.db, territory.id);
    const count = async (query: string) => {
      const p = parseDashboardFilters(new URLSearchParams(query));
      if (!p.ok) throw new Error(p.errors.join(" "));
      const raw = await aggregateIndicator(t.db, p.filters, { territoryId: territory.id, levelId: levels[0].id });
      return `${raw.total.num}/${raw.total.den}`;
    };
    expect(await count("indicator=non_recours&benefit=tarif_social_tram")).toBe("3/6");
    expect(await count("indicator=knowledge&benefit=tarif_social_tram")).toBe("5/6");
    expect(await count("indicator=forme.non_demande&benefit=tarif_social_tram")).toBe("3/6");
    // Counted among all benefits too.
    expect(await count("indicator=non_recours")).toBe("3/6");
    const unknown = parseDashboardFilters(new URLSearchParams("benefit=velo_libre"));
    expect(await buildView(t.db, territory, unknown.ok ? unknown.filters : ({} as never), "exact")).toEqual({ ok: false, error: "unknown_benefit" });
  });
});
