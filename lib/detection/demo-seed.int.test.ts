import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { DEMO_GEO_DIR, ENGINES, HAS_DEMO_GEO, openTestDatabase, type TestDatabase } from "@/test/databases";
import { benefitGroupOf } from "./reference";
import { seedDemoDetection } from "./demo-seed";

/**
 * The synthetic Grenoble 2015 sheet, imported by the demo seed, gives back the figures the Odenore
 * report published (GRENOBLE-TOOL.md §4.1) — checked here by plain SQL on the stored rows.
 */
describe.runIf(HAS_DEMO_GEO).each(ENGINES)("demo detection seed on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  const rows = async <R = Record<string, unknown>>(query: SQL): Promise<R[]> => {
    const r = (await t.db.execute(query)) as unknown;
    return (Array.isArray(r) ? r : (r as { rows: R[] }).rows) as R[];
  };
  const one = async (query: SQL) => Number(Object.values((await rows(query))[0])[0]);
  const where = () => sql`territory_id = ${territoryId}`;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
    territoryId = (await getTerritoryBySlug(t.db, "grenoble"))!.id;
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("volume: 182 situations, 69 ASF and 113 EP, 14 workers, all in 2015", async () => {
    expect(await one(sql`select count(*) from detection_situations where ${where()}`)).toBe(182);
    const bySvc = await rows<{ code: string; n: string }>(sql`select sv.code, count(*) as n from detection_situations s join detection_services sv on sv.id = s.service_id where s.territory_id = ${territoryId} group by sv.code order by sv.code`);
    expect(bySvc.map((r) => [r.code, Number(r.n)])).toEqual([["asf", 69], ["ep", 113]]);
    expect(await one(sql`select count(distinct worker_label) from detection_situations where ${where()}`)).toBe(14);
    expect(await one(sql`select count(*) from detection_situations where ${where()} and detected_on between '2015-01-01' and '2015-12-31'`)).toBe(182);
    expect(await one(sql`select count(*) from detection_situations where ${where()} and sector_id is null`)).toBe(0);
  });

  it("formes over 182: 57 / 4 / 115 / 68, abandon 25, several per situation", async () => {
    const formes = await rows<{ forme: string; n: string }>(sql`select forme, count(*) as n from detection_situation_formes where ${where()} group by forme`);
    expect(Object.fromEntries(formes.map((r) => [r.forme, Number(r.n)]))).toEqual({ non_connaissance: 57, non_proposition: 4, non_reception: 115, non_demande: 68, abandon: 25 });
    expect(await one(sql`select count(*) from detection_situation_formes where ${where()} and forme = 'non_proposition' and reason = 'agent_ne_connait_pas'`)).toBe(4);
    expect(await one(sql`select count(*) from detection_situation_formes where ${where()} and forme = 'non_demande' and reason = 'manque_capacites'`)).toBe(54);
  });

  it("benefits: 124 financial with a benefit, groups 30/30/19/17/28, 72.2 % financial, domains 11/9/6 of 38, one CCAS case", async () => {
    const fin = await rows<{ benefit_code: string }>(sql`select benefit_code from detection_situations where ${where()} and financial and benefit_code is not null`);
    expect(fin).toHaveLength(124);
    const groups: Record<string, number> = {};
    for (const r of fin) groups[benefitGroupOf(r.benefit_code)] = (groups[benefitGroupOf(r.benefit_code)] ?? 0) + 1;
    expect(groups).toEqual({ rsa: 30, assurance_maladie: 30, retraite: 19, prestations_familiales: 17, autres: 28 });
    const financial = await one(sql`select count(*) from detection_situations where ${where()} and financial`);
    const answered = await one(sql`select count(*) from detection_situations where ${where()} and financial is not null`);
    expect((100 * financial / answered).toFixed(1)).toBe("72.2");
    const domains = await rows<{ domain: string; n: string }>(sql`select domain, count(*) as n from detection_situations where ${where()} and financial = false and domain is not null group by domain`);
    const d = Object.fromEntries(domains.map((r) => [r.domain, Number(r.n)]));
    expect(domains.reduce((a, r) => a + Number(r.n), 0)).toBe(38);
    expect([d.etat_civil_sejour, d.sante, d.logement_hebergement, d.loisirs_vacances, d.domiciliation ?? 0]).toEqual([11, 9, 6, 1, 0]);
    expect(await one(sql`select count(*) from detection_situations where ${where()} and 'ccas' = any(actors)`)).toBe(1);
  });

  it("cumulation: 148 households, 25 with two or more holding 59 situations, 36 cumulative in 16 households, 48 complete", async () => {
    expect(await one(sql`select count(*) from detection_households where ${where()}`)).toBe(148);
    const multi = await rows<{ n: string; cumulative: string; complete: string }>(sql`
      select count(*) as n, count(*) filter (where caused_by_id is not null or caused_flag) as cumulative,
             count(*) filter (where intensity = 'complete') as complete
      from detection_situations where ${where()} group by household_id having count(*) >= 2`);
    expect(multi).toHaveLength(25);
    const sum = (k: "n" | "cumulative" | "complete") => multi.reduce((a, r) => a + Number(r[k]), 0);
    expect([sum("n"), sum("cumulative"), sum("complete")]).toEqual([59, 36, 48]);
    expect(multi.map((r) => Number(r.n)).sort().join("")).toBe(`${"2".repeat(19)}333444`);
    expect(multi.filter((r) => Number(r.cumulative) > 0)).toHaveLength(16);
    expect(await one(sql`select count(*) from detection_situations where ${where()} and intensity = 'complete'`)).toBe(149);
    // Causing situations, by benefit: RSA 30 / 10, health 30 / 12, retirement 19 / 7.
    const inducing = await rows<{ benefit_code: string }>(sql`
      select o.benefit_code from detection_situations o
      where o.territory_id = ${territoryId} and exists (select 1 from detection_situations c where c.caused_by_id = o.id and c.household_id = o.household_id)`);
    const byGroup: Record<string, number> = {};
    for (const r of inducing) byGroup[benefitGroupOf(r.benefit_code)] = (byGroup[benefitGroupOf(r.benefit_code)] ?? 0) + 1;
    expect(byGroup).toEqual({ rsa: 10, assurance_maladie: 12, retraite: 7 });
  });

  it("impact, actions and cost: ≥ 1/3 with two people, 361 actions, 61 ASF requests for 12,578 €, 33 minutes on average", async () => {
    expect(await one(sql`select count(*) from detection_situations where ${where()} and people_concerned >= 2`)).toBeGreaterThan(182 / 3);
    expect(await one(sql`select sum(cardinality(actions)) from detection_situations where ${where()}`)).toBe(361);
    const actions = await rows<{ a: string; n: string }>(sql`select a, count(*) as n from detection_situations, unnest(actions) as a where ${where()} group by a`);
    const a = Object.fromEntries(actions.map((r) => [r.a, Number(r.n)]));
    expect([a.appel_service, a.examen_approfondi, a.instruction_asf]).toEqual([67, 63, 62]);
    expect(await one(sql`select count(*) from detection_situations where ${where()} and cardinality(actions) = 0`)).toBe(0);
    expect(await one(sql`select count(*) from detection_situations where ${where()} and optional_aid_requested`)).toBe(61);
    expect(await one(sql`select sum(optional_aid_granted) from detection_situations where ${where()}`)).toBe(12578);
    const time = await rows<{ code: string; mean: string; min: number; max: number }>(sql`
      select sv.code, avg(s.time_minutes) as mean, min(s.time_minutes) as min, max(s.time_minutes) as max
      from detection_situations s join detection_services sv on sv.id = s.service_id where s.territory_id = ${territoryId} group by sv.code order by sv.code`);
    expect(time.map((r) => [r.code, Number(r.mean).toFixed(1), Number(r.min), Number(r.max)])).toEqual([["asf", "22.2", 10, 60], ["ep", "38.8", 10, 90]]);
    expect(Math.round(await one(sql`select avg(time_minutes) from detection_situations where ${where()}`))).toBe(33);
  });

  it("re-running the seed adds nothing and writes no audit row", async () => {
    const audits = () => one(sql`select count(*) from audit_log where ${where()} and action = 'detection.import'`);
    expect(await audits()).toBe(1);
    const again = await seedDemoDetection(t.db, territoryId, "grenoble");
    expect(again).toMatchObject({ added: 0, alreadyPresent: 182 });
    expect(await one(sql`select count(*) from detection_situations where ${where()}`)).toBe(182);
    expect(await audits()).toBe(1);
  });
});
