import { addCells, EMPTY_CELL, type Cell, type Tally } from "./cells";
import { DIMENSIONS } from "./dimensions";
import { withHouseholdColumns, type SituationFact } from "./facts";

export type Aggregates = Record<string, Tally>;

/** One fact as a cell (the SQL's measures over one row). */
export function factCell(f: SituationFact, household = false, measured = true): Cell {
  if (!measured) return { ...EMPTY_CELL, n: 1, key: household ? f.hrk : f.rk };
  const m = f.minutes;
  const missedTotal = f.missedMonthly !== null && f.missedMonths !== null ? f.missedMonthly * f.missedMonths : null;
  return {
    ...EMPTY_CELL, n: 1, key: household ? f.hrk : f.rk,
    people: f.people ?? 0, peopleN: f.people === null ? 0 : 1,
    minutesN: m === null ? 0 : 1, minutesSum: m ?? 0, minutesMin: m, minutesMax: m,
    grantedN: f.aidGranted === null ? 0 : 1, grantedSum: f.aidGranted ?? 0,
    missedN: f.missedMonthly === null ? 0 : 1, missedSum: f.missedMonthly ?? 0,
    missedTotalN: missedTotal === null ? 0 : 1, missedTotalSum: missedTotal ?? 0,
    openedN: f.openedMonthly === null ? 0 : 1, openedSum: f.openedMonthly ?? 0,
  };
}

/**
 * The reference implementation of query.ts in plain code: every dimension's cells over the
 * facts. Used by the unit tests (hand-made data) and to check the SQL on both engines.
 */
export function tallyFacts(facts: SituationFact[], opts: { staff: boolean } = { staff: true }): Aggregates {
  const out: Aggregates = {};
  for (const d of DIMENSIONS) {
    if (d.staffOnly && !opts.staff) continue;
    const t: Tally = {};
    for (const f of facts) {
      if (d.where && !d.where(f)) continue;
      const v = d.js(f);
      for (const key of Array.isArray(v) ? v : [v]) t[key] = addCells(t[key] ?? EMPTY_CELL, factCell(f, d.household, d.measured === true));
    }
    out[d.name] = t;
  }
  return out;
}

/** The filters of query.ts in plain code (service by code); household columns recomputed within the kept set. */
export function filterFacts(facts: SituationFact[], f: { from?: string; to?: string; service?: string; sector?: string; benefitCodes?: string[]; actor?: string }): SituationFact[] {
  const kept = facts.filter((x) => (!f.from || x.detectedOn >= f.from) && (!f.to || x.detectedOn <= f.to) && (!f.service || x.service === f.service)
    && (!f.sector || x.sector === f.sector) && (!f.benefitCodes || (x.benefit !== null && f.benefitCodes.includes(x.benefit))) && (!f.actor || x.actors.includes(f.actor)));
  return withHouseholdColumns(kept);
}
