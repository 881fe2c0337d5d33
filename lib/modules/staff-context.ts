import { getDb } from "@/db/client";
import { requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";

export const MODULE_PATH = "/staff/module";

/**
 * Every module route handler starts here: `territory:configure` (territory_admin for theirs,
 * admin for any, chosen with ?t=slug), then the territory; another one is not found.
 */
export async function moduleRouteContext(request: Request) {
  const user = await requirePermissionApi("territory:configure");
  const db = await getDb();
  const slug = new URL(request.url).searchParams.get("t")?.slice(0, 60) ?? undefined;
  const territory = await staffTerritoryApi(db, user, slug);
  const href = (sub = "", params: Record<string, string> = {}) => {
    const qs = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...params }).toString();
    return `${MODULE_PATH}${sub}${qs ? `?${qs}` : ""}`;
  };
  return { user, db, territory, href };
}
