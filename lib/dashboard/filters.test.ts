import { describe, expect, it } from "vitest";
import { filtersQuery, parseDashboardFilters } from "./filters";
import { INDICATOR_KEYS, parseIndicator } from "./indicators";

describe("dashboard filters", () => {
  it("reads a whole view from the URL and writes it back", () => {
    const p = parseDashboardFilters(new URLSearchParams("indicator=forme.non_demande&benefit=rsa&sex=femme&age=25_34&mode=self&from=2026-01-01&to=2026-06-30&level=iris&site=MPT-1&x=ignored"));
    expect(p.ok).toBe(true);
    expect(p.filters).toMatchObject({ indicator: "forme.non_demande", benefit: "rsa", sex: "femme", age: "25_34", mode: "self", level: "iris", site: "MPT-1" });
    expect(parseDashboardFilters(new URLSearchParams(filtersQuery(p.filters))).filters).toEqual(p.filters);
  });
  it("defaults to the non-recours indicator with nothing filtered", () => {
    const p = parseDashboardFilters({});
    expect(p).toEqual({ ok: true, filters: { indicator: "non_recours" } });
    expect(filtersQuery(p.filters)).toBe("");
  });
  it("refuses bad values with French messages and falls back to the default view", () => {
    const p = parseDashboardFilters({ indicator: "drop table", sex: "x", t: "grenoble" });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.errors).toEqual(["Indicateur inconnu.", "Valeur de sexe inconnue."]);
    expect(parseDashboardFilters({ from: "2026-05-01", to: "2026-04-01" })).toMatchObject({ ok: false, errors: ["La fin de la période précède son début."] });
    expect(p.filters).toEqual({ indicator: "non_recours", t: "grenoble" });
    expect(parseDashboardFilters({ from: "2026-02-31x" }).ok).toBe(false);
    // Real calendar days only: no silent 3 March, no crash on month 13.
    expect(parseDashboardFilters({ from: "2026-02-30" })).toMatchObject({ ok: false, errors: [expect.stringContaining("Date invalide")] });
    expect(parseDashboardFilters({ to: "2026-13-45" }).ok).toBe(false);
    expect(parseDashboardFilters({ figures: "all" })).toMatchObject({ ok: false, errors: ["Choix de chiffres inconnu."] });
  });
  it("knows every indicator key it offers", () => {
    for (const k of INDICATOR_KEYS) expect(parseIndicator(k), k).not.toBeNull();
    expect(parseIndicator("forme.nope")).toBeNull();
    expect(INDICATOR_KEYS).toEqual(expect.arrayContaining(["non_recours", "forme.non_reception", "raison.abandon", "knowledge", "difficulty.online", "opt_in"]));
  });
});
