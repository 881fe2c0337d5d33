import { z } from "zod";
import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { findById, setStatusByStaff, STAFF_STATUSES } from "@/lib/booking/manage";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { isUuid } from "@/lib/validation/parsers";

const statusSchema = z.object({ status: z.enum(STAFF_STATUSES) });

/** Seen, no-show, excused or revoked, set from the calendar. */
export const POST = staffFormHandler<{ id: string }>(async (request, form, { id }) => {
  const user = await requirePermissionApi("appointments:handle");
  if (!isUuid(id)) throw new HttpError(404, "Rendez-vous introuvable.");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  if (!(await findById(db, territory.id, id))) throw new HttpError(404, "Rendez-vous introuvable.");
  const page = (msg: string) => seeOther(request, `/staff/rendez-vous/${id}?${user.role === "admin" ? `t=${territory.slug}&` : ""}msg=${msg}`);
  const parsed = statusSchema.safeParse({ status: form.get("status") });
  if (!parsed.success) return page("invalid");
  const r = await setStatusByStaff(db, territory, id, parsed.data.status, user.id, new Date());
  return page(r.ok ? "saved" : r.problem);
});
