import { cellOf, minusCell, sumCells, sumTally, type Cell, type Tally } from "./cells";
import { TIME_CLASSES } from "./facts";
import type { Publisher } from "./publish";
import { chiSquare } from "./stats";
import type { Aggregates } from "./tally";
import type { Block, CrossTable, Figure, FigureTable, HouseholdTable, RubriquesLabels, Stat } from "./types";

type Entry = { code: string; label: string };

/**
 * The rubriques from the aggregated cells: pure. Every share carries its denominator; blank
 * answers are counted apart and left out of their variable's denominator, except the formes,
 * whose base is every situation (several formes per situation: the shares add up to over 100 %).
 * The publisher decides what each reader sees (exact, or the committee's protected figures).
 */
export function buildBlocks(agg: Aggregates, labels: RubriquesLabels, pub: Publisher): { blocks: Block[]; financialByService: CrossTable } {
  const total = cellOf(agg.total, "");
  const word = (k: string) => labels.words[k] ?? k;
  /** Known entries first (list order), then codes found in the data but no longer listed. */
  const entriesFor = (t: Tally, list: Entry[], keep: (k: string) => boolean = (k) => k !== "") => {
    const known = new Set(list.map((e) => e.code));
    const extra = Object.keys(t).filter((k) => keep(k) && !known.has(k)).sort().map((k) => ({ code: k, label: word("unknown_code").replace("{code}", k) }));
    return [...list.filter((e) => keep(e.code)), ...extra];
  };
  const row = (key: string, label: string, num: Cell, den: Cell, own = false): Figure => {
    const p = pub.share(num, den);
    return { key, label, n: p.n, share: p.share, suppressed: p.suppressed, ...(own ? { den: p.den } : {}) };
  };
  /** A table of one dimension's values over `den`, blanks (`missing`) apart. */
  const table = (id: string, t: Tally, list: Entry[], den: Cell, missing: Cell | null, sort = false, sparse = false): FigureTable => {
    // Sparse tables (areas) list only the values present: an empty area says nothing, and 0 is published as 0 anyway.
    const rows = entriesFor(t, list).filter((e) => !sparse || cellOf(t, e.code).n > 0).map((e) => row(e.code, e.label, cellOf(t, e.code), den));
    if (sort) rows.sort((a, b) => (b.n ?? -1) - (a.n ?? -1));
    return { id, kind: id, den: pub.count(den), missing: missing ? pub.count(missing) : null, rows };
  };
  const answered = (t: Tally, all: Cell) => minusCell(all, cellOf(t, ""));
  const mean = (sum: number | null, n: number | null) => (sum === null || !n ? null : sum / n);

  // A. Volume.
  const households = sumTally(agg.household_size);
  const volumeTables: FigureTable[] = [
    table("by_service", agg.service, labels.services, total, null),
    table("by_sector", agg.sector, Object.entries(labels.areas).map(([code, label]) => ({ code, label })), answered(agg.sector, total), cellOf(agg.sector, ""), false, true),
    table("by_month", agg.month, Object.keys(agg.month ?? {}).sort().map((m) => ({ code: m, label: m })), total, null),
  ];
  const volumeStats: Stat[] = [
    { id: "situations", value: pub.count(total), unit: "count" },
    { id: "households", value: pub.count(households), unit: "count" },
  ];
  if (agg.worker) {
    // Staff only (a row describes one worker): each worker against the mean of the workers known.
    const known = Object.entries(agg.worker).filter(([k]) => k !== "");
    const meanPerWorker = known.length ? known.reduce((a, [, c]) => a + c.n, 0) / known.length : null;
    const t = table("by_worker", agg.worker, known.map(([code]) => ({ code, label: labels.workers[code] ?? word("unknown_worker") })), total, cellOf(agg.worker, ""), true);
    t.columns = ["gap_to_mean"];
    for (const r of t.rows) r.values = { gap_to_mean: r.n !== null && meanPerWorker !== null ? r.n - meanPerWorker : null };
    volumeTables.splice(1, 0, t);
    volumeStats.push({ id: "workers", value: known.length, unit: "count" }, { id: "mean_per_worker", value: meanPerWorker, unit: "mean" });
  }

  // B. Formes: each over every situation; reasons within each forme.
  const mainFormes = labels.formes.filter((f) => f.code !== "abandon");
  const formesBlock: Block = {
    id: "formes",
    stats: [{ id: "abandon", value: pub.share(cellOf(agg.forme, "abandon"), total).n, den: pub.count(total), unit: "count" }],
    tables: [
      table("formes", withoutKey(agg.forme, "abandon"), mainFormes, total, cellOf(agg.formes_count, "0")),
      table("abandon", { abandon: cellOf(agg.forme, "abandon") }, labels.formes.filter((f) => f.code === "abandon"), total, null),
      table("formes_per_situation", agg.formes_count, ["0", "1", "2", "3", "4"].map((k) => ({ code: k, label: word(`count_${k}`) })), total, null),
      ...labels.formes.map((f) => {
        const reasons: Tally = {};
        for (const [k, c] of Object.entries(agg.forme_reason ?? {})) if (k.startsWith(`${f.code}|`)) reasons[k.slice(f.code.length + 1)] = c;
        const formeCell = cellOf(agg.forme, f.code);
        return { ...table(`reasons_${f.code}`, reasons, labels.reasons.filter((r) => r.parent === f.code), answered(reasons, formeCell), cellOf(reasons, "")), kind: "reasons", subject: f.label };
      }),
    ],
  };

  // C. Benefits and actors.
  const groupOf = new Map(labels.benefits.map((b) => [b.code, b.parent ?? "autres"]));
  const byGroup = (t: Tally | undefined): Tally => {
    const out: Tally = {};
    for (const [code, c] of Object.entries(t ?? {})) if (code !== "") {
      const g = groupOf.get(code) ?? "autres";
      out[g] = sumCells([out[g] ?? sumCells([]), c]);
    }
    return out;
  };
  const financialCell = cellOf(agg.financial, "true");
  const nonFinancialCell = cellOf(agg.financial, "false");
  const benefitsAnswered = answered(agg.benefit, financialCell);
  const groups = byGroup(agg.benefit);
  const financialTable = table("financial", agg.financial, [{ code: "true", label: word("financial_true") }, { code: "false", label: word("financial_false") }], answered(agg.financial, total), cellOf(agg.financial, ""));
  const benefitsBlock: Block = {
    id: "benefits",
    stats: [],
    tables: [
      financialTable,
      table("benefit_groups", groups, labels.groups, benefitsAnswered, cellOf(agg.benefit, "")),
      table("benefits", agg.benefit, labels.benefits, benefitsAnswered, cellOf(agg.benefit, ""), true),
      table("domains", agg.domain, labels.domains, answered(agg.domain, nonFinancialCell), cellOf(agg.domain, ""), true),
      table("actors", agg.actor, labels.actors, cellOf(agg.actors_given, "true"), cellOf(agg.actors_given, "false"), true),
    ],
  };
  const financialByService = crossTable(agg, labels, pub, word);

  // D. Cumulation and cumulativity.
  const sizes: Tally = {};
  for (const [k, c] of Object.entries(agg.household_size ?? {})) {
    const key = Number(k) >= 5 ? "5" : k;
    sizes[key] = sumCells([sizes[key] ?? sumCells([]), c]);
  }
  const multiHouseholds = sumTally(sizes, (k) => k !== "1");
  const multiSituations = sumTally(agg.multi_cumulative);
  const inducing = byGroup(agg.induces_benefit);
  const cumulationBlock: Block = {
    id: "cumulation",
    stats: [
      { id: "situations_per_household", value: mean(pub.count(total), pub.count(households)), unit: "mean" },
      { id: "multi_households", value: pub.share(multiHouseholds, households).n, den: pub.count(households), unit: "count" },
      { id: "multi_situations", value: pub.share(multiSituations, total).n, den: pub.count(total), unit: "count" },
      { id: "multi_cumulative", value: pub.share(cellOf(agg.multi_cumulative, "true"), multiSituations).n, den: pub.count(multiSituations), unit: "count" },
      { id: "multi_cumulative_households", value: pub.share(cellOf(agg.household_cumulative, "true"), multiHouseholds).n, den: pub.count(multiHouseholds), unit: "count" },
      { id: "multi_complete", value: pub.share(cellOf(agg.multi_intensity, "complete"), answered(agg.multi_intensity, multiSituations)).n, den: pub.count(answered(agg.multi_intensity, multiSituations)), missing: pub.count(cellOf(agg.multi_intensity, "")), unit: "count" },
    ],
    tables: [
      table("household_size", sizes, ["1", "2", "3", "4", "5"].map((k) => ({ code: k, label: word(`size_${k}`) })), households, null),
      table("household_services", agg.household_services, Object.keys(agg.household_services ?? {}).sort().map((k) => ({ code: k, label: k.split("+").map((c) => labels.services.find((s) => s.code === c)?.label ?? c).join(" + ") })), multiHouseholds, null),
      table("caused", agg.caused, [{ code: "true", label: word("caused_true") }, { code: "false", label: word("caused_false") }], total, null),
      {
        id: "inducing_by_group", kind: "inducing_by_group", den: null, missing: null,
        rows: entriesFor(groups, labels.groups).map((g) => row(g.code, g.label, cellOf(inducing, g.code), cellOf(groups, g.code), true)),
      },
    ],
  };

  // E. Impact (people concerned), F. intensity.
  const peopleAnswered = answered(agg.people, total);
  const twoOrMore = sumTally(agg.people, (k) => k !== "" && k !== "1");
  const impactBlock: Block = {
    id: "impact",
    stats: [
      { id: "two_or_more", value: pub.share(twoOrMore, peopleAnswered).n, den: pub.count(peopleAnswered), missing: pub.count(cellOf(agg.people, "")), unit: "count" },
      { id: "people_total", value: pub.sum(total.people, total.peopleN, total.key), den: pub.values(total.peopleN, total.key), unit: "count" },
    ],
    tables: [table("people", agg.people, ["1", "2", "3", "4", "5"].map((k) => ({ code: k, label: word(`size_${k}`) })), peopleAnswered, cellOf(agg.people, ""))],
  };
  const intensityBlock: Block = {
    id: "intensity", stats: [],
    tables: [table("intensity", agg.intensity, ["complete", "partial"].map((k) => ({ code: k, label: word(k) })), answered(agg.intensity, total), cellOf(agg.intensity, ""))],
  };

  // G. Actions: ticks over ticks, and over situations.
  const ticks = sumTally(agg.action);
  const actionsTable = table("actions", agg.action, labels.actions, ticks, cellOf(agg.actions_count, "0"), true);
  actionsTable.columns = ["share_of_situations"];
  for (const r of actionsTable.rows) r.values = { share_of_situations: pub.share(cellOf(agg.action, r.key), total).share };
  const actionsBlock: Block = {
    id: "actions",
    stats: [
      { id: "ticks", value: pub.count(ticks), unit: "count" },
      { id: "ticks_per_situation", value: mean(pub.count(ticks), pub.count(total)), den: pub.count(total), unit: "mean" },
    ],
    tables: [actionsTable, table("actions_per_situation", agg.actions_count, ["0", "1", "2", "3", "4"].map((k) => ({ code: k, label: word(`count_${k}`) })), total, null)],
  };

  // H. Cost for the CCAS.
  const timeMissing = (svc: string | null) => sumTally(agg.time_service, (k) => k.startsWith("|") && (svc === null || k === `|${svc}`));
  const timeRow = (key: string, label: string, c: Cell, missing: Cell): Figure => {
    const withTime = minusCell(c, missing);
    const n = pub.count(withTime);
    const sum = pub.sum(c.minutesSum, c.minutesN, c.key);
    return {
      key, label, n, share: null, suppressed: n === null,
      values: { mean: mean(sum, n), min: pub.extreme(c.minutesMin), max: pub.extreme(c.minutesMax), missing: pub.count(missing) },
    };
  };
  const timeTable: FigureTable = {
    id: "time_by_service", kind: "time_by_service", den: null, missing: pub.count(timeMissing(null)), columns: ["mean", "min", "max", "missing"],
    rows: [...labels.services.map((s) => timeRow(s.code, s.label, cellOf(agg.service, s.code), timeMissing(s.code))), timeRow("total", word("total"), total, timeMissing(null))],
  };
  const timeClasses: FigureTable[] = labels.services.map((s) => {
    const t: Tally = {};
    for (const [k, c] of Object.entries(agg.time_service ?? {})) if (k.endsWith(`|${s.code}`)) t[k.slice(0, -(s.code.length + 1))] = c;
    return { ...table(`time_classes_${s.code}`, t, TIME_CLASSES.map((c) => ({ code: c, label: word(`time_${c}`) })), answered(t, cellOf(agg.service, s.code)), cellOf(t, "")), kind: "time_classes", subject: s.label };
  });
  const instructing = sumTally(agg.optional_aid);
  const requested = cellOf(agg.optional_aid, "true");
  const grantedSum = pub.sum(instructing.grantedSum, instructing.grantedN, instructing.key);
  const aidShare = pub.share(requested, answered(agg.optional_aid, instructing));
  const costBlock: Block = {
    id: "cost",
    stats: [
      { id: "aid_requested", value: aidShare.n, den: aidShare.den, missing: pub.count(cellOf(agg.optional_aid, "")), unit: "count" },
      { id: "aid_granted_total", value: grantedSum, unit: "euros" },
      { id: "aid_granted_mean", value: mean(grantedSum, aidShare.n), den: aidShare.n, unit: "euros" },
      { id: "missed_monthly_total", value: pub.sum(total.missedSum, total.missedN, total.key), den: pub.values(total.missedN, total.key), unit: "euros" },
      { id: "missed_duration_total", value: pub.sum(total.missedTotalSum, total.missedTotalN, total.key), den: pub.values(total.missedTotalN, total.key), unit: "euros" },
    ],
    tables: [timeTable, ...timeClasses],
  };

  // Resolution (the ninth block) and the map's areas.
  const resolved = cellOf(agg.status, "resolved");
  const resolutionBlock: Block = {
    id: "resolution",
    stats: [{ id: "opened_monthly_total", value: pub.sum(total.openedSum, total.openedN, total.key), den: pub.values(total.openedN, total.key), unit: "euros" }],
    tables: [
      table("status", agg.status, ["open", "in_progress", "resolved"].map((k) => ({ code: k, label: word(`status_${k}`) })), total, null),
      table("resolution", agg.resolution, ["right_opened", "not_resolved", "lost", "not_non_recours"].map((k) => ({ code: k, label: word(`resolution_${k}`) })), answered(agg.resolution, resolved), cellOf(agg.resolution, "")),
    ],
  };
  const mapBlock: Block = {
    id: "map", stats: [],
    tables: [table("by_neighbourhood", agg.neighbourhood, Object.entries(labels.areas).map(([code, label]) => ({ code, label })), answered(agg.neighbourhood, total), cellOf(agg.neighbourhood, ""), false, true)],
  };

  return {
    blocks: [
      { id: "volume", stats: volumeStats, tables: volumeTables }, formesBlock, benefitsBlock, cumulationBlock,
      impactBlock, intensityBlock, actionsBlock, costBlock, resolutionBlock, mapBlock,
    ],
    financialByService,
  };
}

const withoutKey = (t: Tally | undefined, key: string): Tally => Object.fromEntries(Object.entries(t ?? {}).filter(([k]) => k !== key));

/** Financial × service, with the chi-square test on the published counts (none when a cell is hidden). */
function crossTable(agg: Aggregates, labels: RubriquesLabels, pub: Publisher, word: (k: string) => string): CrossTable {
  const rows = ["true", "false"].map((k) => ({ key: k, label: word(`financial_${k}`) }));
  const cols = labels.services.map((s) => ({ key: s.code, label: s.label }));
  const cells = rows.map((r) => cols.map((c) => {
    const cell = cellOf(agg.financial_service, `${r.key}|${c.key}`);
    return pub.share(cell, cellOf(agg.service, c.key)).n;
  }));
  const complete = cells.every((r) => r.every((v) => v !== null));
  const test = complete ? chiSquare(cells as number[][]) : null;
  return {
    rows, cols, cells,
    test: test && { ...test, cells: test.cells.map((c) => ({ row: rows[c.row].key, col: cols[c.col].key, flag: c.flag, residual: c.residual })) },
  };
}

/** The per-household table with a rank (staff only; the committee never gets a row about one household). */
export function rankHouseholds(h: { rows: Omit<HouseholdTable["rows"][number], "rank">[]; total: number }): HouseholdTable {
  return { rows: h.rows.map((r, i) => ({ rank: i + 1, ...r })), total: h.total };
}
