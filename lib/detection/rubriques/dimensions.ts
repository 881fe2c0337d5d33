import { timeClass, type SituationFact } from "./facts";

/**
 * The groupings the rubriques count, as plain code over facts (tally.ts, the reference the unit
 * tests read and that query.ts's SQL is checked against on both engines). A value "" means "not
 * given" (counted apart, never in a denominator). Array dimensions count a situation once per
 * element (formes, actors, actions); household ones count households (their first situation),
 * keyed by the household's record key. Only `measured` dimensions carry sums (minutes, euros,
 * people): the others are counts and cell keys.
 */
export type Dimension = {
  name: string;
  js: (f: SituationFact) => string | string[];
  where?: (f: SituationFact) => boolean;
  household?: boolean;
  measured?: boolean;
  /** Never read by the committee (a row describes one worker). */
  staffOnly?: boolean;
};

const bool = (v: boolean | null) => (v === null ? "" : String(v));
const multi = (f: SituationFact) => f.hn >= 2;

export const DIMENSIONS: Dimension[] = [
  { name: "total", js: () => "", measured: true },
  // A. Volume.
  { name: "service", js: (f) => f.service, measured: true },
  { name: "worker", js: (f) => f.worker, staffOnly: true },
  { name: "sector", js: (f) => f.sector },
  { name: "month", js: (f) => f.detectedOn.slice(0, 7) },
  { name: "neighbourhood", js: (f) => f.neighbourhood },
  // B. Formes (each over all situations) and reasons within each forme.
  { name: "forme", js: (f) => f.formes },
  { name: "forme_reason", js: (f) => f.formeReasons },
  { name: "formes_count", js: (f) => String(Math.min(f.formes.length, 4)) },
  // C. Benefits and actors.
  { name: "financial", js: (f) => bool(f.financial) },
  { name: "benefit", js: (f) => f.benefit ?? "", where: (f) => f.financial === true },
  { name: "domain", js: (f) => f.domain ?? "", where: (f) => f.financial === false },
  { name: "actor", js: (f) => f.actors },
  { name: "actors_given", js: (f) => String(f.actors.length > 0) },
  { name: "financial_service", js: (f) => `${f.financial}|${f.service}`, where: (f) => f.financial !== null },
  // D. Cumulation (households) and cumulativity (causal links; "cumulative" = caused by another, as the report counts it).
  { name: "household_size", js: (f) => String(f.hn), where: (f) => f.hfirst, household: true },
  { name: "household_services", js: (f) => f.hservices, where: (f) => f.hfirst && f.hn >= 2, household: true },
  { name: "household_cumulative", js: (f) => String(f.hcum > 0), where: (f) => f.hfirst && f.hn >= 2, household: true },
  { name: "multi_cumulative", js: (f) => String(f.caused), where: multi },
  { name: "multi_intensity", js: (f) => f.intensity ?? "", where: multi },
  { name: "caused", js: (f) => String(f.caused) },
  { name: "induces_benefit", js: (f) => f.benefit ?? "", where: (f) => f.induces && f.financial === true },
  // E. Impact, F. intensity, G. actions.
  { name: "people", js: (f) => (f.people === null ? "" : String(Math.min(f.people, 5))) },
  { name: "intensity", js: (f) => f.intensity ?? "" },
  { name: "action", js: (f) => f.actions },
  { name: "actions_count", js: (f) => String(Math.min(f.actions.length, 4)) },
  // H. Cost for the CCAS.
  { name: "time_service", js: (f) => `${timeClass(f.minutes)}|${f.service}` },
  { name: "optional_aid", js: (f) => bool(f.aidRequested), where: (f) => f.instructs, measured: true },
  // Resolution.
  { name: "status", js: (f) => f.status },
  { name: "resolution", js: (f) => f.resolution ?? "", where: (f) => f.status === "resolved" },
];
