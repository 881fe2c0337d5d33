import { z } from "zod";
import { optInSchema, type OptIn } from "@/lib/callbacks/opt-in-schema";
import { fieldErrors } from "@/lib/http/field-errors";
import { calendarDate, UUID_PATTERN } from "@/lib/validation/parsers";
import { CONSENT_CAPTURE, type ConsentCapture } from "./reference";
import { daysBetween } from "./state-machine";

/**
 * The version of the stand consent text (outreach.consent.* messages): unlike the
 * questionnaire's opt-in, the agent sees no answers, only the contact details.
 */
export const STAND_CONSENT_VERSION = "stand-2026-11-v1";

/** The one-time key of a consent form: a double click or a retry finds the same request. */
export const CONSENT_KEY = /^consent:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const standSchema = z.object({
  captureMode: z.enum(CONSENT_CAPTURE, { error: "capture" }),
  signedOn: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), calendarDate("signed_on").optional()),
  neighbourhoodId: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().regex(UUID_PATTERN, { error: "neighbourhood" }).optional()),
  submissionKey: z.string({ error: "form" }).regex(CONSENT_KEY, { error: "form" }),
});

export type StandConsent = {
  contact: OptIn; captureMode: ConsentCapture; signedOn: string; neighbourhoodId: string | null; submissionKey: string;
};

/**
 * A stand consent: the explicit box and at least one valid contact channel (the questionnaire
 * opt-in's own schema, so the two can never drift apart), how it was captured, and for a paper
 * form the day it was signed — between the action's day and today. Error values are message
 * keys (callback.errors.* or outreach.errors.*); every problem is reported at once.
 */
export function parseStandConsent(input: Record<string, unknown>, ctx: { heldOn: string; today: string }):
  { ok: true; value: StandConsent } | { ok: false; errors: Record<string, string> } {
  const contact = optInSchema.safeParse(input);
  const stand = standSchema.safeParse(input);
  const errors: Record<string, string> = { ...(stand.success ? {} : fieldErrors(stand.error)), ...(contact.success ? {} : fieldErrors(contact.error)) };
  let signedOn = ctx.today;
  if (stand.success && stand.data.captureMode === "paper_form") {
    if (!stand.data.signedOn) errors.signedOn ??= "signed_on";
    else if (daysBetween(ctx.heldOn, stand.data.signedOn) < 0 || daysBetween(stand.data.signedOn, ctx.today) < 0) errors.signedOn ??= "signed_on_range";
    else signedOn = stand.data.signedOn;
  }
  if (!contact.success || !stand.success || Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      contact: contact.data, captureMode: stand.data.captureMode, signedOn,
      neighbourhoodId: stand.data.neighbourhoodId?.toLowerCase() ?? null, submissionKey: stand.data.submissionKey.toLowerCase(),
    },
  };
}
