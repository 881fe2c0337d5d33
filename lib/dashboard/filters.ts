import { z } from "zod";
import { optionalParam, parseSearchParams, type SearchParamsInput } from "@/lib/validation/search-params";
import { MODES } from "@/db/schema/responses";
import { calendarDate } from "@/lib/validation/parsers";
import { CHOICE_KEY, INDICATOR_KEYS } from "./indicators";

export const SEXES = ["femme", "homme", "autre"] as const;
export const HOUSEHOLDS = ["alone", "couple_no_child", "couple_with_children", "single_parent", "with_family_or_others"] as const;
/** Age bands, in whole years at the time of the answer. */
export const AGE_BANDS = { "15_24": [15, 24], "25_34": [25, 34], "35_49": [35, 49], "50_64": [50, 64], "65_plus": [65, 130] } as const;
export type AgeBand = keyof typeof AGE_BANDS;
/** Real responses, the synthetic ones (demo / benchmark data), or both. */
export const SOURCES = ["real", "synthetic", "all"] as const;
/** Exact figures (territory lead, admin) or the committee's perturbed ones. */
export const FIGURES = ["exact", "published"] as const;

const day = calendarDate();
const empty = (v: unknown) => (v === "" ? undefined : v);
const opt = optionalParam;

/**
 * The whole view of the dashboard, from the URL's search parameters (a shareable link).
 * Unknown parameters are ignored; a known one with a bad value is an error (in French).
 */
export const dashboardFiltersSchema = z.object({
  t: opt(z.string().regex(/^[a-z0-9-]{1,60}$/, "Territoire inconnu.")),
  indicator: z.preprocess(empty, z.string()
    .refine((v) => (INDICATOR_KEYS as readonly string[]).includes(v) || CHOICE_KEY.test(v), "Indicateur inconnu.")
    .default("non_recours")),
  // Any benefit of the territory (the common ones and its own): checked against the facts' dictionary by the view.
  benefit: opt(z.string().regex(/^[a-z0-9][a-z0-9_]{0,79}$/, "Prestation inconnue.")),
  from: opt(day),
  to: opt(day),
  sex: opt(z.enum(SEXES, { message: "Valeur de sexe inconnue." })),
  age: opt(z.enum(Object.keys(AGE_BANDS) as [AgeBand, ...AgeBand[]], { message: "Tranche d'âge inconnue." })),
  household: opt(z.enum(HOUSEHOLDS, { message: "Type de foyer inconnu." })),
  site: opt(z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, "Lieu de collecte inconnu.")),
  mode: opt(z.enum(MODES, { message: "Mode de collecte inconnu." })),
  level: opt(z.string().regex(/^[a-z0-9_]{1,40}$/, "Niveau géographique inconnu.")),
  source: opt(z.enum(SOURCES, { message: "Source de données inconnue." })),
  figures: opt(z.enum(FIGURES, { message: "Choix de chiffres inconnu." })),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "La fin de la période précède son début." });

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;
export const FILTER_KEYS = ["indicator", "benefit", "from", "to", "sex", "age", "household", "site", "mode", "level", "source", "figures"] as const;

export type ParsedFilters = { ok: true; filters: DashboardFilters } | { ok: false; errors: string[]; filters: DashboardFilters };

/** Parses search parameters; on error, the messages and the default view (nothing applied). */
export function parseDashboardFilters(params: SearchParamsInput): ParsedFilters {
  const r = parseSearchParams(dashboardFiltersSchema, params);
  if (r.ok) return { ok: true, filters: r.data };
  return { ok: false, errors: r.errors, filters: dashboardFiltersSchema.parse({ t: /^[a-z0-9-]{1,60}$/.test(r.flat.t ?? "") ? r.flat.t : undefined }) };
}

/** The query string of a view (only what differs from the defaults), for links and exports. */
export function filtersQuery(f: Partial<DashboardFilters>, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.t) q.set("t", f.t);
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v !== undefined && v !== "" && !(k === "indicator" && v === "non_recours")) q.set(k, String(v));
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
