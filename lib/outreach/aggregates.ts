import { and, eq, gte, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { outreachActions } from "@/db/schema";
import { effectiveThreshold } from "@/lib/dashboard/suppression";
import { CELL_KEY_MODULUS, cellKey, recordKeySql } from "@/lib/dashboard/perturbation";
import { consentsByAction } from "./store";
import { suppressTable, type Grid, type Masked } from "./suppression";

/**
 * The committee's outreach bilan: reported actions of one year, by action type or place type
 * (rows) and by quarter (columns), with their totals. Counts of people are perturbed (cell keys of the actions) and go through the
 * territory's small-count suppression (suppressTable); counts of actions and of guides handed out
 * describe no one and are published whole.
 */
export const PERSON_MEASURES = ["peopleMet", "potentialNonRecours", "orientations", "questionnaires", "consents"] as const;
export const MEASURES = ["actions", "peopleMet", "potentialNonRecours", "guides", "orientations", "questionnaires", "consents"] as const;
export type Measure = (typeof MEASURES)[number];

export function parseBilanFilters(sp: Record<string, string | undefined>, today: string) {
  const year = Number(today.slice(0, 4));
  return z.object({
    by: z.enum(["actionType", "placeType"]).catch("actionType"),
    // Quarters only: a month view beside the quarter view would give a hidden month away as
    // quarter − the other two months (suppression holds within one table, not across tables).
    per: z.literal("quarter").catch("quarter") as z.ZodType<"month" | "quarter">,
    year: z.coerce.number().int().min(2020).max(year + 1).catch(year),
  }).parse(sp);
}
export type BilanFilters = ReturnType<typeof parseBilanFilters>;

/** The periods of a year: "2026-01" … "2026-12", or "2026-Q1" … "2026-Q4". */
export const periodsOf = (per: BilanFilters["per"], year: number) => per === "month"
  ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`)
  : [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
export const periodOf = (per: BilanFilters["per"], day: string) => per === "month" ? day.slice(0, 7) : `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

/** `key`: the action's record key (0 … 2³² − 1, seeded per territory; decision 0007). */
export type BilanRow = { category: string; period: string; key?: number } & Record<Measure, number>;

/** A fixed offset per measure, so that two measures of the same actions get different noises. */
const measureOffset = (m: Measure) => (MEASURES.indexOf(m) * 0x9e3779b9) % CELL_KEY_MODULUS;

/** Pure: per-action figures → one grid per measure, suppressed with threshold k. */
export function buildBilan(rows: BilanRow[], periods: string[], k: number): { categories: string[]; tables: Record<Measure, Masked> } {
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const grid = (m: Measure): Grid => categories.map((c) => periods.map((p) => rows.filter((r) => r.category === c && r.period === p).reduce((n, r) => n + r[m], 0)));
  const keyed = rows.every((r) => r.key !== undefined);
  const keyGrid: Grid = categories.map((c) => periods.map((p) => rows.filter((r) => r.category === c && r.period === p).reduce((n, r) => (n + (r.key ?? 0)) % CELL_KEY_MODULUS, 0)));
  const keysOf = (m: Measure) => (keyed ? { grid: keyGrid, offset: measureOffset(m) } : undefined);
  const whole = (g: Grid): Masked => {
    const cols = periods.map((_, j) => g.reduce((n, r) => n + r[j], 0));
    return { cells: g, rowTotals: g.map((r) => r.reduce((a, b) => a + b, 0)), colTotals: cols, total: cols.reduce((a, b) => a + b, 0) };
  };
  const met = grid("peopleMet");
  const tables = Object.fromEntries(MEASURES.map((m) => [m,
    !(PERSON_MEASURES as readonly string[]).includes(m) ? whole(grid(m))
      // Parts of the people met (potential non-recours, orientations) also hide a small complement.
      : suppressTable(grid(m), k, m === "potentialNonRecours" || m === "orientations" ? met : undefined, keysOf(m), keysOf("peopleMet")),
  ])) as Record<Measure, Masked>;
  return { categories, tables };
}

export async function outreachBilan(db: Db, territory: { id: string; settings: { suppressionThreshold?: number } | null }, f: BilanFilters) {
  const actions = await db.select({ a: outreachActions, rk: sql<string>`${recordKeySql(sql`${outreachActions.id}`, territory.id)}::text` }).from(outreachActions).where(and(
    eq(outreachActions.territoryId, territory.id), eq(outreachActions.status, "reported"),
    gte(outreachActions.heldOn, `${f.year}-01-01`), lte(outreachActions.heldOn, `${f.year}-12-31`),
  ));
  const consents = await consentsByAction(db, territory.id, actions.map((x) => x.a.id));
  const rows: BilanRow[] = actions.map(({ a, rk }) => ({
    key: cellKey(rk),
    category: f.by === "actionType" ? a.actionType : a.placeType, period: periodOf(f.per, a.heldOn),
    actions: 1, peopleMet: a.peopleMet ?? 0, potentialNonRecours: a.potentialNonRecours ?? 0,
    guides: Object.values(a.guidesHanded).reduce((n, x) => n + x, 0), orientations: a.orientations ?? 0,
    questionnaires: a.questionnairesCollected ?? 0, consents: consents.get(a.id) ?? 0,
  }));
  const k = effectiveThreshold(territory.settings?.suppressionThreshold);
  const periods = periodsOf(f.per, f.year);
  return { k, periods, ...buildBilan(rows, periods, k) };
}
