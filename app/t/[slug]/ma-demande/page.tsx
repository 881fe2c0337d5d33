import { cookies } from "next/headers";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { formatDateTime } from "@/lib/booking/format";
import { myRequest } from "@/lib/callbacks/my-request";
import { CONTACT_CHANNELS } from "@/lib/callbacks/opt-in-schema";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { LOOKUP_COOKIE } from "@/lib/respondent/session-cookies";
import { isUuid } from "@/lib/validation/parsers";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("callback.manageTitle");
}

export const dynamic = "force-dynamic";

const CORRECTION_ERRORS = ["first_name", "phone", "email", "phone_or_email", "channel", "channel_phone", "channel_email"] as const;

/**
 * With the receipt code typed (each time: a marker of a few minutes, never the questionnaire's
 * receipt cookie): where the request stands, correct the contact details, withdraw it.
 */
export default async function MyRequestPage({ params, searchParams }: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ erreur?: string; retire?: string; confirmer?: string; corr?: string; champ?: string; expire?: string; termine?: string }>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const { db, territory } = await loadRespondent(slug);
  const responseId = (await cookies()).get(LOOKUP_COOKIE)?.value;
  const opened = !!responseId && isUuid(responseId);
  const request = opened ? await myRequest(db, territory.id, responseId) : null;
  const date = (d: Date) => d.toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris", dateStyle: "long" });
  const corrError = CORRECTION_ERRORS.find((e) => e === sp.corr);
  const field = sp.champ === "phone" || sp.champ === "email" || sp.champ === "channel" ? sp.champ : "firstName";
  const invalid = (f: string) => (corrError && field === f ? { "aria-invalid": true, "aria-describedby": "corr-error" } : {});
  const national = (p: string | null) => (p ? parsePhoneNumberFromString(p)?.formatNational() ?? p : "");
  return (
    <>
      <h1>{t("callback.manageTitle")}</h1>
      {sp.retire && <p className="notice" role="status">{t("callback.withdrawDone")}</p>}
      {sp.termine && <p className="notice" role="status">{t("callback.finished")}</p>}
      {sp.expire && !opened && <p className="error" role="alert">{t("callback.expired")}</p>}
      {opened && !request && !sp.retire && <p role="status">{t("callback.none")}</p>}
      {request?.withdrawnAt && !sp.retire && <p role="status">{t("callback.withdrawn", { date: date(request.withdrawnAt) })}</p>}
      {request && !request.withdrawnAt && (
        <>
          <section className="card" aria-labelledby="etat-title">
            <h2 id="etat-title">{t("callback.statusTitle")}</h2>
            <p data-testid="my-request-status"><strong>{
              request.stage === "appointment" && request.appointment
                ? t("callback.stage_appointment", { date: formatDateTime(request.appointment.startsAt, locale), place: request.appointment.place })
                : request.stage === "attempted" && request.lastAttempt
                  ? t("callback.stage_attempted", { date: date(request.lastAttempt.at) })
                  : request.stage === "reached" && request.lastAttempt
                    ? t("callback.stage_reached", { date: date(request.lastAttempt.at) })
                    : tk(`callback.stage_${request.stage === "reached" ? "taken" : request.stage}`)
            }</strong></p>
            {request.stage === "attempted" && request.lastAttempt?.callBackAt && (
              <p>{t("callback.stage_callBack", { date: date(request.lastAttempt.callBackAt) })}</p>
            )}
            <p className="muted">{t("callback.exists", { date: date(request.consentedAt) })}</p>
          </section>

          {request.contact && request.canCorrect && (
            <section className="card" aria-labelledby="corriger-title" id="corriger" tabIndex={-1}>
              <h2 id="corriger-title">{t("callback.correctTitle")}</h2>
              {sp.corr === "ok" && <p className="notice" role="status">{t("callback.correctDone")}</p>}
              {sp.corr === "closed" && <p className="error" role="alert">{t("callback.correctClosed")}</p>}
              {corrError && <p className="error" role="alert" id="corr-error">{tk(`callback.errors.${corrError}`)}</p>}
              <form method="post" action={`/t/${slug}/ma-demande/corriger`} autoComplete="off">
                <div className="question">
                  <label className="label" htmlFor="firstName">{t("callback.firstName")}</label>
                  <input id="firstName" name="firstName" type="text" required maxLength={60} defaultValue={request.contact.firstName} {...invalid("firstName")} />
                </div>
                <div className="question">
                  <label className="label" htmlFor="phone">{t("callback.phone")}</label>
                  <p className="hint" id="phone-hint">{t("callback.phoneHint")}</p>
                  <input id="phone" name="phone" type="tel" maxLength={30} defaultValue={national(request.contact.phone)} aria-describedby="phone-hint" {...invalid("phone")} />
                </div>
                <div className="question">
                  <label className="label" htmlFor="email">{t("callback.email")}</label>
                  <input id="email" name="email" type="email" maxLength={200} defaultValue={request.contact.email ?? ""} {...invalid("email")} />
                </div>
                <fieldset className="question">
                  <legend>{t("callback.channel")}</legend>
                  {CONTACT_CHANNELS.map((c) => (
                    <label key={c} className="choice" htmlFor={`channel-${c}`}>
                      <input id={`channel-${c}`} type="radio" name="channel" value={c} defaultChecked={request.contact!.channel === c} required />
                      <span>{tk(`callback.channel_${c}`)}</span>
                    </label>
                  ))}
                </fieldset>
                <button className="button" type="submit">{t("callback.correctSubmit")}</button>
              </form>
            </section>
          )}

          {/* Irreversible (the contact data is erased): a required tick, checked by the server too. */}
          <form method="post" action={`/t/${slug}/ma-demande/retirer`} className="actions stack">
            {sp.confirmer && <p className="error" id="withdraw-error" role="alert">{t("callback.withdrawConfirmMissing")}</p>}
            <label className="choice" htmlFor="withdraw-confirm">
              <input id="withdraw-confirm" type="checkbox" name="confirm" value="1" required
                aria-invalid={sp.confirmer ? true : undefined} aria-describedby={sp.confirmer ? "withdraw-error" : undefined} />
              <span>{t("callback.withdrawConfirm")}</span>
            </label>
            <button className="button secondary" type="submit">{t("callback.withdrawButton")}</button>
          </form>
        </>
      )}
      {opened && (
        <form method="post" action={`/t/${slug}/ma-demande/terminer`} className="actions">
          <button className="button link" type="submit">{t("callback.finish")}</button>
        </form>
      )}
      {!opened && (
        <form method="post" action={`/t/${slug}/ma-demande/voir`} autoComplete="off">
          <div className="question">
            <label className="label" htmlFor="receipt">{t("callback.receiptLabel")}</label>
            <p className="hint" id="receipt-hint">{t("callback.receiptHint")}</p>
            {sp.erreur && <p className="error" id="receipt-error" role="alert">{t("callback.notFound")}</p>}
            <input id="receipt" name="receipt" type="text" autoCapitalize="characters" spellCheck={false} required maxLength={20}
              aria-invalid={sp.erreur ? true : undefined} aria-describedby={sp.erreur ? "receipt-hint receipt-error" : "receipt-hint"} />
          </div>
          <p className="hint">{t("callback.sharedHint")}</p>
          <button className="button" type="submit">{t("callback.find")}</button>
        </form>
      )}
    </>
  );
}
