/**
 * npm run bench:slots — appointment booking on PostgreSQL (issue 4):
 *  1. one slot search over 4 weeks for 20 agents, 5 places and 10,000 existing appointments
 *     (target ≤ 20 ms median), with the SQL loading and the pure `computeSlots` timed apart;
 *  2. booking latency with 20 concurrent clients (target p95 ≤ 100 ms).
 * In process (no HTTP server, no build needed); uses a throw-away database on DATABASE_URL's
 * server. The data and `now` are fixed (seeded random), so runs are comparable.
 * Options: --runs 100 --bookings 400 --clients 20.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { agentAbsences, appointments, bookingMotives, bookingPlaces, openingSlots, users } from "@/db/schema";
import { findSlots, getMotive, loadSlotInputs, type MotiveRow } from "@/lib/booking/availability";
import { bookAppointment, type BookResult } from "@/lib/booking/book";
import { addParisDays, computeSlots, offeredSlots, parisDay, parisInstant, type OfferedSlot } from "@/lib/booking/slots";
import { seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { arg, percentile, printTable, round, runBenchmark, withThrowawayDatabase } from "./lib";

process.env.BAROMETRE_CONTACT_KEY ||= Buffer.alloc(32, 7).toString("base64");

const RUNS = arg("runs", 100);
const WARMUPS = 5;
const BOOKINGS = arg("bookings", 400);
const CLIENTS = arg("clients", 20);
const AGENTS = 20;
const PLACES = 5;
const APPOINTMENTS = 10_000;
/** Working days (Mon–Fri) that hold the generated appointments: 6 weeks from NOW's Monday. */
const APPOINTMENT_DAYS = 30;
/** An agent's day: 08:00–18:00 Paris, 20 cells of 30 minutes. */
const CELLS_PER_DAY = 20;
const SEARCH_DAYS = 28;
/** Fixed "now": Monday 1 February 2027, 08:00 Paris. No public holiday in the following 6 weeks. */
const NOW = new Date("2027-02-01T07:00:00Z");
const MIN = 60_000;

/** mulberry32: a small seeded generator, so that the data are the same at every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20270201);
function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Fails fast, with a clear message, when DATABASE_URL's server does not answer. */
async function checkServer(): Promise<boolean> {
  const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
  const client = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await client`select 1`;
    return true;
  } catch (e) {
    console.error(`bench:slots needs PostgreSQL: no answer from ${adminUrl.replace(/:[^:@/]*@/, ":***@")} (${(e as Error).message}).`);
    console.error("Start PostgreSQL or set DATABASE_URL to a server where this user may create databases.");
    return false;
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}

type Fixture = { territoryId: string; motive: MotiveRow; agentIds: string[]; placeIds: string[] };

/** 20 agents, 5 places, 3 motives, weekly openings, absences and 10,000 appointments. */
async function seed(db: Db): Promise<Fixture> {
  await seedDemo(db, { fixturesDir: "/nonexistent" });
  const territory = (await getTerritoryBySlug(db, "demo"))!;
  const territoryId = territory.id;

  const agentIds = (await db.insert(users).values(Array.from({ length: AGENTS }, (_, i) => ({
    territoryId, email: `bench.agent${String(i + 1).padStart(2, "0")}@barometre.test`, name: `Agent banc ${i + 1}`, role: "ccas_agent" as const,
  }))).returning({ id: users.id })).map((u) => u.id);
  const placeIds = (await db.insert(bookingPlaces).values(Array.from({ length: PLACES }, (_, i) => ({
    territoryId, name: `Lieu banc ${i + 1}`, address: `${i + 1} rue du Banc (fictive)`, phone: "04 00 00 00 00",
  }))).returning({ id: bookingPlaces.id })).map((p) => p.id);
  const [m30, m20, m45] = await db.insert(bookingMotives).values([
    { territoryId, name: "Banc — 30 min", durationMinutes: 30, minDelayMinutes: 120, maxDelayDays: 42 },
    { territoryId, name: "Banc — 20 min", durationMinutes: 20, minDelayMinutes: 120, maxDelayDays: 42 },
    { territoryId, name: "Banc — 45 min", durationMinutes: 45, minDelayMinutes: 120, maxDelayDays: 42 },
  ]).returning({ id: bookingMotives.id });
  const motiveIds = [m30.id, m20.id, m45.id];

  // Agent i: Monday, Wednesday, Friday at place i % 5; Tuesday, Thursday at place (i + 2) % 5.
  const placeOf = (agent: number, weekday: number) => placeIds[[1, 3, 5].includes(weekday) ? agent % PLACES : (agent + 2) % PLACES];
  await db.insert(openingSlots).values(agentIds.flatMap((agentId, i) => [
    { territoryId, agentId, placeId: placeOf(i, 1), weekdays: [1, 3, 5], startTime: "08:00", endTime: "18:00", motiveIds, validFrom: "2020-01-01" },
    { territoryId, agentId, placeId: placeOf(i, 2), weekdays: [2, 4], startTime: "08:00", endTime: "18:00", motiveIds, validFrom: "2020-01-01" },
  ]));

  // Working days from NOW's Monday; day d's weekday is (d % 5) + 1.
  const firstDay = parisDay(NOW);
  const days = Array.from({ length: APPOINTMENT_DAYS }, (_, d) => addParisDays(firstDay, Math.floor(d / 5) * 7 + (d % 5)));
  const cellStart = (d: number, c: number) => parisInstant(days[d], "08:00").getTime() + c * 30 * MIN;

  // Absences: agent 1 away for the second week; the others half a day and a one-hour meeting.
  const absences: { agentId: string; startsAt: Date; endsAt: Date; reason: string }[] = [
    { agentId: agentIds[0], startsAt: parisInstant(days[5], "00:00"), endsAt: parisInstant(addParisDays(days[9], 1), "00:00"), reason: "congés" },
  ];
  for (let i = 1; i < AGENTS; i++) {
    const d = (i * 3) % APPOINTMENT_DAYS;
    const morning = i % 2 === 0;
    absences.push({ agentId: agentIds[i], startsAt: parisInstant(days[d], morning ? "08:00" : "13:00"), endsAt: parisInstant(days[d], morning ? "13:00" : "18:00"), reason: "formation" });
    const d2 = (i * 7 + 2) % APPOINTMENT_DAYS;
    absences.push({ agentId: agentIds[i], startsAt: parisInstant(days[d2], "11:00"), endsAt: parisInstant(days[d2], "12:00"), reason: "réunion" });
  }
  await db.insert(agentAbsences).values(absences.map((a) => ({ territoryId, ...a })));

  // Free cells (outside absences), 10,000 of them booked at random: no overlap by construction.
  const cells: { agent: number; d: number; c: number }[] = [];
  for (let agent = 0; agent < AGENTS; agent++) {
    const own = absences.filter((a) => a.agentId === agentIds[agent]);
    for (let d = 0; d < APPOINTMENT_DAYS; d++) {
      for (let c = 0; c < CELLS_PER_DAY; c++) {
        const s = cellStart(d, c);
        if (!own.some((a) => a.startsAt.getTime() < s + 30 * MIN && a.endsAt.getTime() > s)) cells.push({ agent, d, c });
      }
    }
  }
  if (cells.length < APPOINTMENTS) throw new Error(`only ${cells.length} free cells for ${APPOINTMENTS} appointments`);
  const booked = shuffle(cells).slice(0, APPOINTMENTS);
  const rows = booked.map(({ agent, d, c }, n) => {
    // 80 % last the whole 30-minute cell; 20 % are 20-minute ones, at the cell's start or 10 minutes in.
    const short = random() < 0.2;
    const start = cellStart(d, c) + (short && random() < 0.5 ? 10 * MIN : 0);
    return {
      territoryId, agentId: agentIds[agent], motiveId: short ? m20.id : m30.id, placeId: placeOf(agent, (d % 5) + 1),
      startsAt: new Date(start), endsAt: new Date(start + (short ? 20 : 30) * MIN), status: "upcoming" as const,
      contactCiphertext: null, tokenHash: randomBytes(32).toString("hex"), idempotencyKey: `bench-seed-${n}`,
      source: random() < 0.7 ? ("online" as const) : ("staff" as const),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(appointments).values(rows.slice(i, i + 500));
  await db.execute(sql`analyze`);

  const motive = (await getMotive(db, territoryId, m30.id))!;
  return { territoryId, motive, agentIds, placeIds };
}

async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

async function main() {
  if (!(await checkServer())) process.exit(1);
  let result: Record<string, string | number> | undefined;

  await withThrowawayDatabase(async (handle) => {
    const db = handle.db;
    if (handle.engine !== "postgres") throw new Error("bench:slots runs on PostgreSQL only");
    const t0 = performance.now();
    const fx = await seed(db);
    const seedS = (performance.now() - t0) / 1000;
    const territory = (await getTerritoryBySlug(db, "demo"))!;
    const fromDay = parisDay(NOW);
    const toDay = addParisDays(fromDay, SEARCH_DAYS);
    const search = { territoryId: fx.territoryId, motive: fx.motive, fromDay, toDay, now: NOW };

    // 1. One slot search, 4 weeks, every place: findSlots as the booking pages call it.
    for (let i = 0; i < WARMUPS; i++) await findSlots(db, search);
    const whole: number[] = [];
    let slotCount = 0;
    for (let i = 0; i < RUNS; i++) {
      const [ms, slots] = await timeIt(() => findSlots(db, search));
      whole.push(ms);
      slotCount = slots.length;
    }
    // The same, split: SQL loading (3 queries) then the pure computation.
    const loading: number[] = [];
    const computing: number[] = [];
    let ruleCount = 0;
    let busyCount = 0;
    for (let i = 0; i < RUNS + WARMUPS; i++) {
      const [msLoad, inputs] = await timeIt(() => loadSlotInputs(db, fx.territoryId, fx.motive.id, fromDay, toDay));
      const t1 = performance.now();
      computeSlots({ ...inputs, motive: fx.motive, now: NOW, fromDay, toDay });
      const msCompute = performance.now() - t1;
      if (i >= WARMUPS) {
        loading.push(msLoad);
        computing.push(msCompute);
      }
      ruleCount = inputs.rules.length;
      busyCount = inputs.busy.length;
    }
    // What a person's page asks: one place, a 7-day week.
    const week: number[] = [];
    const placeId = (await findSlots(db, search))[0]?.placeId;
    for (let i = 0; i < RUNS + WARMUPS; i++) {
      const [ms] = await timeIt(() => findSlots(db, { ...search, toDay: addParisDays(fromDay, 7), placeId }));
      if (i >= WARMUPS) week.push(ms);
    }
    [whole, loading, computing, week].forEach((a) => a.sort((x, y) => x - y));
    const allSlots = await findSlots(db, search);
    const offered = offeredSlots(allSlots);

    // 2. Booking: CLIENTS concurrent clients, BOOKINGS calls of bookAppointment in all. Each request
    //    takes a free (place, start); a place and start offered by k agents gets k requests (they
    //    contend for the agents), and 5 % of the requests ask for a start once more than it has
    //    agents, on purpose: those must end "taken".
    const overbooked = Math.round(BOOKINGS * 0.05);
    const requests: OfferedSlot[] = [];
    for (const o of shuffle([...offered])) {
      if (requests.length >= BOOKINGS - overbooked) break;
      for (let k = 0; k < o.agentIds.length && requests.length < BOOKINGS - overbooked; k++) requests.push(o);
    }
    const chosen = [...new Set(requests)];
    for (let i = 0; i < overbooked; i++) requests.push(chosen[i % chosen.length]);
    shuffle(requests);
    const queues: OfferedSlot[][] = Array.from({ length: CLIENTS }, () => []);
    requests.forEach((r, i) => queues[i % CLIENTS].push(r));

    const latencies: number[] = [];
    const okLatencies: number[] = [];
    const outcomes = new Map<string, number>();
    const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    let n = 0;
    const tb = performance.now();
    await Promise.all(queues.map(async (queue, client) => {
      for (const slot of queue) {
        const i = n++;
        const t = performance.now();
        let r: BookResult | undefined;
        try {
          r = await bookAppointment(db, {
            territory: { id: territory.id, slug: territory.slug, name: territory.name, settings: territory.settings },
            motiveId: fx.motive.id, placeId: slot.placeId, start: slot.start,
            contact: { name: `Personne ${i}`, phone: "+33612345678", email: `personne${i}@example.test` },
            idempotencyKey: `bench-book-${client}-${i}-${randomBytes(4).toString("hex")}`, locale: "fr", now: NOW,
          });
        } catch (e) {
          count("error");
          if ((outcomes.get("error") ?? 0) === 1) console.error("booking error:", e);
        }
        const ms = performance.now() - t;
        latencies.push(ms);
        if (r?.ok) {
          okLatencies.push(ms);
          count(r.existing ? "existing" : "ok");
        } else if (r) count(r.problem);
      }
    }));
    const wallS = (performance.now() - tb) / 1000;

    // 3. The same booking with no contention: one client, one booking at a time.
    const alone: number[] = [];
    for (const slot of offeredSlots(await findSlots(db, search)).slice(0, 50)) {
      const [ms] = await timeIt(() => bookAppointment(db, {
        territory: { id: territory.id, slug: territory.slug, name: territory.name, settings: territory.settings },
        motiveId: fx.motive.id, placeId: slot.placeId, start: slot.start,
        contact: { name: "Personne seule", phone: "+33612345678", email: "seule@example.test" },
        idempotencyKey: `bench-alone-${randomBytes(6).toString("hex")}`, locale: "fr", now: NOW,
      }));
      alone.push(ms);
    }
    alone.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    okLatencies.sort((a, b) => a - b);
    const [{ n: stored }] = (await db.execute(sql`select count(*)::int as n from appointments where idempotency_key like 'bench-book-%'`)) as unknown as { n: number }[];

    result = {
      benchmark: "slots", database: "postgres", agents: AGENTS, places: PLACES, existing_appointments: APPOINTMENTS,
      search_days: SEARCH_DAYS, now: NOW.toISOString(), runs: RUNS, seed_s: round(seedS),
      search_rules: ruleCount, search_busy_rows: busyCount, search_slots: slotCount, search_offered_slots: offered.length,
      search_p50_ms: round(percentile(whole, 50), 2), search_p95_ms: round(percentile(whole, 95), 2),
      search_sql_p50_ms: round(percentile(loading, 50), 2), search_sql_p95_ms: round(percentile(loading, 95), 2),
      compute_slots_p50_ms: round(percentile(computing, 50), 2), compute_slots_p95_ms: round(percentile(computing, 95), 2),
      week_one_place_p50_ms: round(percentile(week, 50), 2), week_one_place_p95_ms: round(percentile(week, 95), 2),
      booking_clients: CLIENTS, bookings: latencies.length, booking_ok: outcomes.get("ok") ?? 0, booking_taken: outcomes.get("taken") ?? 0,
      booking_other: latencies.length - (outcomes.get("ok") ?? 0) - (outcomes.get("taken") ?? 0), booking_rows_stored: stored,
      booking_p50_ms: round(percentile(latencies, 50)), booking_p95_ms: round(percentile(latencies, 95)), booking_max_ms: round(latencies[latencies.length - 1] ?? NaN),
      booking_ok_p95_ms: round(percentile(okLatencies, 95)), bookings_per_s: round(latencies.length / wallS),
      booking_alone_p50_ms: round(percentile(alone, 50)), booking_alone_p95_ms: round(percentile(alone, 95)),
    };
    const other = [...outcomes].filter(([k]) => k !== "ok" && k !== "taken").map(([k, v]) => `${k}: ${v}`).join(", ");
    printTable([
      [`seed (demo + ${AGENTS} agents, ${PLACES} places, ${APPOINTMENTS} appointments) (s)`, result.seed_s, "—"],
      [`slot search, ${SEARCH_DAYS} days, all places, p50 (ms)`, result.search_p50_ms, "≤ 20"],
      ["slot search p95 (ms)", result.search_p95_ms, "—"],
      ["  SQL loading (rules, absences, appointments) p50 / p95 (ms)", `${result.search_sql_p50_ms} / ${result.search_sql_p95_ms}`, "—"],
      ["  computeSlots alone p50 / p95 (ms)", `${result.compute_slots_p50_ms} / ${result.compute_slots_p95_ms}`, "—"],
      ["  rules / busy rows loaded", `${ruleCount} / ${busyCount}`, "—"],
      ["  free slots found (agent slots / place+start offered)", `${slotCount} / ${offered.length}`, "—"],
      ["a person's week view (7 days, one place) p50 / p95 (ms)", `${result.week_one_place_p50_ms} / ${result.week_one_place_p95_ms}`, "—"],
      [`bookings, ${CLIENTS} concurrent clients: ok / taken / other`, `${result.booking_ok} / ${result.booking_taken} / ${result.booking_other}${other ? ` (${other})` : ""}`, `${BOOKINGS - overbooked} / ${overbooked} / 0`],
      ["booking latency p50 (ms)", result.booking_p50_ms, "—"],
      ["booking latency p95 (ms)", result.booking_p95_ms, "≤ 100"],
      ["booking latency max (ms)", result.booking_max_ms, "—"],
      ["successful bookings only, p95 (ms)", result.booking_ok_p95_ms, "—"],
      ["booking throughput (/s)", result.bookings_per_s, "—"],
      ["one booking at a time (no contention) p50 / p95 (ms)", `${result.booking_alone_p50_ms} / ${result.booking_alone_p95_ms}`, "—"],
    ]);
  }, CLIENTS);

  console.log(JSON.stringify(result));
}

runBenchmark(main);
