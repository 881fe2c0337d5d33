import { z } from "zod";
import { calendarDate, safeText, uuid as strictUuid } from "@/lib/validation/parsers";
import { ALWAYS, checkContactPoints, normaliseContactPoints } from "@/lib/contact/contact-points";

/** The contact step of a booking, validated on the server. Error keys: booking.errors.*. */
export const contactSchema = z
  .object({
    name: safeText(80, { message: "name" }).pipe(z.string().min(1, { error: "name" })),
    phone: z.string().trim().max(30, { error: "phone" }).optional(),
    email: z.string().trim().max(200, { error: "email" }).optional(),
  })
  // Checked even when the name failed: an empty name and a bad e-mail are both reported.
  .superRefine((v, ctx) => checkContactPoints(v, ctx), ALWAYS)
  .transform((v) => ({ name: v.name, ...normaliseContactPoints(v) }));
export type Contact = z.output<typeof contactSchema>;

const uuid = strictUuid("slot");
/** An ISO instant as the slot links carry it. */
const instant = z.iso.datetime({ offset: true, error: "slot" }).transform((s) => new Date(s));

/** The slot being booked (hidden fields of the contact step). */
export const slotChoiceSchema = z.object({
  motiveId: uuid,
  placeId: uuid,
  start: instant,
  /** Generated when the form was rendered: a double click or a retry books once. */
  idempotencyKey: strictUuid("form"),
});

/** A week view request (search params), lenient: bad values fall back to defaults. */
export const weekParamSchema = calendarDate().optional().catch(undefined);

/** FormData → the shape the schemas read. */
export function formFields(form: FormData, keys: string[]) {
  return Object.fromEntries(keys.map((k) => {
    const v = form.get(k);
    return [k, typeof v === "string" && v.trim() !== "" ? v : undefined];
  }));
}

