import type { Db } from "@/db/client";
import type { TerritorySettings } from "@/db/schema/territories";
import type { Locale } from "@/lib/i18n/locale";
import type { T } from "@/lib/i18n/server";
import type { StaffUser } from "@/lib/auth/authenticate";
import { can } from "@/lib/auth/permissions";
import { listSites } from "@/lib/territories/queries";
import { dashboardAudience } from "./audience";
import { areaFeatures, siteFeatures } from "./areas";
import { dashboardFiltersSchema, parseDashboardFilters, type DashboardFilters } from "./filters";
import { loadTerritoryBenefitLabels } from "./benefits";
import { loadChoiceCatalogue } from "./choice-catalogue";
import { filterOptions, indicatorGroups } from "./labels";
import { loadPanels } from "./panels";
import { VIEW_ERRORS } from "./request";
import { buildView, syntheticCount } from "./view";

type Territory = { id: string; slug: string; name: string; settings: TerritorySettings | null };

/**
 * Everything the dashboard page shows, for one territory and the URL's view. Invalid filters
 * give their French messages and the default view; the territory was checked by the caller.
 */
export async function loadDashboardPage(
  db: Db, territory: Territory, params: Record<string, string | string[] | undefined>, t: T, locale: Locale, user: Pick<StaffUser, "role">,
) {
  const parsed = parseDashboardFilters(params);
  const errors = parsed.ok ? [] : [...parsed.errors];
  let filters: DashboardFilters = parsed.filters;
  let built = await buildView(db, territory, filters, dashboardAudience(user, filters));
  if (!built.ok) {
    errors.push(VIEW_ERRORS[built.error]);
    if (built.error === "no_level") return { errors, view: null } as const;
    filters = dashboardFiltersSchema.parse({});
    built = await buildView(db, territory, filters, dashboardAudience(user, filters));
    if (!built.ok) return { errors, view: null } as const;
  }
  const view = built.view;
  const [areas, sites, siteList, synthetic, panels, catalogue, benefits] = await Promise.all([
    areaFeatures(db, territory.id, view.level.id), siteFeatures(db, territory.id), listSites(db, territory.id, { includeArchived: true }),
    syntheticCount(db, territory.id), loadPanels(db, territory, filters, view), loadChoiceCatalogue(db, territory.id),
    loadTerritoryBenefitLabels(db, territory.id, locale),
  ]);
  const groups = indicatorGroups(t, locale, catalogue);
  const tk = t as unknown as (k: string) => string;
  const options = {
    ...filterOptions(t, locale, benefits),
    indicators: groups,
    sites: siteList.map((s) => ({ value: s.code, label: s.name })),
    levels: view.levels.map((l) => ({ value: l.key, label: l.name })),
    sources: synthetic > 0 || view.source !== "real" ? (["real", "synthetic", "all"] as const).map((s) => ({ value: s, label: tk(`dashboard.source_${s}`) })) : null,
    figures: can(user, "dashboard:exact") ? (["exact", "published"] as const).map((s) => ({ value: s, label: tk(`dashboard.figures_${s}`) })) : null,
  };
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (typeof v === "string" && v) values[k] = v;
  values.level = view.level.key;
  return {
    errors, view, filters, values, options, areas, sites, synthetic, panels, catalogue,
    benefitLabels: Object.fromEntries(options.benefits.map((b) => [b.value, b.label])),
    indicatorLabels: Object.fromEntries(groups.flatMap((g) => g.options.map((o) => [o.value, o.label]))),
  } as const;
}
