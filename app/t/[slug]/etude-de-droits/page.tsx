import Link from "next/link";
import { cookies } from "next/headers";
import { OptInForm, type OptInStrings } from "@/components/callbacks/opt-in-form";
import { KioskChrome } from "@/components/questionnaire/kiosk-chrome";
import { CONTACT_CHANNELS, CONTACT_DAYS, CONTACT_LANGUAGES, CONTACT_TIMES } from "@/lib/callbacks/opt-in-schema";
import { findRequestForResponse } from "@/lib/callbacks/requests";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { DONE_COOKIE, RECEIPT_COOKIE } from "@/lib/respondent/session-cookies";
import { findResponseById } from "@/lib/respondent/submit";
import { optInAction } from "./actions";
import { isUuid } from "@/lib/validation/parsers";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("callback.title");
}

export const dynamic = "force-dynamic";

/** Rights-review opt-in: consent text, then contact details (encrypted at rest). */
export default async function OptInPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { locale, t } = await getT();
  const { db, territory, kiosk } = await loadRespondent(slug);
  const jar = await cookies();
  const id = jar.get(RECEIPT_COOKIE)?.value;
  const response = id && isUuid(id) ? await findResponseById(db, territory.id, id) : null;
  const request = response ? await findRequestForResponse(db, territory.id, response.id) : null;
  const kioskChrome = kiosk && <KioskChrome slug={slug} idleSeconds={kiosk.idleSeconds} endLabel={t("flow.endKiosk")} />;

  // A shared device (assisted, kiosk) right after the opt-in: the flow has ended, only the
  // confirmation is shown (no receipt code, no contact: nothing that opens the request).
  if (!response && jar.get(DONE_COOKIE)?.value === "1") {
    return (
      <>
        <h1>{t("callback.sentTitle")}</h1>
        <p role="status">{t("callback.sharedDeviceDone")}</p>
        {!kiosk && <p><Link className="button" href={`/t/${slug}/rendez-vous`}>{t("booking.link")}</Link></p>}
        {kioskChrome}
      </>
    );
  }

  if (!response) {
    return (
      <>
        <h1>{t("callback.title")}</h1>
        <p>{t("callback.needResponse")}</p>
        <p><Link className="button" href={`/t/${slug}`}>{t("start.begin")}</Link></p>
      </>
    );
  }
  if (request) {
    return (
      <>
        <h1>{t("callback.sentTitle")}</h1>
        <p role="status">{t("callback.sent")}</p>
        <p><span className="code" data-testid="receipt-code">{response.receiptCode}</span></p>
        <p><Link href={`/t/${slug}/ma-demande`}>{t("callback.manageLink")}</Link></p>
        {!kiosk && <p><Link className="button" href={`/t/${slug}/rendez-vous`}>{t("booking.link")}</Link></p>}
        {kioskChrome}
      </>
    );
  }
  // Option labels are looked up by computed keys (callback.days_mon, …).
  const tKey = t as unknown as (key: string) => string;
  const opts = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: tKey(`callback.${prefix}_${v}`) }));
  const strings: OptInStrings = {
    consent: t("callback.consent"), firstName: t("callback.firstName"), phone: t("callback.phone"), phoneHint: t("callback.phoneHint"),
    email: t("callback.email"), contactHint: t("callback.contactHint"), days: t("callback.days"), times: t("callback.times"),
    channel: t("callback.channel"), language: t("callback.language"), companion: t("callback.companion"),
    accessibility: t("callback.accessibility"), submit: t("callback.submit"), yes: t("flow.yes"), no: t("flow.no"),
    errorSummary: t("callback.errorSummary"), required: t("flow.required"), consentShort: t("callback.consentShort"), labelSep: t("flow.labelSep"),
    errors: (t.raw as (key: string) => unknown)("callback.errors") as Record<string, string>,
    dayOptions: opts("days", CONTACT_DAYS), timeOptions: opts("times", CONTACT_TIMES),
    channelOptions: opts("channel", CONTACT_CHANNELS), languageOptions: opts("language", CONTACT_LANGUAGES),
  };
  return (
    <>
      <h1>{t("callback.title")}</h1>
      <OptInForm action={optInAction.bind(null, slug)} strings={strings} defaultLanguage={locale} intro={
        <section className="card" aria-labelledby="consent-title">
          <h2 id="consent-title">{t("callback.consentTitle")}</h2>
          <ul>
            <li>{t("callback.purpose", { territory: territory.name })}</li>
            <li>{t("callback.who")}</li>
            <li>{t("callback.what")}</li>
            <li>{t("callback.retention")}</li>
            <li>{t("callback.withdraw")}</li>
          </ul>
        </section>
      } />
      {kioskChrome}
    </>
  );
}
