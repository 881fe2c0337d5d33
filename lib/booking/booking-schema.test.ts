import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/field-errors";
import { contactSchema } from "./booking-schema";

describe("booking contact", () => {
  it("names the missing name, and still reports a bad e-mail beside it", () => {
    const r = contactSchema.safeParse({ name: undefined, phone: undefined, email: "nope@" });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ name: "name", email: "email" });
  });
  it("asks for a phone or an e-mail, and normalises the phone", () => {
    const none = contactSchema.safeParse({ name: "Aïcha B." });
    if (!none.success) expect(fieldErrors(none.error)).toEqual({ phone: "phone_or_email" });
    expect(none.success).toBe(false);
    expect(contactSchema.parse({ name: " Aïcha B. ", phone: "06 12 34 56 78" })).toEqual({ name: "Aïcha B.", phone: "+33612345678", email: null });
  });
});
