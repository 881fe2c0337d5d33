import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportForm } from "@/components/outreach/report-form";
import { formatIsoDate } from "@/lib/booking/format";
import { parisDay } from "@/lib/booking/slots";
import { listCatalogue } from "@/lib/callbacks/review";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { outreachPage } from "@/lib/outreach/page-context";
import { consentAllowed, outreachTransition } from "@/lib/outreach/state-machine";
import { getAction, recordedAtSite } from "@/lib/outreach/store";
import { isUuid } from "@/lib/validation/parsers";
import { cancelAction, decideAction, reportAction } from "../actions";

export function generateMetadata() {
  return pageTitle("outreach.title");
}
export const dynamic = "force-dynamic";

const MESSAGES = ["proposed", "validated", "refused", "reported", "cancelled", "note_required", "confirm_cancel", "form", "not_found", "forbidden", "wrong_status", "too_early", "too_late"];
const GOOD = new Set(["proposed", "validated", "refused", "reported", "cancelled"]);

/** One action: its details, the lead's decision, the report, and the way to the stand consent. */
export default async function OutreachActionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; msg?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  if (!isUuid(id)) notFound();
  const { db, territory, q, slug, actor, can } = await outreachPage(sp.t);
  const found = await getAction(db, territory.id, actor, id.toLowerCase());
  if (!found) notFound();
  const { action: a } = found;
  const { t, locale } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const today = parisDay(new Date());
  const s = (t.raw as (k: string) => unknown)("outreach") as Record<string, string>;
  const msg = MESSAGES.find((m) => m === sp.msg);
  const canReport = outreachTransition(a, "report", actor, today);
  const countsResponses = can("responses:count");
  const reported = a.status === "reported";
  const [catalogue, recorded] = await Promise.all([
    listCatalogue(db, territory.id),
    // The exact count of a site's responses of a day is for those who may count responses (not partners).
    a.siteId && (a.status === "validated" || reported) && countsResponses ? recordedAtSite(db, territory.id, a.siteId, a.heldOn) : Promise.resolve(null),
  ]);
  const recordedLine = !countsResponses ? "" : recorded === null ? t("outreach.recordedNoSite") : t("outreach.recorded", { count: recorded });
  const initial: Record<string, string> = reported
    ? {
      peopleMet: String(a.peopleMet ?? ""), potentialNonRecours: String(a.potentialNonRecours ?? ""), orientations: String(a.orientations ?? ""),
      questionnairesCollected: String(a.questionnairesCollected ?? ""), lessons: a.lessons ?? "",
      ...Object.fromEntries(Object.entries(a.guidesHanded).map(([c, n]) => [`guide_${c}`, String(n)])),
    }
    : {};
  const benefitName = new Map(catalogue.map((b) => [b.code, b.name]));
  return (
    <>
      <p><Link href={`/staff/aller-vers${q()}`}>← {t("outreach.back")}</Link></p>
      <h1>{t("outreach.detailTitle", { type: tk(`outreach.type_${a.actionType}`), date: formatIsoDate(a.heldOn, locale) })}</h1>
      {msg && <p className={GOOD.has(msg) ? "notice" : "error"} role={GOOD.has(msg) ? "status" : "alert"} data-testid="outreach-message">{tk(`outreach.msg_${msg}`)}</p>}
      <dl className="review">
        <div><dt>{t("outreach.colStatus")}</dt><dd data-testid="outreach-status">{tk(`outreach.status_${a.status}`)}</dd></div>
        <div><dt>{t("outreach.when")}</dt><dd>{formatIsoDate(a.heldOn, locale)}{a.startsAt && a.endsAt ? ` ${t("outreach.timeRange", { start: a.startsAt, end: a.endsAt })}` : a.startsAt ? ` ${a.startsAt}` : ""}</dd></div>
        <div><dt>{t("outreach.where")}</dt><dd>{found.site ?? a.placeLabel} ({tk(`outreach.place_${a.placeType}`)}){found.neighbourhood ? ` — ${found.neighbourhood}` : ""}</dd></div>
        <div><dt>{t("outreach.audience")}</dt><dd>{tk(`outreach.audience_${a.audience}`)}</dd></div>
        <div><dt>{t("outreach.team")}</dt><dd>{a.team}</dd></div>
        <div><dt>{t("outreach.proposedBy")}</dt><dd>{found.proposer ?? "—"}</dd></div>
      </dl>

      <section className="card" aria-labelledby="decision-title" id="decision" tabIndex={-1}>
        <h2 id="decision-title">{t("outreach.decisionTitle")}</h2>
        {a.decisionNote && <p>{t("outreach.decisionNote", { note: a.decisionNote })}</p>}
        {a.status === "proposed" && !actor.lead && <p>{t("outreach.waiting")}</p>}
        {a.status === "proposed" && actor.lead && (
          <form action={decideAction.bind(null, slug, a.id)} data-testid="decision-form">
            <fieldset className="question">
              <legend>{t("outreach.decision")}</legend>
              <div className="inline-choices">
                <label className="choice" htmlFor="decision-validate"><input id="decision-validate" type="radio" name="decision" value="validate" required /><span>{t("outreach.validate")}</span></label>
                <label className="choice" htmlFor="decision-refuse"><input id="decision-refuse" type="radio" name="decision" value="refuse" /><span>{t("outreach.refuse")}</span></label>
              </div>
            </fieldset>
            <div className="question">
              <label className="label" htmlFor="note">{t("outreach.note")}</label>
              <textarea id="note" name="note" maxLength={500} />
            </div>
            <button className="button" type="submit">{t("outreach.decide")}</button>
          </form>
        )}
        {a.status === "validated" && (
          <form action={cancelAction.bind(null, slug, a.id)} className="actions stack">
            <label className="choice" htmlFor="confirm-cancel"><input id="confirm-cancel" type="checkbox" name="confirm" value="1" required /><span>{t("outreach.cancelConfirm")}</span></label>
            <button className="button secondary" type="submit">{t("outreach.cancel")}</button>
          </form>
        )}
      </section>

      {(a.status === "validated" || reported) && (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">{t("outreach.reportTitle")}</h2>
          {reported && (
            <p data-testid="report-summary">
              {t("outreach.reportSummary", { met: a.peopleMet ?? 0, potential: a.potentialNonRecours ?? 0, orientations: a.orientations ?? 0, questionnaires: a.questionnairesCollected ?? 0 })}
              {" "}{Object.entries(a.guidesHanded).map(([c, n]) => `${benefitName.get(c) ?? c}\u00a0: ${n}`).join("\u00a0; ")}
            </p>
          )}
          {canReport.ok ? (
            <>
              <p>{t("outreach.reportIntro")}</p>
              <ReportForm action={reportAction.bind(null, slug, a.id)} s={s} benefits={catalogue.map((b) => ({ code: b.code, name: b.name }))} initial={initial} recorded={recordedLine} />
            </>
          ) : <p>{canReport.reason === "too_early" ? t("outreach.reportNotYet") : t("outreach.reportLocked")}</p>}
        </section>
      )}

      {(a.status === "validated" || reported) && (
        <section className="card" aria-labelledby="consents-title">
          <h2 id="consents-title">{t("outreach.colConsents")}</h2>
          <p data-testid="consents-count">{t("outreach.consentsCount", { count: found.consents })}</p>
          <p>{t("outreach.noContacts")}</p>
          {consentAllowed(a, actor, today).ok
            ? <p><Link className="button" href={`/staff/aller-vers/${a.id}/consentement${q()}`}>{t("outreach.consentLink")}</Link></p>
            : <p>{t("outreach.consentNotOpen")}</p>}
        </section>
      )}
    </>
  );
}
