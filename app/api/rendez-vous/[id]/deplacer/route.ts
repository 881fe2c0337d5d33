import { slotChoiceSchema } from "@/lib/booking/booking-schema";
import { moveByStaff } from "@/lib/booking/manage";
import { staffAppointmentRequest } from "@/lib/booking/staff-appointment-request";
import { staffFormHandler } from "@/lib/http/staff-handler";

/** An agent moves an appointment to a free slot chosen on its page (reached from the calendar). */
export const POST = staffFormHandler<{ id: string }>(async (request, form, { id }) => {
  const { user, db, territory, page } = await staffAppointmentRequest(request, id);
  const slot = slotChoiceSchema.pick({ placeId: true, start: true }).safeParse({ placeId: form.get("placeId") ?? undefined, start: form.get("start") ?? undefined });
  if (!slot.success) return page("invalid");
  const r = await moveByStaff(db, territory, id, slot.data, user.id, new Date());
  return page(r.ok ? "moved" : r.problem === "not_upcoming" ? "not_upcoming" : "slot_gone");
});
