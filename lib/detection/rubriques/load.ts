import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { neighbourhoods, users, type TerritorySettings } from "@/db/schema";
import type { StaffUser } from "@/lib/auth/authenticate";
import { can } from "@/lib/auth/permissions";
import { committeePeriod } from "@/lib/dashboard/audience";
import { effectiveThreshold } from "@/lib/dashboard/suppression";
import { loadLists } from "../options";
import { BENEFIT_GROUPS, FORMES } from "../reference";
import { listServices } from "../services";
import { buildBlocks, rankHouseholds } from "./build";
import type { ResolvedFilters, RubriquesFilters } from "./filters";
import { committeePublisher, exactPublisher, type Audience } from "./publish";
import { cachedByVersion } from "./cache";
import { queryAggregates, queryHouseholds } from "./query";
import type { Rubriques, RubriquesLabels } from "./types";

type Territory = { id: string; slug: string; settings: TerritorySettings | null };

/**
 * Who reads the rubriques: those who record situations (CCAS agents, the territory lead, the
 * platform admin) read exact figures unless they preview the committee's (`figures=published`);
 * everyone else with `detection:analyse` (the committee) reads the protected ones.
 */
export function rubriquesAudience(user: Pick<StaffUser, "role">, f: Pick<RubriquesFilters, "figures">): Audience {
  return can(user, "detection:record") && f.figures !== "published" ? "exact" : "committee";
}

export type RubriquesError = "unknown_service" | "unknown_sector" | "unknown_benefit" | "unknown_actor";
export const RUBRIQUES_ERRORS: Record<RubriquesError, string> = {
  unknown_service: "Service détecteur inconnu pour ce territoire.",
  unknown_sector: "Secteur inconnu pour ce territoire.",
  unknown_benefit: "Prestation inconnue pour ce territoire.",
  unknown_actor: "Acteur inconnu pour ce territoire.",
};

/** The labels every code needs, and the filters resolved against the territory (codes → ids). */
export async function loadContext(db: Db, territoryId: string, filters: RubriquesFilters, words: Record<string, string>) {
  const [lists, services, areas] = await Promise.all([
    loadLists(db, territoryId), listServices(db, territoryId, { includeArchived: true }),
    db.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.territoryId, territoryId)),
  ]);
  const labels: RubriquesLabels = {
    services: services.map((s) => ({ code: s.code, label: s.label })), workers: {},
    areas: Object.fromEntries(areas.map((a) => [a.id, a.name])),
    formes: FORMES, reasons: lists.reason, benefits: lists.benefit, groups: BENEFIT_GROUPS,
    domains: lists.domain, actors: lists.actor, actions: lists.action, words,
  };
  const resolved: ResolvedFilters = { from: filters.from, to: filters.to, actor: filters.actor };
  let error: RubriquesError | null = null;
  if (filters.service) {
    resolved.serviceId = services.find((s) => s.code === filters.service)?.id;
    if (!resolved.serviceId) error = "unknown_service";
  }
  if (filters.sector) {
    if (!labels.areas[filters.sector]) error = "unknown_sector";
    else resolved.sectorId = filters.sector;
  }
  if (filters.benefit) {
    const group = filters.benefit.startsWith("group:") ? filters.benefit.slice(6) : null;
    const codes = group ? lists.benefit.filter((b) => (b.parent ?? "autres") === group).map((b) => b.code) : lists.benefit.filter((b) => b.code === filters.benefit).map((b) => b.code);
    if (!codes.length && !(group && BENEFIT_GROUPS.some((g) => g.code === group))) error = "unknown_benefit";
    resolved.benefitCodes = codes.length ? codes : ["\u0000none"];
  }
  if (filters.actor && !lists.actor.some((a) => a.code === filters.actor)) error = "unknown_actor";
  return { labels, resolved, error, lists, services };
}

/**
 * The rubriques of one territory for one reader. The committee's period is widened to whole
 * months (fewer overlapping subsets to difference); its figures go through the committee
 * publisher; per-worker and per-household rows are never computed for it.
 */
export async function loadRubriques(
  db: Db, territory: Territory, filters: RubriquesFilters, audience: Audience, words: Record<string, string>,
): Promise<{ ok: true; rubriques: Rubriques } | { ok: false; error: RubriquesError }> {
  const ctx = await loadContext(db, territory.id, filters, words);
  if (ctx.error) return { ok: false, error: ctx.error };
  const staff = audience === "exact";
  const resolved = staff ? ctx.resolved : { ...ctx.resolved, ...committeePeriod(ctx.resolved) };
  const [agg, households] = await cachedByVersion(db, territory.id, JSON.stringify([staff, resolved]), () => Promise.all([
    queryAggregates(db, territory.id, resolved, { staff }),
    staff ? queryHouseholds(db, territory.id, resolved) : Promise.resolve(null),
  ]));
  if (staff) ctx.labels.workers = await workerNames(db, territory.id, Object.keys(agg.worker ?? {}));
  const threshold = effectiveThreshold(territory.settings?.suppressionThreshold);
  const built = buildBlocks(agg, ctx.labels, staff ? exactPublisher(threshold) : committeePublisher(threshold));
  const applied: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...filters, from: resolved.from, to: resolved.to })) if (typeof v === "string" && v && k !== "t" && k !== "figures") applied[k] = v;
  return {
    ok: true,
    rubriques: { territory: territory.slug, audience, threshold, filters: applied, ...built, households: households && rankHouseholds(households) },
  };
}

/** Workers' display names (their accounts) and legacy codes ("label:<code>" → the code). */
async function workerNames(db: Db, territoryId: string, keys: string[]): Promise<Record<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  const found = ids.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, ids), eq(users.territoryId, territoryId)))
    : [];
  const out: Record<string, string> = Object.fromEntries(found.map((u) => [u.id, u.name]));
  for (const k of keys) if (k.startsWith("label:")) out[k] = k.slice(6);
  return out;
}
