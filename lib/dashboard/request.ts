import type { Db } from "@/db/client";
import type { StaffUser } from "@/lib/auth/authenticate";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import type { TerritorySettings } from "@/db/schema/territories";
import { dashboardAudience } from "./audience";
import { parseDashboardFilters, type DashboardFilters } from "./filters";
import { buildView, type DashboardView, type ViewError } from "./view";

export const VIEW_ERRORS: Record<ViewError, string> = {
  unknown_level: "Découpage inconnu pour ce territoire.",
  unknown_site: "Lieu de collecte inconnu pour ce territoire.",
  no_level: "Ce territoire n'a pas encore de quartiers.",
  unknown_indicator: "Indicateur inconnu pour ce territoire.",
  unknown_benefit: "Prestation inconnue pour ce territoire.",
};

export type DashboardRequest = {
  user: StaffUser;
  territory: { id: string; slug: string; name: string; settings: TerritorySettings | null };
  filters: DashboardFilters;
  view: DashboardView;
};

/**
 * The top of every dashboard route handler: permission, then territory (another one → 404),
 * then the filters (bad input → 400 with a French message), then the view.
 */
export async function dashboardRequest(db: Db, request: Request): Promise<DashboardRequest> {
  const user = await requirePermissionApi("dashboard:read");
  const params = new URL(request.url).searchParams;
  const territory = await staffTerritoryApi(db, user, params.get("t") ?? undefined);
  const parsed = parseDashboardFilters(params);
  if (!parsed.ok) throw new HttpError(400, parsed.errors.join(" "));
  const built = await buildView(db, territory, parsed.filters, dashboardAudience(user, parsed.filters));
  if (!built.ok) throw new HttpError(400, VIEW_ERRORS[built.error]);
  return { user, territory, filters: parsed.filters, view: built.view };
}
