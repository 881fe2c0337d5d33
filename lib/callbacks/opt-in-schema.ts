import { z } from "zod";
import { ALWAYS, checkContactPoints, normaliseContactPoints } from "@/lib/contact/contact-points";

/**
 * The version of the consent text the person agreed to (stored with the request). v2 adds that
 * the agent sees the person's age and household income band.
 */
export const CONSENT_VERSION = "2026-11-v2";
/** Consent versions under which the agent may see age and income band (not v1's requests). */
const PROFILE_CONSENTS = new Set(["2026-11-v2"]);
export const consentCoversProfile = (version: string) => PROFILE_CONSENTS.has(version);

/** Age in whole years, at most a year off, from a birth year (the questionnaire asks no more). */
export function approximateAge(birthYear: unknown, now: Date): number | null {
  const y = typeof birthYear === "number" ? birthYear : typeof birthYear === "string" ? Number(birthYear) : NaN;
  if (!Number.isInteger(y) || y < 1900) return null;
  const age = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric" }).format(now)) - y;
  return age >= 0 && age < 130 ? age : null;
}

/** The rights-review opt-in form, validated on the server whatever the browser did. */
export const CONTACT_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat"] as const;
export const CONTACT_TIMES = ["morning", "afternoon", "evening"] as const;
export const CONTACT_CHANNELS = ["phone", "sms", "email"] as const;
export const CONTACT_LANGUAGES = ["fr", "en", "ar", "es", "tr", "other"] as const;

/** Error keys are translated by the page (messages: callback.errors.*). */
export const optInSchema = z
  .object({
    consent: z.literal("on", { error: "consent" }),
    firstName: z.string().trim().min(1, { error: "first_name" }).max(60, { error: "first_name" }),
    phone: z.string().trim().max(30, { error: "phone" }).optional(),
    email: z.string().trim().max(200, { error: "email" }).optional(),
    days: z.array(z.enum(CONTACT_DAYS, { error: "choice" })).default([]),
    times: z.array(z.enum(CONTACT_TIMES, { error: "choice" })).default([]),
    channel: z.enum(CONTACT_CHANNELS, { error: "channel" }),
    language: z.enum(CONTACT_LANGUAGES, { error: "choice" }),
    companion: z.enum(["yes", "no"], { error: "choice" }),
    accessibility: z.string().trim().max(300, { error: "too_long" }).optional(),
  })
  // Checked even when another field failed, so that every problem is reported at once; the
  // channel is only questioned when a phone or an e-mail was given (else "give one" says it all).
  .superRefine((v, ctx) => {
    checkContactPoints(v, ctx);
    const has = (x: unknown) => typeof x === "string" && x.trim() !== "";
    if (!has(v.phone) && !has(v.email)) return;
    if ((v.channel === "phone" || v.channel === "sms") && !has(v.phone)) ctx.addIssue({ code: "custom", path: ["channel"], message: "channel_phone" });
    if (v.channel === "email" && !has(v.email)) ctx.addIssue({ code: "custom", path: ["channel"], message: "channel_email" });
  }, ALWAYS)
  .transform((v) => {
    const { phone, email } = normaliseContactPoints(v); // phone in E.164, e.g. +33612345678
    return {
      firstName: v.firstName,
      phone,
      email,
      days: v.days,
      times: v.times,
      channel: v.channel,
      language: v.language,
      companion: v.companion === "yes",
      accessibility: v.accessibility || null,
    };
  });
export type OptIn = z.output<typeof optInSchema>;

/** FormData → the object the schema reads (lists for checkboxes, missing fields undefined). */
export function optInInput(form: FormData) {
  const one = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  const many = (k: string) => form.getAll(k).filter((v): v is string => typeof v === "string");
  return {
    consent: one("consent"), firstName: one("firstName") ?? "", phone: one("phone"), email: one("email"),
    days: many("days"), times: many("times"), channel: one("channel"), language: one("language"),
    companion: one("companion"), accessibility: one("accessibility"),
  };
}

