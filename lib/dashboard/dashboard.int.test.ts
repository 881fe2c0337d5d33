import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/db/client";
import { neighbourhoods, territories } from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { aggregateIndicator } from "./aggregate";
import { listLevels } from "./areas";
import { parseDashboardFilters } from "./filters";
import { cellKey, perturbCount, perturbGroup } from "./perturbation";
import { collectionProgress } from "./progress";
import { buildView, type DashboardView } from "./view";

/**
 * A hand-made dataset on the fictional territory (quartiers A, B, C; îlots A1…C4), checked
 * against counts, rates and Wilson intervals computed by hand (python, z = 1.959964):
 *   A1: 8 (Jan, self), femmes 1–6, hommes 7–8; 1–4 non-recours RSA (non-demande, coût/avantage);
 *       RDV difficulty yes 1–5; rights review asked 1–5; born 1990
 *   A2: 4 (Jan, self), femmes; 1–2 non-recours (non-demande); RDV yes 1–2
 *   B1: 10 (Feb, assisted, site FIC-MPT-1, single parents), femmes 1–5 all non-recours
 *       (1–3 non-réception / abandon, 4–5 non-demande / capacités), RDV yes 1–5, no 6–9, 10 prefer not
 *   C1: 3 (Mar, self), femmes; 1 non-recours (non-connaissance); RDV yes
 *   no neighbourhood: 5 (Jan, self), hommes, do not know the RSA; RDV no
 *   synthetic: 3 in A1, femmes, non-recours (excluded unless asked for)
 */
type Spec = {
  area: string | null; sex: string; birth: number; household: string; mode: string; site?: boolean; at: string;
  known: "yes" | "no"; nonRecours?: { forme: string; raison: string }; rdv: "yes" | "no" | "prefer_not"; optIn?: boolean; synthetic?: boolean;
};

describe.each(ENGINES)("committee dashboards on %s", (engine) => {
  let t: TestDatabase;
  let territory: { id: string; settings: Record<string, unknown> };
  let siteId: string;
  let areaIds: Map<string, string>;

  async function add(s: Spec) {
    const id = randomUUID();
    const [{ id: versionId }] = await rows<{ id: string }>(t.db, sql`select id from questionnaire_versions where territory_id is null limit 1`);
    await t.db.execute(sql`insert into responses (id, territory_id, receipt_code, idempotency_key, common_version_id, mode, locale, site_id,
      neighbourhood_id, answers, synthetic, started_at, submitted_at)
      values (${id}, ${territory.id}, ${"BM-" + id.slice(0, 8)}, ${id}, ${versionId}, ${s.mode}, 'fr', ${s.site ? siteId : null},
      ${s.area ? areaIds.get(s.area)! : null}, '{}'::jsonb, ${!!s.synthetic}, ${s.at}::timestamptz, ${s.at}::timestamptz)`);
    const a: [string, string, string, string | null, string | null][] = [
      ["sex", "", "", s.sex, null], ["birth_year", "", "", null, String(s.birth)], ["household_type", "", "", s.household, null],
      ["benefits", "rsa", "known", s.known, null], ["difficulty_appointments", "", "", s.rdv, null],
    ];
    if (s.known === "yes") a.push(["benefits", "rsa", "received", s.nonRecours ? "no" : "yes", null]);
    if (s.nonRecours) a.push(["why_not", "rsa", "forme", s.nonRecours.forme, null], ["why_not", "rsa", "raison", s.nonRecours.raison, null]);
    for (const [q, item, field, value, num] of a) {
      await t.db.execute(sql`insert into response_answers (response_id, territory_id, question_id, item, field, value, num)
        values (${id}, ${territory.id}, ${q}, ${item}, ${field}, ${value}, ${num})`);
    }
    if (s.optIn) {
      await t.db.execute(sql`insert into callback_requests (territory_id, response_id, consent_version, consented_at, language, preferred_channel)
        values (${territory.id}, ${id}, 'test', now(), 'fr', 'phone')`);
    }
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    const tr = (await listTerritories(t.db))[0];
    territory = { id: tr.id, settings: tr.settings as Record<string, unknown> };
    const ns = await t.db.select().from(neighbourhoods).where(eq(neighbourhoods.territoryId, tr.id));
    areaIds = new Map(ns.map((n) => [n.code.replace("FIC-Q", ""), n.id])); // "A", "A-1", …
    siteId = (await rows<{ id: string }>(t.db, sql`select id from sites where code = 'FIC-MPT-1'`))[0].id;
    const nd = (raison: string) => ({ forme: "non_demande", raison });
    const base = { birth: 1960, household: "alone", mode: "self", known: "yes" as const };
    for (let i = 1; i <= 8; i++) {
      await add({ ...base, area: "A-1", sex: i <= 6 ? "femme" : "homme", birth: 1990, at: "2026-01-15T10:00:00Z",
        nonRecours: i <= 4 ? nd("calcul_cout_avantage") : undefined, rdv: i <= 5 ? "yes" : "no", optIn: i <= 5 });
    }
    for (let i = 1; i <= 4; i++) {
      await add({ ...base, area: "A-2", sex: "femme", at: "2026-01-20T10:00:00Z", nonRecours: i <= 2 ? nd("calcul_cout_avantage") : undefined, rdv: i <= 2 ? "yes" : "no" });
    }
    for (let i = 1; i <= 10; i++) {
      await add({ ...base, area: "B-1", sex: i <= 5 ? "femme" : "homme", household: "single_parent", mode: "assisted", site: true, at: "2026-02-10T10:00:00Z",
        nonRecours: i <= 3 ? { forme: "non_reception", raison: "abandon" } : i <= 5 ? nd("manque_capacites") : undefined,
        rdv: i <= 5 ? "yes" : i <= 9 ? "no" : "prefer_not" });
    }
    for (let i = 1; i <= 3; i++) {
      await add({ ...base, area: "C-1", sex: "femme", at: "2026-03-05T10:00:00Z",
        nonRecours: i === 1 ? { forme: "non_connaissance", raison: "manque_information" } : undefined, rdv: "yes" });
    }
    for (let i = 1; i <= 5; i++) await add({ ...base, area: null, sex: "homme", known: "no", at: "2026-01-10T10:00:00Z", rdv: "no" });
    for (let i = 1; i <= 3; i++) {
      await add({ ...base, area: "A-1", sex: "femme", at: "2026-01-15T10:00:00Z", nonRecours: nd("civisme"), rdv: "yes", synthetic: true });
    }
  }, 120_000);
  afterAll(async () => t?.dispose());

  async function view(query: string): Promise<DashboardView> {
    const p = parseDashboardFilters(new URLSearchParams(query));
    if (!p.ok) throw new Error(p.errors.join(" "));
    const r = await buildView(t.db, territory, p.filters, "exact");
    if (!r.ok) throw new Error(r.error);
    return r.view;
  }
  /** Area name → published figure, e.g. "Quartier fictif A" → "6/12 [0.2538, 0.7462]" or "hidden:secondary". */
  function table(v: DashboardView) {
    const fmt = (f: DashboardView["total"]) =>
      f.suppressed ? `hidden:${f.reason}` : f.den === 0 ? "0/0" : `${f.num}/${f.den} [${f.low!.toFixed(4)}, ${f.high!.toFixed(4)}]`;
    return {
      ...Object.fromEntries(v.rows.filter((r) => r.den !== 0 || r.suppressed).map((r) => [r.name.replace(/^(Quartier|Îlot) fictif /, ""), fmt(r)])),
      unknown: fmt(v.unknown), total: fmt(v.total),
    };
  }

  it("share with at least one benefit not received: counts, Wilson intervals, primary and secondary suppression", async () => {
    expect(table(await view(""))).toEqual({
      A: "6/12 [0.2538, 0.7462]", B: "5/10 [0.2366, 0.7634]", C: "hidden:small_count",
      unknown: "hidden:secondary", // 0/5 would give C back by subtraction from the total
      total: "12/30 [0.2459, 0.5768]",
    });
  });

  it("never sends a hidden value: suppressed figures carry no counts", async () => {
    const v = await view("");
    const c = v.rows.find((r) => r.name.endsWith("C"))!;
    expect(c).toMatchObject({ num: null, den: null, rate: null, low: null, high: null, cls: -1, colour: "" });
    expect(v.unknown).toMatchObject({ num: null, den: null, rate: null });
  });

  it("share by forme and by raison, with a total under the threshold hiding everything", async () => {
    expect(table(await view("indicator=forme.non_demande"))).toEqual({
      A: "6/12 [0.2538, 0.7462]", B: "hidden:small_count", C: "hidden:small_count", unknown: "0/5 [0.0000, 0.4345]", total: "8/30 [0.1418, 0.4445]",
    });
    const r = await view("indicator=raison.abandon");
    expect(r.total).toMatchObject({ suppressed: true, num: null });
    expect(r.rows.filter((x) => x.den !== 0 || x.suppressed).every((x) => x.suppressed && x.reason === "total")).toBe(true);
  });

  it("knowledge of a benefit, difficulty with appointments and rights-review opt-in", async () => {
    expect(table(await view("indicator=knowledge&benefit=rsa"))).toEqual({
      A: "12/12 [0.7575, 1.0000]", B: "10/10 [0.7225, 1.0000]", C: "hidden:small_count", unknown: "hidden:secondary", total: "25/30 [0.6644, 0.9266]",
    });
    expect(table(await view("indicator=difficulty.appointments"))).toEqual({
      // B: 5 "yes" out of 9 leaves 4 "no" (a group under 5); with C, two cells are hidden already.
      A: "7/12 [0.3195, 0.8067]", B: "hidden:small_count", C: "hidden:small_count", unknown: "0/5 [0.0000, 0.4345]", total: "15/29 [0.3443, 0.6861]",
    });
    expect(table(await view("indicator=opt_in"))).toEqual({
      A: "5/12 [0.1933, 0.6805]", B: "0/10 [0.0000, 0.2775]", C: "hidden:small_count", unknown: "hidden:secondary", total: "5/30 [0.0734, 0.3356]",
    });
  });

  it("a filter hides a cell that the unfiltered view would reveal by subtraction", async () => {
    expect(table(await view("sex=femme"))).toEqual({
      A: "hidden:small_count", // 6 of 10 women: the 4 others are a group under 5
      B: "5/5 [0.5655, 1.0000]", C: "hidden:small_count", unknown: "0/0", total: "12/18 [0.4375, 0.8372]",
    });
    expect(table(await view("indicator=knowledge&sex=femme"))).toEqual({
      A: "hidden:neighbouring_filter", // 10/10 women vs 12/12 everyone: the 2 men would show by subtraction
      B: "5/5 [0.5655, 1.0000]", C: "hidden:small_count", unknown: "0/0", total: "18/18 [0.8241, 1.0000]",
    });
    expect(table(await view("sex=femme&mode=assisted"))).toMatchObject({ B: "5/5 [0.5655, 1.0000]", total: "5/5 [0.5655, 1.0000]" });
  });

  it("filters by period, site, age band and household; synthetic responses only when asked", async () => {
    expect(table(await view("from=2026-02-01&to=2026-02-28"))).toEqual({ B: "5/10 [0.2366, 0.7634]", unknown: "0/0", total: "5/10 [0.2366, 0.7634]" });
    expect(table(await view("site=FIC-MPT-1")).total).toBe("5/10 [0.2366, 0.7634]");
    const levels = await listLevels(t.db, territory.id);
    const scope = { territoryId: territory.id, levelId: levels[0].id };
    const raw = async (q: string) => (await aggregateIndicator(t.db, parseDashboardFilters(new URLSearchParams(q)).filters, scope)).total;
    expect(await raw("age=35_49")).toMatchObject({ num: 4, den: 8, without: [{ num: 12, den: 30 }] });
    expect(await raw("household=single_parent")).toMatchObject({ num: 5, den: 10 });
    expect(table(await view("source=all")).total).toBe("15/33 [0.2984, 0.6201]");
    expect(table(await view("source=synthetic")).total).toBe("hidden:small_count");
  });

  it("maps answers up to the chosen level and keeps every area of it", async () => {
    const v = await view("level=ilot");
    expect(v.rows).toHaveLength(12);
    expect(table(v)).toEqual({
      A1: "hidden:small_count", A2: "hidden:small_count", B1: "5/10 [0.2366, 0.7634]", C1: "hidden:small_count",
      unknown: "0/5 [0.0000, 0.4345]", total: "12/30 [0.2459, 0.5768]",
    });
  });

  it("uses the territory's threshold (never below 3) and colours visible areas by class", async () => {
    await t.db.update(territories).set({ settings: { suppressionThreshold: 3 } }).where(eq(territories.id, territory.id));
    territory.settings = { suppressionThreshold: 3 };
    const v = await view("indicator=knowledge");
    expect(v.threshold).toBe(3);
    expect(table(v)).toMatchObject({ C: "3/3 [0.4385, 1.0000]", unknown: "0/5 [0.0000, 0.4345]" });
    expect(v.legend.breaks).toEqual([1]);
    expect(v.rows.filter((r) => r.den).map((r) => r.cls)).toEqual([0, 0, 0]);
    await t.db.update(territories).set({ settings: { suppressionThreshold: 1 } }).where(eq(territories.id, territory.id));
    territory.settings = { suppressionThreshold: 1 };
    expect((await view("")).threshold).toBe(3);
    territory.settings = {};
    await t.db.update(territories).set({ settings: {} }).where(eq(territories.id, territory.id));
  });

  it("refuses an unknown level or site, and another territory's id finds nothing", async () => {
    const p = parseDashboardFilters({ level: "iris" });
    expect(await buildView(t.db, territory, p.filters, "exact")).toEqual({ ok: false, error: "unknown_level" });
    expect(await buildView(t.db, territory, parseDashboardFilters({ site: "NOPE" }).filters, "exact")).toEqual({ ok: false, error: "unknown_site" });
    const levels = await listLevels(t.db, territory.id);
    const other = await aggregateIndicator(t.db, parseDashboardFilters({}).filters, { territoryId: randomUUID(), levelId: levels[0].id });
    expect(other.total).toMatchObject({ num: 0, den: 0 });
  });

  it("the committee reads perturbed counts: the same group always gives the same figure, from any view", async () => {
    const committee = async (q: string) => {
      const r = await buildView(t.db, territory, parseDashboardFilters(new URLSearchParams(q)).filters, "committee");
      if (!r.ok) throw new Error(r.error);
      return r.view;
    };
    // The cell keys of the 30 real respondents and of the 5 who asked for a review, computed here
    // from the territory's secret seed: the committee's total is exactly their perturbation.
    const [keys] = await rows<{ all: string; opted: string }>(t.db, sql`
      select sum(uuid_hash_extended(r.id, t.cell_key_seed) & 4294967295)::text as all,
        (sum(uuid_hash_extended(r.id, t.cell_key_seed) & 4294967295) filter (where exists (select 1 from callback_requests c where c.response_id = r.id)))::text as opted
      from responses r join territories t on t.id = r.territory_id where r.territory_id = ${territory.id}::uuid and not r.synthetic`);
    const everyone = perturbCount(30, cellKey(keys.all));
    const expected = perturbGroup([], { key: "total", num: 5, den: 30, keyNum: cellKey(keys.opted), keyDen: cellKey(keys.all) }, 5).total;
    const optIn = await committee("indicator=opt_in");
    expect(optIn.audience).toBe("committee");
    expect(optIn.total).toMatchObject(expected.suppressed ? { suppressed: true, den: null } : { suppressed: false, num: expected.num, den: expected.den });
    expect((await committee("indicator=opt_in&level=ilot")).total).toEqual(optIn.total);
    expect(await committee("indicator=opt_in")).toEqual(optIn);
    const progress = await collectionProgress(t.db, territory.id, parseDashboardFilters({}).filters, 5, 100, "committee");
    expect(progress.total).toBe(everyone);
    // Small published counts are still hidden; no cell shows 1 … 4 people.
    for (const f of [...optIn.rows, optIn.unknown, optIn.total]) {
      if (f.suppressed) expect(f.num).toBeNull();
      else for (const n of [f.num!, f.den!, f.den! - f.num!]) expect(n === 0 || n >= 5).toBe(true);
    }
    // The committee's period is whole months; the lead's is the one asked for.
    expect((await committee("from=2026-02-10&to=2026-02-20")).period).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect((await view("from=2026-02-10&to=2026-02-20")).period).toEqual({ from: "2026-02-10", to: "2026-02-20" });
  });

  it("collection progress per site, with counts under the threshold hidden", async () => {
    const p = await collectionProgress(t.db, territory.id, parseDashboardFilters({}).filters, 5, 100, "exact");
    expect(p.total).toBe(30);
    expect(p.bySite.map((s) => [s.key, s.count])).toEqual([["FIC-MPT-1", 10], ["none", 20]]);
    // Weeks of 5 Jan (5), 12 Jan (8), 19 Jan (4), 9 Feb (10), 2 Mar (3): 4 and 3 are hidden.
    expect(p.byWeek.map((s) => [s.key, s.count])).toEqual([["2026-01-05", 5], ["2026-01-12", 8], ["2026-01-19", null], ["2026-02-09", 10], ["2026-03-02", null]]);
  });
});
