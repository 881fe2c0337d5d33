import { describe, expect, it } from "vitest";
import { buildBilan, parseBilanFilters, periodOf, periodsOf, type BilanRow } from "./aggregates";

const row = (category: string, period: string, met: number, potential: number, consents: number): BilanRow =>
  ({ category, period, actions: 1, peopleMet: met, potentialNonRecours: potential, guides: 7, orientations: 0, questionnaires: 10, consents });

describe("outreach bilan", () => {
  it("periods by month and quarter, filters with safe defaults", () => {
    expect(periodsOf("quarter", 2026)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(periodsOf("month", 2026)).toHaveLength(12);
    expect(periodOf("quarter", "2026-11-30")).toBe("2026-Q4");
    expect(periodOf("month", "2026-03-01")).toBe("2026-03");
    // No month view for the committee: it would difference the quarter view.
    expect(parseBilanFilters({ by: "placeType", per: "month", year: "2025" }, "2026-11-30")).toEqual({ by: "placeType", per: "quarter", year: 2025 });
    expect(parseBilanFilters({ by: "x", per: "week", year: "1999" }, "2026-11-30")).toEqual({ by: "actionType", per: "quarter", year: 2026 });
  });

  it("sums per category and period; person counts suppressed, actions and guides whole", () => {
    const rows = [row("stand", "2026-Q4", 40, 12, 3), row("stand", "2026-Q4", 20, 8, 6), row("atelier", "2026-Q4", 9, 2, 0), row("stand", "2026-Q3", 30, 10, 5)];
    const { categories, tables } = buildBilan(rows, periodsOf("quarter", 2026), 5);
    expect(categories).toEqual(["atelier", "stand"]);
    expect(tables.actions.cells).toEqual([[0, 0, 0, 1], [0, 0, 1, 2]]);
    expect(tables.guides.total).toBe(28);
    expect(tables.peopleMet.cells).toEqual([[0, 0, 0, 9], [0, 0, 30, 60]]);
    // atelier Q4 has 2 in potential non-recours (hidden, and its row total); column Q4 then hides
    // stand Q4 (20), and the row totals with the grand total hide stand's total (30).
    expect(tables.potentialNonRecours.cells).toEqual([[0, 0, 0, null], [0, 0, 10, null]]);
    expect(tables.potentialNonRecours.rowTotals).toEqual([null, null]);
    expect(tables.potentialNonRecours.colTotals).toEqual([0, 0, 10, 22]);
    expect(tables.consents.cells[1][3]).toBe(9);
    expect(tables.consents.cells[1][2]).toBe(5);
  });
});
