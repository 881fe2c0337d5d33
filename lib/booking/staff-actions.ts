import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { requestExists } from "@/lib/callbacks/handle-request";
import { bookAppointment } from "./book";
import { fieldErrors } from "@/lib/http/field-errors";
import { contactSchema, formFields, slotChoiceSchema } from "./booking-schema";
import type { BookState } from "./public-actions";

/**
 * Booking on behalf of a person (prescriber flow): the same checks as online booking, but any
 * motive and no minimum delay; linked to the rights-review request it comes from.
 */
export async function submitStaffBooking(territorySlug: string | undefined, requestId: string | null, form: FormData): Promise<BookState> {
  const user = await getStaffUser();
  const values = Object.fromEntries(["name", "phone", "email"].map((k) => [k, String(form.get(k) ?? "").slice(0, 200)]));
  if (!user || !can(user, "appointments:handle")) return { errors: { form: "form" }, values, next: [] };
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, territorySlug);
  if (requestId && !(await requestExists(db, territory.id, requestId))) return { errors: { form: "form" }, values, next: [] };
  const slot = slotChoiceSchema.safeParse(formFields(form, ["motiveId", "placeId", "start", "idempotencyKey"]));
  if (!slot.success) return { errors: { form: "slot" }, values, next: [] };
  const contact = contactSchema.safeParse(formFields(form, ["name", "phone", "email"]));
  if (!contact.success) return { errors: fieldErrors(contact.error), values, next: [] };
  const r = await bookAppointment(db, {
    territory, ...slot.data, contact: contact.data, locale: "fr", now: new Date(), staff: { userId: user.id }, callbackRequestId: requestId,
  });
  if (!r.ok) return { errors: { slot: r.problem }, values, next: r.next.map((s) => s.start.toISOString()) };
  redirect(`/staff/rendez-vous/${r.appointmentId}?${user.role === "admin" ? `t=${territory.slug}&` : ""}msg=booked`);
}
