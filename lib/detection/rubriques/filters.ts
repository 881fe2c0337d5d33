import { z } from "zod";
import { calendarDate } from "@/lib/validation/parsers";
import { optionalParam, parseSearchParams, type SearchParamsInput } from "@/lib/validation/search-params";

const opt = optionalParam;
const code = (message: string) => z.string().regex(/^[a-z0-9][a-z0-9_]{0,79}$/, message);

/**
 * The rubriques' filters, from the URL (the page's GET form, the API, the exports). A benefit
 * filter is a benefit code or "group:<group code>". Unknown parameters are ignored; a known one
 * with a bad value is an error in French. Codes are checked against the territory by the loader.
 */
export const rubriquesFiltersSchema = z.object({
  t: opt(z.string().regex(/^[a-z0-9-]{1,60}$/, "Territoire inconnu.")),
  from: opt(calendarDate()),
  to: opt(calendarDate()),
  service: opt(code("Service détecteur inconnu.")),
  sector: opt(z.uuid("Secteur inconnu.")),
  benefit: opt(z.string().regex(/^(group:)?[a-z0-9][a-z0-9_]{0,79}$/, "Prestation inconnue.")),
  actor: opt(code("Acteur inconnu.")),
  /** Staff with exact figures may preview what the committee reads. */
  figures: opt(z.enum(["exact", "published"], { message: "Choix de chiffres inconnu." })),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "La fin de la période précède son début." });

export type RubriquesFilters = z.infer<typeof rubriquesFiltersSchema>;
export const FILTER_KEYS = ["from", "to", "service", "sector", "benefit", "actor", "figures"] as const;

export type ParsedRubriquesFilters = { ok: true; filters: RubriquesFilters } | { ok: false; errors: string[]; filters: RubriquesFilters };

export function parseRubriquesFilters(params: SearchParamsInput): ParsedRubriquesFilters {
  const r = parseSearchParams(rubriquesFiltersSchema, params);
  return r.ok ? { ok: true, filters: r.data } : { ok: false, errors: r.errors, filters: {} };
}

/** The query string of the filters (links to the report and the exports keep the view). */
export function rubriquesQuery(f: RubriquesFilters, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ t: f.t, ...Object.fromEntries(FILTER_KEYS.map((k) => [k, f[k]])), ...extra })) if (v) q.set(k, v);
  return q.toString();
}

/** The filters resolved against the territory: service code → id, benefit group → its codes. */
export type ResolvedFilters = {
  from?: string; to?: string; serviceId?: string; sectorId?: string; benefitCodes?: string[]; actor?: string;
};
