import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";
import { baseConditions } from "./aggregate";
import type { Audience } from "./audience";
import type { DashboardFilters } from "./filters";
import { cellKey, perturbCount, recordKeySql } from "./perturbation";
import { suppressGroup } from "./suppression";

export type ProgressRow = { key: string; label: string; count: number | null; suppressed: boolean };
export type CollectionProgress = {
  total: number | null;
  target: number | null;
  bySite: ProgressRow[];
  byWeek: ProgressRow[];
  byInterviewer: ProgressRow[];
};

type Group = { key: string; label: string; count: number; cellKey: number };

/** Exact counts: below k hidden like any other cell, with the secondary rule against the total. */
function publishExact(groups: Group[], total: number, k: number): ProgressRow[] {
  const s = suppressGroup(groups.map((g) => ({ key: g.key, num: g.count, den: g.count })), { key: "total", num: total, den: total }, k);
  return groups.map((g, i) => ({ key: g.key, label: g.label, count: s.cells[i].suppressed ? null : g.count, suppressed: s.cells[i].suppressed }));
}

/** The committee's counts: perturbed by their cell keys, hidden when 1 … k − 1 (decision 0007). */
function publishPerturbed(groups: Group[], k: number): ProgressRow[] {
  return groups.map((g) => {
    const n = perturbCount(g.count, g.cellKey);
    const hidden = n > 0 && n < k;
    return { key: g.key, label: g.label, count: hidden ? null : n, suppressed: hidden };
  });
}

/**
 * Collection progress for the period and source of the view: responses per site, per week
 * (Monday, Paris time) and per interviewer, against the territory's target.
 */
export async function collectionProgress(
  db: Db, territoryId: string, f: DashboardFilters, k: number, target: number | null, audience: Audience,
): Promise<CollectionProgress> {
  const where = baseConditions(f, territoryId);
  const key = sql`sum(${recordKeySql(sql`r.id`, territoryId)})::text as k`;
  type Row = { key: string | null; label?: string | null; n: number; k: string | null };
  const [bySite, byWeek, byInterviewer, [all]] = await Promise.all([
    rows<Row>(db, sql`
      select s.code as key, s.name as label, count(*)::int as n, ${key} from responses r left join sites s on s.id = r.site_id and s.territory_id = r.territory_id
      where ${where} group by s.code, s.name order by s.name nulls last`),
    rows<Row>(db, sql`
      select to_char(date_trunc('week', r.submitted_at at time zone 'Europe/Paris'), 'YYYY-MM-DD') as key, count(*)::int as n, ${key}
      from responses r where ${where} group by 1 order by 1`),
    rows<Row>(db, sql`
      select u.id::text as key, u.name as label, count(*)::int as n, ${key} from responses r left join users u on u.id = r.interviewer_id
      where ${where} group by u.id, u.name order by u.name nulls last`),
    rows<Row>(db, sql`select null as key, count(*)::int as n, ${key} from responses r where ${where}`),
  ]);
  const total = Number(all?.n ?? 0);
  const shape = (rs: Row[], none: string): Group[] =>
    rs.map((r) => ({ key: r.key ?? none, label: r.label ?? r.key ?? none, count: Number(r.n), cellKey: cellKey(r.k) }));
  if (audience === "committee") {
    const t = perturbCount(total, cellKey(all?.k));
    return {
      total: t > 0 && t < k ? null : t, target,
      bySite: publishPerturbed(shape(bySite, "none"), k),
      byWeek: publishPerturbed(shape(byWeek, "none"), k),
      byInterviewer: publishPerturbed(shape(byInterviewer, "none"), k),
    };
  }
  return {
    total: total > 0 && total < k ? null : total,
    target,
    bySite: publishExact(shape(bySite, "none"), total, k),
    byWeek: publishExact(shape(byWeek, "none"), total, k),
    byInterviewer: publishExact(shape(byInterviewer, "none"), total, k),
  };
}
