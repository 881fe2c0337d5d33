import type { Db } from "@/db/client";
import type { TerritorySettings } from "@/db/schema";
import type { StaffUser } from "@/lib/auth/authenticate";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locale";
import { BENEFIT_GROUPS } from "../reference";
import { parseRubriquesFilters, type RubriquesFilters } from "./filters";
import { loadContext, loadRubriques, rubriquesAudience, RUBRIQUES_ERRORS } from "./load";
import { loadSituationMap } from "./map";
import { rubriquesWords } from "./words";

type Territory = { id: string; slug: string; name: string; settings: TerritorySettings | null };
type Option = { value: string; label: string };

/**
 * What the analysis page and the report show for the URL's filters: bad filters give their
 * French messages and the unfiltered rubriques; the territory was checked by the caller.
 */
export async function loadAnalysisPage(db: Db, territory: Territory, params: Record<string, string | string[] | undefined>, user: Pick<StaffUser, "role">, locale: Locale) {
  const parsed = parseRubriquesFilters(params);
  const errors = parsed.ok ? [] : [...parsed.errors];
  let filters: RubriquesFilters = parsed.filters;
  const words = rubriquesWords(locale);
  let loaded = await loadRubriques(db, territory, filters, rubriquesAudience(user, filters), words);
  if (!loaded.ok) {
    errors.push(RUBRIQUES_ERRORS[loaded.error]);
    filters = {};
    loaded = await loadRubriques(db, territory, filters, rubriquesAudience(user, filters), words);
  }
  if (!loaded.ok) throw new Error("unfiltered rubriques refused");
  const rubriques = loaded.rubriques;
  const ctx = await loadContext(db, territory.id, {}, words);
  const active = (list: { code: string; label: string; archived?: boolean }[]): Option[] => list.filter((e) => !e.archived).map((e) => ({ value: e.code, label: e.label }));
  const options = {
    services: ctx.services.map((s) => ({ value: s.code, label: s.label })),
    sectors: Object.entries(ctx.labels.areas).map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "fr")),
    groups: BENEFIT_GROUPS.map((g) => ({ value: `group:${g.code}`, label: g.label })),
    benefits: active(ctx.lists.benefit),
    actors: active(ctx.lists.actor),
    figures: can(user, "detection:record"),
  };
  const map = await loadSituationMap(db, territory.id, rubriques);
  return { errors, filters, rubriques, options, map };
}
export type AnalysisOptions = Awaited<ReturnType<typeof loadAnalysisPage>>["options"];
