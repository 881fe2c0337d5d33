import Link from "next/link";
import { cookies } from "next/headers";
import { KioskChrome } from "@/components/questionnaire/kiosk-chrome";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { RECEIPT_COOKIE } from "@/lib/respondent/session-cookies";
import { findResponseById } from "@/lib/respondent/submit";
import { isUuid } from "@/lib/validation/parsers";
import { getStaffUser } from "@/lib/auth/session";
import { can, canAccessTerritory } from "@/lib/auth/permissions";
import { pageTitle } from "@/lib/i18n/titles";
import { ReceiptSuggestions } from "@/components/respondent/receipt-suggestions";
import { receiptSuggestions } from "@/lib/respondent/receipt-suggestions";

export function generateMetadata() {
  return pageTitle("receipt.title", "titles.questionnaire");
}

export const dynamic = "force-dynamic";

/** Time to copy the receipt number on a kiosk before the warning (then 20 s more, or "J'ai noté mon numéro"). */
const RECEIPT_SECONDS_ON_KIOSK = 60;

/** The receipt, read from this browser's session cookie only: never from the URL. */
export default async function ReceiptPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { t, locale } = await getT();
  const { db, territory, kiosk, draft } = await loadRespondent(slug);
  const id = (await cookies()).get(RECEIPT_COOKIE)?.value;
  const response = id && isUuid(id) ? await findResponseById(db, territory.id, id) : null;
  const now = new Date();
  // Read, never stored: the guides and places this person's answers point at.
  const suggestions = response ? await receiptSuggestions(db, territory.id, response.id, now) : null;
  const seconds = territory.settings.kioskReceiptSeconds ?? RECEIPT_SECONDS_ON_KIOSK;
  // An assisted response, and its interviewer still signed in here: the next person is assisted too.
  const staff = !kiosk && draft?.mode === "assisted" && draft.submittedResponseId === response?.id ? await getStaffUser() : null;
  const assistedAgain = !!staff && can(staff, "questionnaire:assist") && canAccessTerritory(staff, territory.id);
  if (!response) {
    return (
      <>
        <h1>{t("receipt.missing")}</h1>
        <p><Link href={`/t/${slug}`}>{t("app.home")}</Link></p>
      </>
    );
  }
  return (
    <>
      <h1>{t("receipt.title")}</h1>
      <p>{t("receipt.code")}</p>
      <p><span className="code" data-testid="receipt-code">{response.receiptCode}</span></p>
      <p>{t("receipt.codeHelp")}</p>
      <section className="card" aria-labelledby="callback-offer">
        <h2 id="callback-offer">{t("callback.offerTitle")}</h2>
        <p>{t("callback.offer")}</p>
        <p><Link className="button" href={`/t/${slug}/etude-de-droits`}>{t("callback.offerLink")}</Link></p>
      </section>
      {suggestions && <ReceiptSuggestions slug={slug} data={suggestions} locale={locale === "en" ? "en" : "fr"} t={t} kiosk={!!kiosk} now={now} />}
      {kiosk ? (
        <>
          <p className="notice" role="status">{t("receipt.kioskWipe", { seconds })}</p>
          <KioskChrome slug={slug} idleSeconds={seconds} endLabel={t("receipt.kioskDone")} />
        </>
      ) : assistedAgain ? (
        // The interviewer goes on with the next person: same mode, site and interviewer.
        <form method="post" action={`/t/${slug}/start`} className="actions">
          <input type="hidden" name="mode" value="assisted" />
          <input type="hidden" name="restart" value="1" />
          {draft?.siteId && <input type="hidden" name="siteId" value={draft.siteId} />}
          <button className="button secondary" type="submit">{t("receipt.again")}</button>
        </form>
      ) : (
        <form method="post" action={`/t/${slug}/fin`} className="actions">
          <button className="button secondary" type="submit">{t("receipt.again")}</button>
        </form>
      )}
    </>
  );
}
