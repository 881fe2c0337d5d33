import { getDb } from "@/db/client";
import { requirePermissionApi } from "@/lib/auth/session";
import { staffPage } from "@/lib/auth/staff-page";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";

export const STAFF_PLACES_PATH = "/staff/lieux";

const hrefFor = (role: string, slug: string) => (path = "", params: Record<string, string> = {}, hash = "") => {
  const qs = new URLSearchParams({ ...(role === "admin" ? { t: slug } : {}), ...params }).toString();
  return `${STAFF_PLACES_PATH}${path}${qs ? `?${qs}` : ""}${hash}`;
};

/** Every staff help-points page starts here: places:manage (else not found), then the territory (?t= for the admin). */
export async function placesPage(t: string | undefined) {
  const { user, db, territory } = await staffPage(t, "places:manage");
  return { user, db, territory, href: hrefFor(user.role, territory.slug) };
}

/** The same for route handlers (HttpError 401/403/404). */
export async function placesRouteContext(request: Request) {
  const user = await requirePermissionApi("places:manage");
  const db = await getDb();
  const slug = new URL(request.url).searchParams.get("t")?.slice(0, 60) ?? undefined;
  const territory = await staffTerritoryApi(db, user, slug);
  return { user, db, territory, href: hrefFor(user.role, territory.slug) };
}
