import { and, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { outreachActions } from "@/db/schema";
import { effectiveThreshold } from "@/lib/dashboard/suppression";
import { consentsByAction } from "./store";
import { suppressTable, type Grid, type Masked } from "./suppression";

/**
 * The committee's outreach bilan: reported actions of one year, by action type or place type
 * (rows) and by month or quarter (columns), with their totals. Counts of people go through the
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

export type BilanRow = { category: string; period: string } & Record<Measure, number>;

/** Pure: per-action figures → one grid per measure, suppressed with threshold k. */
export function buildBilan(rows: BilanRow[], periods: string[], k: number): { categories: string[]; tables: Record<Measure, Masked> } {
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const grid = (m: Measure): Grid => categories.map((c) => periods.map((p) => rows.filter((r) => r.category === c && r.period === p).reduce((n, r) => n + r[m], 0)));
  const whole = (g: Grid): Masked => {
    const cols = periods.map((_, j) => g.reduce((n, r) => n + r[j], 0));
    return { cells: g, rowTotals: g.map((r) => r.reduce((a, b) => a + b, 0)), colTotals: cols, total: cols.reduce((a, b) => a + b, 0) };
  };
  const met = grid("peopleMet");
  const tables = Object.fromEntries(MEASURES.map((m) => [m,
    !(PERSON_MEASURES as readonly string[]).includes(m) ? whole(grid(m))
      : suppressTable(grid(m), k, m === "potentialNonRecours" ? met : undefined),
  ])) as Record<Measure, Masked>;
  return { categories, tables };
}

export async function outreachBilan(db: Db, territory: { id: string; settings: { suppressionThreshold?: number } | null }, f: BilanFilters) {
  const actions = await db.select().from(outreachActions).where(and(
    eq(outreachActions.territoryId, territory.id), eq(outreachActions.status, "reported"),
    gte(outreachActions.heldOn, `${f.year}-01-01`), lte(outreachActions.heldOn, `${f.year}-12-31`),
  ));
  const consents = await consentsByAction(db, territory.id, actions.map((a) => a.id));
  const rows: BilanRow[] = actions.map((a) => ({
    category: f.by === "actionType" ? a.actionType : a.placeType, period: periodOf(f.per, a.heldOn),
    actions: 1, peopleMet: a.peopleMet ?? 0, potentialNonRecours: a.potentialNonRecours ?? 0,
    guides: Object.values(a.guidesHanded).reduce((n, x) => n + x, 0), orientations: a.orientations ?? 0,
    questionnaires: a.questionnairesCollected ?? 0, consents: consents.get(a.id) ?? 0,
  }));
  const k = effectiveThreshold(territory.settings?.suppressionThreshold);
  const periods = periodsOf(f.per, f.year);
  return { k, periods, ...buildBilan(rows, periods, k) };
}
