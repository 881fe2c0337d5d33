import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * Checks a phone number (French by default) and an e-mail address, at least one of them
 * required; issues are added under "phone" and "email". It reads the raw values, so that it can
 * run even when another field of the form failed (every problem is reported at once).
 */
export function checkContactPoints(v: { phone?: unknown; email?: unknown }, ctx: { addIssue: z.RefinementCtx["addIssue"] }) {
  const phoneText = text(v.phone);
  const emailText = text(v.email);
  if (phoneText && !parsePhoneNumberFromString(phoneText, "FR")?.isValid()) ctx.addIssue({ code: "custom", path: ["phone"], message: "phone" });
  if (emailText && !z.email().safeParse(emailText).success) ctx.addIssue({ code: "custom", path: ["email"], message: "email" });
  if (!phoneText && !emailText) ctx.addIssue({ code: "custom", path: ["phone"], message: "phone_or_email" });
}

/** The checked contact points, the phone normalised to E.164 (e.g. +33612345678). */
export function normaliseContactPoints(v: { phone?: string; email?: string }) {
  const phone = v.phone ? parsePhoneNumberFromString(v.phone, "FR") : undefined;
  return { phone: phone?.isValid() ? phone.number : null, email: v.email || null };
}

/** Runs a refinement even when fields of the object already failed. */
export const ALWAYS = { when: () => true };
