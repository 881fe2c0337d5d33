import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { slotChoiceSchema } from "@/lib/booking/booking-schema";
import { findById, moveByStaff } from "@/lib/booking/manage";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { isUuid } from "@/lib/validation/parsers";

/** An agent moves an appointment to a free slot chosen on its page (reached from the calendar). */
export const POST = staffFormHandler<{ id: string }>(async (request, form, { id }) => {
  const user = await requirePermissionApi("appointments:handle");
  if (!isUuid(id)) throw new HttpError(404, "Rendez-vous introuvable.");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  if (!(await findById(db, territory.id, id))) throw new HttpError(404, "Rendez-vous introuvable.");
  const page = (msg: string) => seeOther(request, `/staff/rendez-vous/${id}?${user.role === "admin" ? `t=${territory.slug}&` : ""}msg=${msg}`);
  const slot = slotChoiceSchema.pick({ placeId: true, start: true }).safeParse({ placeId: form.get("placeId") ?? undefined, start: form.get("start") ?? undefined });
  if (!slot.success) return page("invalid");
  const r = await moveByStaff(db, territory, id, slot.data, user.id, new Date());
  return page(r.ok ? "moved" : r.problem === "not_upcoming" ? "not_upcoming" : "slot_gone");
});
