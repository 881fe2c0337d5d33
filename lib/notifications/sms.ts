import type { Locale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import type { AppointmentMessageKind as MessageKind } from "@/db/schema";
import type { AppointmentFacts } from "./compose";
import { formatWhen } from "./compose";

/** One text message as the outbox stores it (encrypted, like e-mails). */
export type SmsPayload = { to: string; text: string };

/** Sends one SMS; throws on failure (the worker retries with the same back-off as e-mails). */
export type SendSms = (payload: SmsPayload, messageId: string) => Promise<void>;

/** Whether an SMS provider is configured: until then no SMS is written to the outbox. */
export const smsConfigured = (env: Record<string, string | undefined> = process.env) => !!env.SMS_PROVIDER_URL;

/**
 * The SMS provider configured by the environment, or null:
 * - SMS_PROVIDER_URL: base URL of the provider's HTTP API (messages are POSTed to <url>/sms);
 * - SMS_API_KEY: its bearer token;
 * - SMS_SENDER: the sender name shown on the phone (11 characters at most, e.g. "CCAS").
 */
export function smsFromEnv(env: Record<string, string | undefined> = process.env): SendSms | null {
  if (!env.SMS_PROVIDER_URL) return null;
  return httpJsonSmsSender({ url: env.SMS_PROVIDER_URL, apiKey: env.SMS_API_KEY ?? "", sender: env.SMS_SENDER || "CCAS" });
}

/**
 * The first adapter: the HTTP JSON shape of French SMS gateways (e.g. the "send a message"
 * endpoints of OVHcloud, Brevo or Octopush, behind a small proxy when their field names differ):
 *
 *   POST <url>/sms
 *   Authorization: Bearer <SMS_API_KEY>
 *   Idempotency-Key: <outbox message id>
 *   Content-Type: application/json
 *   { "to": "+33612345678", "from": "CCAS", "text": "…", "reference": "<outbox message id>" }
 *
 * Any 2xx answer is a success; anything else (or no answer within 10 s) is a failure the worker
 * retries. The error kept is the HTTP status only: provider messages can echo the number.
 */
export function httpJsonSmsSender(o: { url: string; apiKey: string; sender: string; fetchImpl?: typeof fetch; timeoutMs?: number }): SendSms {
  const endpoint = `${o.url.replace(/\/$/, "")}/sms`;
  const doFetch = o.fetchImpl ?? fetch;
  return async (p, messageId) => {
    let res: Response;
    try {
      res = await doFetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${o.apiKey}`, "Idempotency-Key": messageId },
        body: JSON.stringify({ to: p.to, from: o.sender, text: p.text, reference: messageId }),
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw Object.assign(new Error("sms_unreachable"), { code: (err as Error).name === "TimeoutError" ? "sms_timeout" : "sms_unreachable" });
    }
    await res.body?.cancel().catch(() => {});
    if (!res.ok) throw Object.assign(new Error(`sms_http_${res.status}`), { code: `sms_http_${res.status}` });
  };
}

/** A short appointment reference a person can read out on the phone (from the appointment id). */
export const bookingReference = (appointmentId: string) => appointmentId.replace(/-/g, "").slice(0, 8).toUpperCase().replace(/^(.{4})/, "$1-");

/**
 * SMS text in the GSM 7-bit alphabet where French typography allows: a no-break space (not in
 * that alphabet) would switch the whole message to UCS-2, 70 characters per part instead of 160.
 */
const gsmSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The SMS of a rights-review opt-in by a phone-only person: the receipt code and where to use it. */
export function composeReceiptSms(f: { territoryName: string; receiptCode: string; url: string }, to: string, locale: Locale): SmsPayload {
  return { to, text: gsmSpaces(translatorFor(locale)("sms.receipt", { territory: f.territoryName, code: f.receiptCode, url: f.url })) };
}

/** The text of an appointment SMS: short, in the person's language, with the private link. */
export function composeAppointmentSms(kind: MessageKind, f: AppointmentFacts, to: string, locale: Locale): SmsPayload {
  const t = translatorFor(locale);
  const where = f.locationType === "phone" ? t("mail.byPhone") : `${f.placeName}, ${f.placeAddress}`;
  const text = t(`sms.${kind}`, {
    territory: f.territoryName, when: formatWhen(f.start, locale), where, ref: bookingReference(f.appointmentId), url: f.manageUrl,
  });
  return { to, text: gsmSpaces(f.placePhone && kind !== "cancellation" ? `${text} ${t("sms.phone", { phone: f.placePhone })}` : text) };
}
