import { z } from "zod";
import { setStatusByStaff, STAFF_STATUSES } from "@/lib/booking/manage";
import { staffAppointmentRequest } from "@/lib/booking/staff-appointment-request";
import { staffFormHandler } from "@/lib/http/staff-handler";

const statusSchema = z.object({ status: z.enum(STAFF_STATUSES) });

/** Seen, no-show, excused or revoked, set from the calendar. */
export const POST = staffFormHandler<{ id: string }>(async (request, form, { id }) => {
  const { user, db, territory, page } = await staffAppointmentRequest(request, id);
  const parsed = statusSchema.safeParse({ status: form.get("status") });
  if (!parsed.success) return page("invalid");
  const r = await setStatusByStaff(db, territory, id, parsed.data.status, user.id, new Date());
  return page(r.ok ? "saved" : r.problem);
});
