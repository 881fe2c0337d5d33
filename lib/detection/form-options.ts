import type { Db } from "@/db/client";
import type { FormValues } from "./situation-schema";
import type { SituationFormOptions } from "./form-types";
import { listAreasByLevel, listSites } from "@/lib/territories/queries";
import { active, labelOf, loadLists, type DetectionLists } from "./options";
import { BENEFIT_GROUPS, FORMES } from "./reference";
import { listServices } from "./services";

/** The label of a situation's object: its benefit, or its domain for a non-financial right. */
export function objectLabel(lists: DetectionLists, s: { benefitCode: string | null; domain: string | null }): string {
  if (s.benefitCode) return labelOf(lists, "benefit", s.benefitCode);
  if (s.domain) return labelOf(lists, "domain", s.domain);
  return "—";
}

/** Everything the recording form offers, from the territory's lists (benefits grouped as the report groups them). */
export async function situationFormOptions(db: Db, territoryId: string, causes: { id: string; detectedOn: string; benefitCode: string | null; domain: string | null }[]) {
  const [lists, services, levels, sites] = await Promise.all([loadLists(db, territoryId), listServices(db, territoryId), listAreasByLevel(db, territoryId), listSites(db, territoryId)]);
  const choices = (list: keyof DetectionLists) => active(lists[list]).map((e) => ({ value: e.code, label: e.label }));
  const areaGroups = levels.filter((l) => l.areas.length).map((l) => ({ label: l.name, choices: l.areas.map((a) => ({ value: a.id, label: a.name })) }));
  const options: SituationFormOptions = {
    services: services.map((s) => ({ value: s.id, label: s.label })),
    sectors: areaGroups, neighbourhoods: areaGroups,
    sites: sites.map((s) => ({ value: s.id, label: s.name })),
    benefits: BENEFIT_GROUPS.map((g) => ({ label: g.label, choices: active(lists.benefit).filter((b) => (b.parent ?? "autres") === g.code).map((b) => ({ value: b.code, label: b.label })) }))
      .filter((g) => g.choices.length),
    domains: choices("domain"), actors: choices("actor"), actions: choices("action"), levels: choices("level"),
    formes: FORMES.map((f) => ({ value: f.code, label: f.label, reasons: active(lists.reason).filter((r) => r.parent === f.code).map((r) => ({ value: r.code, label: r.label })) })),
    causes: causes.map((c) => ({ value: c.id, label: `${c.detectedOn} — ${objectLabel(lists, c)}` })),
  };
  return { options, lists, services };
}

/** A stored situation as the form's values (for the edit form). */
export function situationToValues(s: {
  detectedOn: string; serviceId: string; sectorId: string | null; siteId: string | null; peopleConcerned: number | null; financial: boolean | null;
  benefitCode: string | null; domain: string | null; actors: string[]; intensity: string | null; causedById: string | null; actions: string[];
  timeMinutes: number | null; missedMonthly: string | null; missedMonths: number | null; optionalAidRequested: boolean | null; optionalAidGranted: string | null;
  summary: string | null; formes: { forme: string; reason: string | null; level: string | null }[];
}): FormValues {
  const str = (x: unknown) => (x === null || x === undefined ? "" : String(x));
  const yn = (b: boolean | null) => (b === null ? "" : b ? "yes" : "no");
  const out: FormValues = {
    detectedOn: s.detectedOn, serviceId: s.serviceId, sectorId: str(s.sectorId), siteId: str(s.siteId), peopleConcerned: str(s.peopleConcerned),
    financial: yn(s.financial), benefitCode: str(s.benefitCode), domain: str(s.domain), actors: s.actors, intensity: str(s.intensity),
    causedById: str(s.causedById), actions: s.actions, timeMinutes: str(s.timeMinutes), missedMonthly: str(s.missedMonthly), missedMonths: str(s.missedMonths),
    optionalAidRequested: yn(s.optionalAidRequested), optionalAidGranted: str(s.optionalAidGranted), summary: str(s.summary), formes: s.formes.map((f) => f.forme),
  };
  for (const f of s.formes) { out[`reason_${f.forme}`] = str(f.reason); out[`level_${f.forme}`] = str(f.level); }
  return out;
}
