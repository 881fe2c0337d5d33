import { z } from "zod";
import { contactPoints } from "@/lib/contact/contact-points";

/** The contact step of a booking, validated on the server. Error keys: booking.errors.*. */
export const contactSchema = z
  .object({
    name: z.string().trim().min(1, { error: "name" }).max(80, { error: "name" }),
    phone: z.string().trim().max(30, { error: "phone" }).optional(),
    email: z.string().trim().max(200, { error: "email" }).optional(),
  })
  .transform((v, ctx) => ({ name: v.name, ...contactPoints(v, ctx) }));
export type Contact = z.output<typeof contactSchema>;

const uuid = z.uuid({ error: "slot" });
/** An ISO instant as the slot links carry it. */
const instant = z.iso.datetime({ offset: true, error: "slot" }).transform((s) => new Date(s));

/** The slot being booked (hidden fields of the contact step). */
export const slotChoiceSchema = z.object({
  motiveId: uuid,
  placeId: uuid,
  start: instant,
  /** Generated when the form was rendered: a double click or a retry books once. */
  idempotencyKey: z.uuid({ error: "form" }),
});

/** A week view request (search params), lenient: bad values fall back to defaults. */
export const weekParamSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

/** FormData → the shape the schemas read. */
export function formFields(form: FormData, keys: string[]) {
  return Object.fromEntries(keys.map((k) => {
    const v = form.get(k);
    return [k, typeof v === "string" && v.trim() !== "" ? v : undefined];
  }));
}

