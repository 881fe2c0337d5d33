import { BENEFIT_GROUPS, FORME_CODES, RESOLUTIONS } from "../reference";

/**
 * Pure: the figures of an interpellation dossier from the situations that involve the institution
 * in the period. Every figure carries its denominator (the situations concerned) and the
 * non-answers apart, as the report does; amounts are summed in cents (no float drift).
 */
export type DossierSituation = {
  id: string;
  detectedOn: string;
  financial: boolean | null;
  benefitCode: string | null;
  domain: string | null;
  intensity: string | null;
  status: string;
  resolution: string | null;
  openedMonthly: number | null;
  timeMinutes: number | null;
  missedMonthly: number | null;
  missedMonths: number | null;
  optionalAidRequested: boolean | null;
  optionalAidGranted: number | null;
  summary: string | null;
  formes: { forme: string; reason: string | null }[];
};

export type Count = { code: string; count: number };
export type DossierFigures = {
  total: number;
  /** Each forme over all situations (a situation may have several), reasons within it. */
  formes: { forme: string; count: number; reasons: Count[]; noReason: number }[];
  withoutForme: number;
  financial: { financial: number; nonFinancial: number; unknown: number };
  /** Financial situations by benefit group (report order); `unknown`: financial, benefit not given. */
  groups: Count[];
  groupUnknown: number;
  /** Non-financial situations by public-policy domain; `unknown`: domain not given. */
  domains: Count[];
  domainUnknown: number;
  intensity: { complete: number; partial: number; unknown: number };
  cost: {
    minutes: number; minutesAnswered: number;
    aidRequested: number; aidGrantedCount: number; aidGranted: number;
    missedMonthly: number; missedMonthlyAnswered: number;
    /** Monthly amount × months, over the situations where both were given. */
    missedTotal: number; missedTotalAnswered: number;
  };
  outcome: {
    open: number; inProgress: number; resolved: number;
    resolutions: Count[];
    rightsOpened: number; openedMonthly: number;
  };
};

const cents = (euros: number | null) => (euros === null ? 0 : Math.round(euros * 100));

/** Counts by code, most frequent first, ties in the order given by `order` then by code. */
function ranked(counts: Map<string, number>, order: string[] = []): Count[] {
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return [...counts].map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}

function bump(m: Map<string, number>, code: string) {
  m.set(code, (m.get(code) ?? 0) + 1);
}

export function assembleDossier(rows: DossierSituation[], groupOf: (benefitCode: string) => string): DossierFigures {
  const formeCount = new Map<string, number>();
  const reasons = new Map<string, Map<string, number>>();
  const noReason = new Map<string, number>();
  const groups = new Map<string, number>();
  const domains = new Map<string, number>();
  const resolutions = new Map<string, number>();
  const f: DossierFigures = {
    total: rows.length, formes: [], withoutForme: 0,
    financial: { financial: 0, nonFinancial: 0, unknown: 0 }, groups: [], groupUnknown: 0, domains: [], domainUnknown: 0,
    intensity: { complete: 0, partial: 0, unknown: 0 },
    cost: { minutes: 0, minutesAnswered: 0, aidRequested: 0, aidGrantedCount: 0, aidGranted: 0, missedMonthly: 0, missedMonthlyAnswered: 0, missedTotal: 0, missedTotalAnswered: 0 },
    outcome: { open: 0, inProgress: 0, resolved: 0, resolutions: [], rightsOpened: 0, openedMonthly: 0 },
  };
  let aidCents = 0, missedCents = 0, missedTotalCents = 0, openedCents = 0;
  for (const s of rows) {
    // A forme counted once per situation even if a row were repeated.
    const seen = new Set<string>();
    for (const fm of s.formes) {
      if (seen.has(fm.forme)) continue;
      seen.add(fm.forme);
      bump(formeCount, fm.forme);
      if (fm.reason) {
        if (!reasons.has(fm.forme)) reasons.set(fm.forme, new Map());
        bump(reasons.get(fm.forme)!, fm.reason);
      } else bump(noReason, fm.forme);
    }
    if (!seen.size) f.withoutForme++;

    if (s.financial === true) {
      f.financial.financial++;
      if (s.benefitCode) bump(groups, groupOf(s.benefitCode));
      else f.groupUnknown++;
    } else if (s.financial === false) {
      f.financial.nonFinancial++;
      if (s.domain) bump(domains, s.domain);
      else f.domainUnknown++;
    } else f.financial.unknown++;

    if (s.intensity === "complete") f.intensity.complete++;
    else if (s.intensity === "partial") f.intensity.partial++;
    else f.intensity.unknown++;

    if (s.timeMinutes !== null) {
      f.cost.minutes += s.timeMinutes;
      f.cost.minutesAnswered++;
    }
    if (s.optionalAidRequested) f.cost.aidRequested++;
    if (s.optionalAidGranted !== null && s.optionalAidGranted > 0) {
      f.cost.aidGrantedCount++;
      aidCents += cents(s.optionalAidGranted);
    }
    if (s.missedMonthly !== null) {
      f.cost.missedMonthlyAnswered++;
      missedCents += cents(s.missedMonthly);
      if (s.missedMonths !== null) {
        f.cost.missedTotalAnswered++;
        missedTotalCents += cents(s.missedMonthly) * s.missedMonths;
      }
    }

    if (s.status === "resolved") {
      f.outcome.resolved++;
      if (s.resolution) bump(resolutions, s.resolution);
      if (s.resolution === "right_opened") {
        f.outcome.rightsOpened++;
        openedCents += cents(s.openedMonthly);
      }
    } else if (s.status === "in_progress") f.outcome.inProgress++;
    else f.outcome.open++;
  }
  f.formes = FORME_CODES.filter((c) => formeCount.has(c)).concat([...formeCount.keys()].filter((c) => !FORME_CODES.includes(c)))
    .map((forme) => ({ forme, count: formeCount.get(forme)!, reasons: ranked(reasons.get(forme) ?? new Map()), noReason: noReason.get(forme) ?? 0 }));
  f.groups = ranked(groups, BENEFIT_GROUPS.map((g) => g.code));
  f.domains = ranked(domains);
  f.outcome.resolutions = ranked(resolutions, RESOLUTIONS.map((r) => r.code));
  f.cost.aidGranted = aidCents / 100;
  f.cost.missedMonthly = missedCents / 100;
  f.cost.missedTotal = missedTotalCents / 100;
  f.outcome.openedMonthly = openedCents / 100;
  return f;
}

/** Pure: a dossier's state as the list shows it. */
export type DossierStatus = "draft" | "sent" | "answered";
export function dossierStatus(d: { sentOn: string | null; answeredOn: string | null; answer: string | null }): DossierStatus {
  if (d.answeredOn || d.answer) return "answered";
  return d.sentOn ? "sent" : "draft";
}
