import { timeClass, type SituationFact } from "./facts";

/**
 * The groupings the rubriques count, written once for both paths: `sql` is an expression over
 * the filtered situations `s` (query.ts), `js` the same over a fact (tally.ts, the unit tests'
 * reference). A dimension's value "" means "not given" (counted apart, never in a denominator).
 * `array` dimensions count a situation once per element (formes, actors, actions);
 * `household` ones count households (their first situation), keyed by the household's record key.
 */
export type Dimension = {
  name: string;
  sql: string;
  js: (f: SituationFact) => string | string[];
  where?: { sql: string; js: (f: SituationFact) => boolean };
  /** The array column of `s` an array dimension unnests (as `x.v`). */
  array?: "formes" | "forme_reasons" | "actors" | "actions";
  household?: boolean;
  /** Never read by the committee (a row describes one worker or one household). */
  staffOnly?: boolean;
};

const bool = (v: boolean | null) => (v === null ? "" : String(v));
const financialOnly = { sql: "s.financial is true", js: (f: SituationFact) => f.financial === true };
const multi = { sql: "s.hn >= 2", js: (f: SituationFact) => f.hn >= 2 };

export const DIMENSIONS: Dimension[] = [
  { name: "total", sql: "''", js: () => "" },
  // A. Volume.
  { name: "service", sql: "s.service", js: (f) => f.service },
  { name: "worker", sql: "s.worker", js: (f) => f.worker, staffOnly: true },
  { name: "sector", sql: "s.sector", js: (f) => f.sector },
  { name: "month", sql: "to_char(s.detected_on, 'YYYY-MM')", js: (f) => f.detectedOn.slice(0, 7) },
  { name: "neighbourhood", sql: "s.neighbourhood", js: (f) => f.neighbourhood },
  // B. Formes (each over all situations) and reasons within each forme.
  { name: "forme", sql: "x.v", js: (f) => f.formes, array: "formes" },
  { name: "forme_reason", sql: "x.v", js: (f) => f.formeReasons, array: "forme_reasons" },
  { name: "formes_count", sql: "least(cardinality(s.formes), 4)::text", js: (f) => String(Math.min(f.formes.length, 4)) },
  // C. Benefits and actors.
  { name: "financial", sql: "coalesce(s.financial::text, '')", js: (f) => bool(f.financial) },
  { name: "benefit", sql: "coalesce(s.benefit, '')", js: (f) => f.benefit ?? "", where: financialOnly },
  { name: "domain", sql: "coalesce(s.domain, '')", js: (f) => f.domain ?? "", where: { sql: "s.financial is false", js: (f) => f.financial === false } },
  { name: "actor", sql: "x.v", js: (f) => f.actors, array: "actors" },
  { name: "actors_given", sql: "(cardinality(s.actors) > 0)::text", js: (f) => String(f.actors.length > 0) },
  { name: "financial_service", sql: "s.financial::text || '|' || s.service", js: (f) => `${f.financial}|${f.service}`, where: { sql: "s.financial is not null", js: (f) => f.financial !== null } },
  // D. Cumulation (households) and cumulativity (causal links).
  { name: "household_size", sql: "s.hn::text", js: (f) => String(f.hn), where: { sql: "s.hfirst", js: (f) => f.hfirst }, household: true },
  { name: "household_services", sql: "s.hservices", js: (f) => f.hservices, where: { sql: "s.hfirst and s.hn >= 2", js: (f) => f.hfirst && f.hn >= 2 }, household: true },
  { name: "household_cumulative", sql: "(s.hcum > 0)::text", js: (f) => String(f.hcum > 0), where: { sql: "s.hfirst and s.hn >= 2", js: (f) => f.hfirst && f.hn >= 2 }, household: true },
  { name: "multi_cumulative", sql: "(s.caused or s.induces)::text", js: (f) => String(f.caused || f.induces), where: multi },
  { name: "multi_intensity", sql: "coalesce(s.intensity, '')", js: (f) => f.intensity ?? "", where: multi },
  { name: "caused", sql: "s.caused::text", js: (f) => String(f.caused) },
  { name: "induces_benefit", sql: "coalesce(s.benefit, '')", js: (f) => f.benefit ?? "", where: { sql: "s.induces and s.financial is true", js: (f) => f.induces && f.financial === true } },
  // E. Impact, F. intensity, G. actions.
  { name: "people", sql: "case when s.people is null then '' else least(s.people, 5)::text end", js: (f) => (f.people === null ? "" : String(Math.min(f.people, 5))) },
  { name: "intensity", sql: "coalesce(s.intensity, '')", js: (f) => f.intensity ?? "" },
  { name: "action", sql: "x.v", js: (f) => f.actions, array: "actions" },
  { name: "actions_count", sql: "least(cardinality(s.actions), 4)::text", js: (f) => String(Math.min(f.actions.length, 4)) },
  // H. Cost for the CCAS.
  { name: "time_service", sql: `(case when s.minutes is null then '' when s.minutes <= 15 then '0_15' when s.minutes <= 30 then '16_30'
    when s.minutes <= 60 then '31_60' else '61_plus' end) || '|' || s.service`, js: (f) => `${timeClass(f.minutes)}|${f.service}` },
  { name: "optional_aid", sql: "coalesce(s.aid_requested::text, '')", js: (f) => bool(f.aidRequested), where: { sql: "s.instructs", js: (f) => f.instructs } },
  // Resolution.
  { name: "status", sql: "s.status", js: (f) => f.status },
  { name: "resolution", sql: "coalesce(s.resolution, '')", js: (f) => f.resolution ?? "", where: { sql: "s.status = 'resolved'", js: (f) => f.status === "resolved" } },
];

export type DimensionName = (typeof DIMENSIONS)[number]["name"];
