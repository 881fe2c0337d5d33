import { getDb } from "@/db/client";
import { canAccessTerritory } from "@/lib/auth/permissions";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { revokeKiosk } from "@/lib/kiosk/devices";
import { getTerritoryBySlug } from "@/lib/territories/queries";
import { isUuid } from "@/lib/validation/parsers";

export const POST = staffFormHandler<{ id: string }>(async (request, form, { id }) => {
  const user = await requirePermissionApi("kiosk:manage");
  const db = await getDb();
  const territory = await getTerritoryBySlug(db, String(form.get("territory") ?? "").slice(0, 60));
  if (!territory || !canAccessTerritory(user, territory.id)) throw new HttpError(404, "Territoire inconnu.");
  if (!isUuid(id) || !(await revokeKiosk(db, territory.id, id))) throw new HttpError(404, "Borne inconnue.");
  return seeOther(request, `/staff/kiosques?t=${territory.slug}`);
});
