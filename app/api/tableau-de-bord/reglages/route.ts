import { getDb } from "@/db/client";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { requirePermissionApi } from "@/lib/auth/session";
import { dashboardSettingsSchema, saveDashboardSettings } from "@/lib/dashboard/settings";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";

/** The territory lead sets the suppression threshold (≥ 3) and the collection target. */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const user = await requirePermissionApi("territory:configure");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const parsed = dashboardSettingsSchema.safeParse({ suppressionThreshold: form.get("suppressionThreshold") ?? "", collectionTarget: form.get("collectionTarget") ?? "" });
  const back = (state: string) => seeOther(request, `/staff/tableau-de-bord?${user.role === "admin" ? `t=${territory.slug}&` : ""}reglages=${state}#reglages`);
  // A refused value goes back to the form with its message (never a raw text page).
  if (!parsed.success) return back(parsed.error.issues.some((i) => i.path[0] === "suppressionThreshold") ? "seuil" : "objectif");
  await saveDashboardSettings(db, territory.id, user.id, parsed.data);
  return back("1");
});
