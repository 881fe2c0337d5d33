/**
 * One situation as the rubriques read it (the SQL's `s` rows, or a test's hand-made rows).
 * Household columns (hn, hfirst, hcum, hservices) describe the situation's household within the
 * filtered set: the rubriques count households among the situations the filters keep.
 */
export type SituationFact = {
  id: string;
  /** Record keys of the situation and of its household (0 … 2³² − 1; decision 0007). */
  rk: number; hrk: number;
  household: string;
  detectedOn: string;
  service: string;
  /** The service instructs optional aid (the ASF instructors). */
  instructs: boolean;
  /** The worker's user id, "label:<legacy code>", or "" when unknown. */
  worker: string;
  sector: string;
  neighbourhood: string;
  people: number | null;
  financial: boolean | null;
  benefit: string | null;
  domain: string | null;
  actors: string[];
  intensity: string | null;
  /** Caused by another situation (link or legacy flag) / causes at least one other. */
  caused: boolean; induces: boolean;
  actions: string[];
  minutes: number | null;
  missedMonthly: number | null; missedMonths: number | null;
  aidRequested: boolean | null; aidGranted: number | null;
  status: string; resolution: string | null; openedMonthly: number | null;
  formes: string[];
  /** "forme|reason" (reason "" when not given). */
  formeReasons: string[];
  hn: number; hfirst: boolean; hcum: number; hservices: string;
};

/** Minutes in the classes the cost rubrique shows. */
export function timeClass(minutes: number | null): string {
  if (minutes === null) return "";
  if (minutes <= 15) return "0_15";
  if (minutes <= 30) return "16_30";
  if (minutes <= 60) return "31_60";
  return "61_plus";
}
export const TIME_CLASSES = ["0_15", "16_30", "31_60", "61_plus"] as const;

/** Fills the household columns from the rows themselves (the SQL does it with window functions). */
export function withHouseholdColumns<T extends Omit<SituationFact, "hn" | "hfirst" | "hcum" | "hservices">>(rows: T[]): (T & Pick<SituationFact, "hn" | "hfirst" | "hcum" | "hservices">)[] {
  const by = new Map<string, T[]>();
  for (const r of rows) by.set(r.household, [...(by.get(r.household) ?? []), r]);
  return rows.map((r) => {
    const hh = by.get(r.household)!;
    const services = [...new Set(hh.map((x) => x.service))].sort();
    return {
      ...r, hn: hh.length, hfirst: [...hh].sort((a, b) => a.id.localeCompare(b.id))[0] === r,
      hcum: hh.filter((x) => x.caused).length,
      hservices: services.length > 1 ? `${services[0]}+${services[services.length - 1]}` : services[0],
    };
  });
}
