import { describe, expect, it } from "vitest";
import { MAX_NOISE } from "@/lib/dashboard/perturbation";
import { buildBlocks } from "./build";
import { withHouseholdColumns, type SituationFact } from "./facts";
import { FIXTURE_LABELS } from "./fixture";
import { committeePublisher, exactPublisher, type Publisher } from "./publish";
import { filterFacts, tallyFacts } from "./tally";

/**
 * A differencing adversary against everything the committee can request (decision 0016): every
 * single filter (each service, sector, benefit, actor, month) and none, every table. It subtracts
 * published figures the ways a reader can — a table's base minus its visible rows (the hidden
 * rest), the unfiltered figure minus the same figure under each value of a partitioning filter,
 * the unfiltered figure minus one filtered view (the complement) — and knows the method: each
 * published count may be off by at most MAX_NOISE (0 for exact figures). A breach is a derived
 * group whose possible true values collapse to one value between 1 and k − 1.
 */
const K = 5;
const SECTORS = ["A", "B", "C", "D"];
const BENEFITS = ["rsa", "c2s", "aspa", "aah", "prime_activite"];
const ACTORS = ["caf", "cpam", "carsat", "prefecture"];

/** 160 situations in ~130 households with deliberately small groups (a sector of 3, a benefit of 2, one month of 1). */
function dataset(): SituationFact[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const rows = Array.from({ length: 160 }, (_, i) => {
    const sector = i < 3 ? "D" : SECTORS[Math.floor(rnd() * 3)];
    const financial = rnd() < 0.7;
    return {
      id: `s${String(i).padStart(3, "0")}`, rk: Math.floor(rnd() * 2 ** 32), hrk: 0, household: `h${Math.floor(i * 0.8)}`,
      detectedOn: i === 0 ? "2015-12-15" : `2015-${String(1 + Math.floor(rnd() * 11)).padStart(2, "0")}-10`,
      service: rnd() < 0.4 ? "asf" : "ep", instructs: false, worker: `w${i % 6}`, sector, neighbourhood: sector,
      people: rnd() < 0.1 ? null : 1 + Math.floor(rnd() * 4), financial, benefit: financial ? (i < 2 ? "aah" : BENEFITS.filter((b) => b !== "aah")[Math.floor(rnd() * 4)]) : null,
      domain: financial ? null : "sante", actors: [ACTORS[Math.floor(rnd() * 4)]], intensity: rnd() < 0.85 ? "complete" : "partial",
      caused: false, induces: false, actions: ["examen_approfondi"], minutes: 10 + Math.floor(rnd() * 60), missedMonthly: null, missedMonths: null,
      aidRequested: null, aidGranted: null, status: rnd() < 0.2 ? "resolved" : "open", resolution: null, openedMonthly: null,
      formes: [rnd() < 0.5 ? "non_connaissance" : "non_reception"], formeReasons: [],
    };
  });
  return withHouseholdColumns(rows.map((r) => ({ ...r, hrk: Number(r.household.slice(1)) * 2_654_435_761 % 2 ** 32 })));
}

type Filter = { name: string; value: string; f: Parameters<typeof filterFacts>[1] };
const FILTERS: Filter[] = [
  ...["asf", "ep"].map((v) => ({ name: "service", value: v, f: { service: v } })),
  ...SECTORS.map((v) => ({ name: "sector", value: v, f: { sector: v } })),
  ...BENEFITS.map((v) => ({ name: "benefit", value: v, f: { benefitCodes: [v] } })),
  ...ACTORS.map((v) => ({ name: "actor", value: v, f: { actor: v } })),
  ...Array.from({ length: 12 }, (_, m) => {
    const mm = String(m + 1).padStart(2, "0");
    return { name: "month", value: mm, f: { from: `2015-${mm}-01`, to: `2015-${mm}-31` } };
  }),
];
/** Filters whose values partition every situation (so the views add up to the unfiltered one). */
const PARTITIONS = ["service", "month"];

/** Every published count of one view, by "table/row" ("table/_den" for the base). */
function publishedCounts(facts: SituationFact[], pub: Publisher): Map<string, number | null> {
  const { blocks } = buildBlocks(tallyFacts(facts, { staff: false }), FIXTURE_LABELS, pub);
  const out = new Map<string, number | null>();
  for (const b of blocks) for (const t of b.tables) {
    out.set(`${t.id}/_den`, t.den);
    out.set(`${t.id}/_missing`, t.missing);
    for (const r of t.rows) out.set(`${t.id}/${r.key}`, r.n);
  }
  for (const b of blocks) for (const s of b.stats) if (s.unit === "count") out.set(`stat/${s.id}`, s.value);
  return out;
}

type Term = { view: string; cell: string; coef: 1 | -1 };
function attack(facts: SituationFact[], pub: Publisher) {
  const views = new Map<string, Map<string, number | null>>([["all", publishedCounts(facts, pub)]]);
  const truth = new Map<string, Map<string, number | null>>([["all", publishedCounts(facts, exactPublisher(K))]]);
  for (const f of FILTERS) {
    const sub = filterFacts(facts, f.f);
    views.set(`${f.name}=${f.value}`, publishedCounts(sub, pub));
    truth.set(`${f.name}=${f.value}`, publishedCounts(sub, exactPublisher(K)));
  }
  const derivations: Term[][] = [];
  // 1. A partition table's base minus its visible rows (and blanks): the hidden rows together.
  const PARTITION_TABLES = ["by_service", "financial", "intensity", "status", "people", "formes_per_situation", "household_size", "by_month"];
  for (const [view, cells] of views) for (const table of PARTITION_TABLES) {
    const rows = [...cells.keys()].filter((k) => k.startsWith(`${table}/`) && k !== `${table}/_den`);
    const hidden = rows.filter((k) => cells.get(k) === null);
    if (hidden.length && cells.get(`${table}/_den`) !== null) {
      derivations.push([{ view, cell: `${table}/_den`, coef: 1 }, ...rows.filter((k) => cells.get(k) !== null).map((cell) => ({ view, cell, coef: -1 as const }))]);
    }
  }
  // 2. Unfiltered minus every other value of a partitioning filter: one value's figure.
  // 3. Unfiltered minus one filtered view: the complement (e.g. situations outside a small sector).
  const all = views.get("all")!;
  for (const cell of all.keys()) {
    for (const name of PARTITIONS) {
      const values = FILTERS.filter((f) => f.name === name).map((f) => `${f.name}=${f.value}`);
      for (const target of values) derivations.push([{ view: "all", cell, coef: 1 }, ...values.filter((v) => v !== target).map((view) => ({ view, cell, coef: -1 as const }))]);
    }
    for (const f of FILTERS) derivations.push([{ view: "all", cell, coef: 1 }, { view: `${f.name}=${f.value}`, cell, coef: -1 }]);
  }
  const bound = pub.audience === "exact" ? 0 : MAX_NOISE;
  let breaches = 0, naiveRight = 0, smallTargets = 0;
  for (const terms of derivations) {
    const vals = terms.map((t) => views.get(t.view)!.get(t.cell));
    if (vals.some((v) => v === null || v === undefined)) continue;
    const trueVal = terms.reduce((a, t) => a + t.coef * (truth.get(t.view)!.get(t.cell) ?? 0), 0);
    // Interval of the true value: each published p stands for a true value in [p − bound, p + bound] (never below 0).
    let lo = 0, hi = 0;
    terms.forEach((t, i) => {
      const p = vals[i] as number;
      const [a, b] = [Math.max(0, p - bound), p + bound];
      if (t.coef > 0) { lo += a; hi += b; } else { lo -= b; hi -= a; }
    });
    const naive = terms.reduce((a, t, i) => a + t.coef * (vals[i] as number), 0);
    if (trueVal > 0 && trueVal < K) {
      smallTargets++;
      if (naive === trueVal) naiveRight++;
      if (Math.max(lo, 0) === hi && hi === trueVal) breaches++;
    }
  }
  return { derivations: derivations.length, smallTargets, breaches, naiveRight };
}

describe("the committee's rubriques against a differencing adversary", () => {
  const facts = dataset();

  it("exact figures leak small groups by subtraction (the attacks work)", () => {
    const r = attack(facts, exactPublisher(K));
    expect(r.smallTargets).toBeGreaterThan(50);
    expect(r.breaches).toBeGreaterThan(50);
  });

  it("the committee's figures: no breach, and naive subtraction rarely lands on the true small value", () => {
    const r = attack(facts, committeePublisher(K));
    expect(r.breaches).toBe(0);
    expect(r.smallTargets).toBeGreaterThan(20);
    expect(r.naiveRight / r.smallTargets).toBeLessThan(0.35);
  });

  it("no published count describes 1 … k − 1, in any view; the same set always gets the same figure", () => {
    const pub = committeePublisher(K);
    for (const f of [{}, ...FILTERS.map((x) => x.f)]) {
      for (const [cell, v] of publishedCounts(filterFacts(facts, f), pub)) if (v !== null) expect(v === 0 || v >= K, cell).toBe(true);
    }
    // Situations of the EP service: a row of the unfiltered table, and the total of the EP view.
    const row = publishedCounts(facts, pub).get("by_service/ep");
    const view = publishedCounts(filterFacts(facts, { service: "ep" }), pub).get("stat/situations");
    expect(row).toBe(view);
  });

  it("euro and minute sums move by 2–10 % and minimum and maximum are never published", () => {
    const { blocks } = buildBlocks(tallyFacts(facts, { staff: false }), FIXTURE_LABELS, committeePublisher(K));
    const time = blocks.find((b) => b.id === "cost")!.tables.find((t) => t.id === "time_by_service")!;
    const exact = buildBlocks(tallyFacts(facts), FIXTURE_LABELS, exactPublisher(K)).blocks.find((b) => b.id === "cost")!.tables.find((t) => t.id === "time_by_service")!;
    for (const r of time.rows) {
      expect(r.values?.min).toBeNull();
      expect(r.values?.max).toBeNull();
    }
    const total = time.rows.find((r) => r.key === "total")!;
    const exactTotal = exact.rows.find((r) => r.key === "total")!;
    expect(total.values?.mean).not.toBe(exactTotal.values?.mean);
    expect(Math.abs(total.values!.mean! / exactTotal.values!.mean! - 1)).toBeLessThan(0.2);
  });
});
