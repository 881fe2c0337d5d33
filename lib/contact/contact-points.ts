import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";

/**
 * Checks a phone number (French by default, normalised to E.164) and an e-mail address, at least
 * one of them required; issues are added to the zod context under "phone" and "email".
 */
export function contactPoints(v: { phone?: string; email?: string }, ctx: z.RefinementCtx) {
  const phone = v.phone ? parsePhoneNumberFromString(v.phone, "FR") : undefined;
  if (v.phone && !phone?.isValid()) ctx.addIssue({ code: "custom", path: ["phone"], message: "phone" });
  const email = v.email || undefined;
  if (email && !z.email().safeParse(email).success) ctx.addIssue({ code: "custom", path: ["email"], message: "email" });
  if (!v.phone && !email) ctx.addIssue({ code: "custom", path: ["phone"], message: "phone_or_email" });
  return { phone: phone?.isValid() ? phone.number : null, email: email ?? null };
}
