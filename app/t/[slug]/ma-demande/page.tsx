import { cookies } from "next/headers";
import { and, eq } from "drizzle-orm";
import { callbackRequests } from "@/db/schema";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { LOOKUP_COOKIE, RECEIPT_COOKIE } from "@/lib/respondent/session-cookies";
import { isUuid } from "@/lib/validation/parsers";
import { titleFrom } from "@/lib/i18n/titles";

export const generateMetadata = titleFrom("callback.manageTitle");

export const dynamic = "force-dynamic";

/** With the receipt code: does a request exist, and withdraw it (contact data erased). */
export default async function MyRequestPage({ params, searchParams }: {
  params: Promise<{ slug: string }>; searchParams: Promise<{ erreur?: string; retire?: string }>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const { locale, t } = await getT();
  const { db, territory } = await loadRespondent(slug);
  const jar = await cookies();
  const responseId = jar.get(LOOKUP_COOKIE)?.value ?? jar.get(RECEIPT_COOKIE)?.value;
  const [request] = responseId && isUuid(responseId)
    ? await db
        .select({ status: callbackRequests.status, consentedAt: callbackRequests.consentedAt, withdrawnAt: callbackRequests.withdrawnAt })
        .from(callbackRequests)
        .where(and(eq(callbackRequests.responseId, responseId), eq(callbackRequests.territoryId, territory.id)))
        .limit(1)
    : [];
  const date = (d: Date) => d.toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris", dateStyle: "long" });
  return (
    <>
      <h1>{t("callback.manageTitle")}</h1>
      {sp.retire && <p className="notice" role="status">{t("callback.withdrawDone")}</p>}
      {responseId && !request && !sp.retire && <p role="status">{t("callback.none")}</p>}
      {request?.withdrawnAt && !sp.retire && <p role="status">{t("callback.withdrawn", { date: date(request.withdrawnAt) })}</p>}
      {request && !request.withdrawnAt && (
        <>
          <p role="status">{t("callback.exists", { date: date(request.consentedAt) })}</p>
          <form method="post" action={`/t/${slug}/ma-demande/retirer`} className="actions">
            <button className="button secondary" type="submit">{t("callback.withdrawButton")}</button>
          </form>
        </>
      )}
      {!request && (
        <form method="post" action={`/t/${slug}/ma-demande/voir`} autoComplete="off">
          <div className="question">
            <label className="label" htmlFor="receipt">{t("callback.receiptLabel")}</label>
            <p className="hint" id="receipt-hint">{t("callback.receiptHint")}</p>
            {sp.erreur && <p className="error" id="receipt-error" role="alert">{t("callback.notFound")}</p>}
            <input id="receipt" name="receipt" type="text" autoCapitalize="characters" spellCheck={false} required maxLength={20}
              aria-invalid={sp.erreur ? true : undefined} aria-describedby={sp.erreur ? "receipt-hint receipt-error" : "receipt-hint"} />
          </div>
          <button className="button" type="submit">{t("callback.find")}</button>
        </form>
      )}
    </>
  );
}
