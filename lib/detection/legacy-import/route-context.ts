import { getDb } from "@/db/client";
import { requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";

export const IMPORT_PATH = "/staff/reperage/import";

/**
 * Every import route handler starts here: `detection:record` (CCAS agents and the territory lead
 * for theirs, the platform admin for any, chosen with ?t=slug), then the territory; another
 * territory is not found.
 */
export async function importRouteContext(request: Request) {
  const user = await requirePermissionApi("detection:record");
  const db = await getDb();
  const slug = new URL(request.url).searchParams.get("t")?.slice(0, 60) ?? undefined;
  const territory = await staffTerritoryApi(db, user, slug);
  const href = (params: Record<string, string> = {}, hash = "") => {
    const qs = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...params }).toString();
    return `${IMPORT_PATH}${qs ? `?${qs}` : ""}${hash}`;
  };
  return { user, db, territory, href };
}
