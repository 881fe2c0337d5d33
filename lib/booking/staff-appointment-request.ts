import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { seeOther } from "@/lib/http/form";
import { isUuid } from "@/lib/validation/parsers";
import { findById } from "./manage";

/**
 * The top of every staff action on one appointment: permission, territory (another one → 404),
 * the appointment in it (else 404), and the way back to its page with a message.
 */
export async function staffAppointmentRequest(request: Request, id: string) {
  const user = await requirePermissionApi("appointments:handle");
  if (!isUuid(id)) throw new HttpError(404, "Rendez-vous introuvable.");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  if (!(await findById(db, territory.id, id))) throw new HttpError(404, "Rendez-vous introuvable.");
  const page = (msg: string) => seeOther(request, `/staff/rendez-vous/${id}?${user.role === "admin" ? `t=${territory.slug}&` : ""}msg=${msg}`);
  return { user, db, territory, page };
}
