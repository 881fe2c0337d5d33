import { eq, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { neighbourhoods, users } from "@/db/schema";
import type { StaffUser } from "@/lib/auth/authenticate";
import { HttpError } from "@/lib/auth/session";
import { seedDemo } from "@/lib/seed/demo";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { HAND_MADE } from "./fixture";
import { insertFacts } from "./insert-facts";
import { queryAggregates, queryHouseholds } from "./query";
import { rubriquesForUser } from "./request";
import { tallyFacts } from "./tally";

/** The SQL aggregation against the reference code, and who reads what, on every engine. */
describe.each(ENGINES)("detection rubriques on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let letterOf: Record<string, string> = {};
  let facts = HAND_MADE;
  const user = async (email: string): Promise<StaffUser> => {
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    return { id: u.id, email: u.email, name: u.name, role: u.role, territoryId: u.territoryId };
  };
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    territoryId = (await listTerritories(t.db)).find((x) => x.slug === "demo")!.id;
    await upsertTerritory(t.db, { slug: "autre", name: "Autre territoire (test)", fictional: true, levels: [], sites: [] });
    const areas = await t.db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.territoryId, territoryId)).limit(2);
    const ids = await insertFacts(t.db, territoryId, HAND_MADE, { causedBy: { s2: "s1", s7: "s2" }, areas: { A: areas[0].id, B: areas[1].id } });
    // The record keys the database gives these rows (seeded with the territory's secret), for the reference code.
    const keys = await rows<{ id: string; rk: string; hrk: string }>(t.db, sql`select d.id, (uuid_hash_extended(d.id, tt.cell_key_seed) & 4294967295)::text as rk,
      (uuid_hash_extended(d.household_id, tt.cell_key_seed) & 4294967295)::text as hrk from detection_situations d join territories tt on tt.id = d.territory_id where d.territory_id = ${territoryId}::uuid`);
    const byId = new Map(keys.map((k) => [k.id, k]));
    facts = HAND_MADE.map((f) => ({ ...f, rk: Number(byId.get(ids[f.id])!.rk), hrk: Number(byId.get(ids[f.id])!.hrk) }));
    letterOf = { [areas[0].id]: "A", [areas[1].id]: "B" };
  });
  afterAll(async () => t?.dispose());

  it("counts in SQL exactly what the reference code counts (every dimension, every measure, every cell key)", async () => {
    const sqlAgg = await queryAggregates(t.db, territoryId, {}, { staff: true });
    const ref = tallyFacts(facts);
    // Area ids are the fixture's letters.
    const strip = (agg: typeof ref) => Object.fromEntries(Object.entries(agg).map(([dim, tally]) => [dim,
      Object.fromEntries(Object.entries(tally).map(([k, c]) => [letterOf[k] ?? k, c]))]));
    const got = strip(sqlAgg);
    const want = strip(ref);
    // Workers are legacy codes in the database ("label:w1").
    want.worker = Object.fromEntries(Object.entries(want.worker).map(([k, c]) => [k.startsWith("label:") ? k : `label:${k}`, c]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const dim of Object.keys(want)) expect(got[dim], dim).toEqual(want[dim]);
  });

  it("filters by period, service, benefit group and actor", async () => {
    const total = async (f: Parameters<typeof queryAggregates>[2]) => (await queryAggregates(t.db, territoryId, f, { staff: false })).total[""]?.n ?? 0;
    expect(await total({ from: "2015-02-01", to: "2015-03-15" })).toBe(4);
    expect(await total({ benefitCodes: ["rsa"] })).toBe(2);
    expect(await total({ actor: "caf" })).toBe(4);
    expect((await queryAggregates(t.db, territoryId, {}, { staff: false })).worker).toBeUndefined();
  });

  it("lists households with two situations or more by their pseudonymous code, most situations first", async () => {
    const h = await queryHouseholds(t.db, territoryId, {});
    expect(h.total).toBe(2);
    expect(h.rows[0]).toEqual({ code: "T-H1", situations: 3, services: "ep", cumulative: 2, complete: 3 });
  });

  it("staff read exact figures with workers and households; the committee protected ones without; interviewer 403; another territory 404", async () => {
    const params = (q: string) => new URLSearchParams(q);
    const agent = await rubriquesForUser(t.db, await user("agent.demo@barometre.test"), params(""), "fr");
    expect(agent.rubriques.audience).toBe("exact");
    const volume = agent.rubriques.blocks.find((b) => b.id === "volume")!;
    expect(volume.stats.find((s) => s.id === "situations")?.value).toBe(8);
    expect(volume.tables.some((x) => x.id === "by_worker")).toBe(true);
    expect(agent.rubriques.households?.rows[0].code).toBe("T-H1");

    const committee = await rubriquesForUser(t.db, await user("comite.demo@barometre.test"), params(""), "fr");
    expect(committee.rubriques.audience).toBe("committee");
    expect(committee.rubriques.households).toBeNull();
    const json = JSON.stringify(committee.rubriques);
    expect(json).not.toContain("by_worker");
    expect(json).not.toContain("T-H1");
    // 8 situations: every count of the committee is 0, hidden, or at least the threshold.
    for (const b of committee.rubriques.blocks) for (const s of b.stats) if (s.unit === "count") expect(s.value === null || s.value === 0 || s.value >= 5).toBe(true);
    for (const b of committee.rubriques.blocks) for (const tb of b.tables) for (const r of tb.rows) {
      expect(r.n === null || r.n === 0 || r.n >= 5).toBe(true);
      expect(r.values?.min ?? null).toBeNull();
    }

    const preview = await rubriquesForUser(t.db, await user("agent.demo@barometre.test"), params("figures=published"), "fr");
    expect(preview.rubriques.audience).toBe("committee");

    await expect(rubriquesForUser(t.db, await user("enqueteur.demo@barometre.test"), params(""), "fr")).rejects.toMatchObject({ status: 403 });
    await expect(rubriquesForUser(t.db, await user("agent.demo@barometre.test"), params("t=autre"), "fr")).rejects.toMatchObject({ status: 404 });
    await expect(rubriquesForUser(t.db, await user("agent.demo@barometre.test"), params("from=2015-13-01"), "fr")).rejects.toBeInstanceOf(HttpError);
    await expect(rubriquesForUser(t.db, await user("agent.demo@barometre.test"), params("service=inconnu"), "fr")).rejects.toMatchObject({ status: 400, message: "Service détecteur inconnu pour ce territoire." });
    // The platform admin reads another territory's (empty) rubriques by its slug.
    const admin = await rubriquesForUser(t.db, await user("admin@barometre.test"), params("t=autre"), "fr");
    expect(admin.rubriques.blocks[0].stats[0].value).toBe(0);
  });
  it("a read after any write sees the write: the cached results are tied to the territory's data version", async () => {
    const params = new URLSearchParams("");
    const read = async () => {
      const r = await rubriquesForUser(t.db, await user("agent.demo@barometre.test"), params, "fr");
      const block = (id: string) => r.rubriques.blocks.find((b) => b.id === id)!;
      return { resolved: JSON.stringify(block("resolution")), situations: block("volume").stats.find((x) => x.id === "situations")?.value };
    };
    const before = await read();
    expect(await read()).toEqual(before); // unchanged data: the same figures (from the cache)
    // A follow-up resolving a situation touches only its row (status and updated_at).
    const [open] = await rows<{ id: string }>(t.db, sql`select id from detection_situations where territory_id = ${territoryId}::uuid and status = 'open' limit 1`);
    await t.db.execute(sql`update detection_situations set status = 'resolved', resolution = 'lost', updated_at = now() + interval '1 second' where id = ${open.id}::uuid`);
    const after = await read();
    expect(after.situations).toBe(before.situations);
    expect(after.resolved).not.toEqual(before.resolved);
    await t.db.execute(sql`update detection_situations set status = 'open', resolution = null, updated_at = now() + interval '2 seconds' where id = ${open.id}::uuid`);
    expect((await read()).resolved).toEqual(before.resolved);
  });
});
