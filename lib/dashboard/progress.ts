import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { baseConditions } from "./aggregate";
import type { DashboardFilters } from "./filters";
import { suppressGroup } from "./suppression";

export type ProgressRow = { key: string; label: string; count: number | null; suppressed: boolean };
export type CollectionProgress = {
  total: number | null;
  target: number | null;
  bySite: ProgressRow[];
  byWeek: ProgressRow[];
  byInterviewer: ProgressRow[];
};

/** Counts below k are hidden like any other cell (with the secondary rule against the total). */
function publish(groups: { key: string; label: string; count: number }[], total: number, k: number): ProgressRow[] {
  const s = suppressGroup(groups.map((g) => ({ key: g.key, num: g.count, den: g.count })), { key: "total", num: total, den: total }, k);
  return groups.map((g, i) => ({ key: g.key, label: g.label, count: s.cells[i].suppressed ? null : g.count, suppressed: s.cells[i].suppressed }));
}

/**
 * Collection progress for the period and source of the view: responses per site, per week
 * (Monday, Paris time) and per interviewer, against the territory's target.
 */
export async function collectionProgress(db: Db, territoryId: string, f: DashboardFilters, k: number, target: number | null): Promise<CollectionProgress> {
  const where = baseConditions(f, territoryId);
  const [bySite, byWeek, byInterviewer] = await Promise.all([
    rows<{ key: string | null; label: string | null; n: number }>(db, sql`
      select s.code as key, s.name as label, count(*)::int as n from responses r left join sites s on s.id = r.site_id and s.territory_id = r.territory_id
      where ${where} group by s.code, s.name order by s.name nulls last`),
    rows<{ key: string; n: number }>(db, sql`
      select to_char(date_trunc('week', r.submitted_at at time zone 'Europe/Paris'), 'YYYY-MM-DD') as key, count(*)::int as n
      from responses r where ${where} group by 1 order by 1`),
    rows<{ key: string | null; label: string | null; n: number }>(db, sql`
      select u.id::text as key, u.name as label, count(*)::int as n from responses r left join users u on u.id = r.interviewer_id
      where ${where} group by u.id, u.name order by u.name nulls last`),
  ]);
  const total = bySite.reduce((n, r) => n + Number(r.n), 0);
  const shape = (rs: { key: string | null; label?: string | null; n: number }[], none: string) =>
    rs.map((r) => ({ key: r.key ?? none, label: r.label ?? r.key ?? none, count: Number(r.n) }));
  return {
    total: total > 0 && total < k ? null : total,
    target,
    bySite: publish(shape(bySite, "none"), total, k),
    byWeek: publish(shape(byWeek, "none"), total, k),
    byInterviewer: publish(shape(byInterviewer, "none"), total, k),
  };
}
