import { getDb } from "@/db/client";
import { requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { rotateFeedToken } from "@/lib/booking/calendar";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";

/** Creates or replaces the signed-in agent's private calendar feed; the URL is shown once. */
export const POST = staffFormHandler<Record<string, never>>(async (request) => {
  const user = await requirePermissionApi("appointments:handle");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const token = await rotateFeedToken(db, territory.id, user.id);
  return seeOther(request, `/staff/rendez-vous?${user.role === "admin" ? `t=${territory.slug}&` : ""}flux=${token}#feed`);
});
