import { approximateAge, consentCoversProfile } from "@/lib/callbacks/opt-in-schema";
import Link from "next/link";
import { notFound } from "next/navigation";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { viewRequest } from "@/lib/callbacks/handle-request";
import { listAssignableAgents } from "@/lib/callbacks/queue";
import { catalogueGridRows } from "@/lib/benefits/catalogue";
import { listCatalogue, listOutcomes, PARTNERS, REVIEW_OUTCOMES } from "@/lib/callbacks/review";
import { ATTEMPT_OUTCOMES, CLOSED, type Status } from "@/lib/callbacks/state-machine";
import { formatIsoDate } from "@/lib/booking/format";
import { localize } from "@/lib/i18n/locale";
import { getT } from "@/lib/i18n/server";
import { formatAnswer } from "@/lib/questionnaire/format";
import { loadFlow } from "@/lib/questionnaire/versions";
import { listNeighbourhoodChoicesCached } from "@/lib/territories/queries";
import { isUuid } from "@/lib/validation/parsers";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("titles.request", "queue.queueTitle");
}

export const dynamic = "force-dynamic";

/** The answers an agent needs for the review (household, benefits, reasons); nothing else. */
const REVIEW_QUESTIONS = ["household_type", "children_count", "activity", "housing", "benefits", "why_not", "caused_by_other"];
const MESSAGES = [
  "taken", "closed", "notAssigned", "notReached", "unknownAgent", "unknownBenefit", "invalid", "saved",
  "invalidAgent", "invalidAmount", "invalidOpenedOn", "invalidOutcome", "confirmClose",
] as const;

export default async function RequestPage({ params, searchParams }: {
  params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; msg?: string; by?: string; s?: string }>;
}) {
  const user = await requirePermission("callbacks:handle");
  const { id } = await params;
  const sp = await searchParams;
  if (!isUuid(id)) notFound();
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, sp.t);
  const seen = await viewRequest(db, territory.id, id, user.id);
  if (!seen) notFound();
  const { request, contact, attempts } = seen;
  // Age and income band only for people whose consent text said the agent would see them (v2).
  const profile = consentCoversProfile(request.consentVersion);
  const answers = seen.answers; // null for a consent taken at an outreach stand
  const age = answers ? approximateAge(answers.birth_year, new Date()) : null;
  const closed = CLOSED.includes(request.status as Status);
  const [agents, flow, areas, catalogue, outcomes] = await Promise.all([
    listAssignableAgents(db, territory.id), answers && seen.commonVersionId ? catalogueGridRows(db, territory.id).then((rows) => loadFlow(db, seen.commonVersionId!, seen.moduleVersionId, rows)) : null, listNeighbourhoodChoicesCached(db, territory.id),
    listCatalogue(db, territory.id), listOutcomes(db, territory.id, id),
  ]);
  const benefitName = new Map(catalogue.map((b) => [b.code, b.name]));
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const fmt = { yes: t("flow.yes"), no: t("flow.no"), dontKnow: t("flow.dontKnow"), preferNot: t("flow.preferNot"), outside: t("flow.outside", { territory: territory.name }) };
  const when = (d: Date) => d.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris", dateStyle: "medium", timeStyle: "short" });
  const action = (op: string) => `/api/rappels/${id}/${op}${user.role === "admin" ? `?t=${territory.slug}` : ""}`;
  const msg = MESSAGES.find((m) => m === sp.msg);
  // After a post the agent comes back to the section acted on (#actions, #review): the message is shown there.
  const at = sp.s === "review" ? "review" : sp.s === "actions" ? "actions" : null;
  const message = msg && (
    <p className={msg === "saved" ? "notice" : "error"} role={msg === "saved" ? "status" : "alert"} data-testid="request-message">
      {tk(`queue.${msg}`, { name: (sp.by ?? "").slice(0, 80) })}
    </p>
  );
  const phone = (p: string) => parsePhoneNumberFromString(p)?.formatNational() ?? p;

  return (
    <>
      <p><Link href={`/staff/rappels${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>← {t("queue.back")}</Link></p>
      <h1>{t("queue.requestTitle", { date: when(request.createdAt) })}</h1>
      {!at && message}
      {seen.outreach && <p className="notice" data-testid="outreach-flag">{t("callback.outreachFlag", { type: tk(`outreach.type_${seen.outreach.actionType}`), date: formatIsoDate(seen.outreach.heldOn, locale) })}</p>}
      <p>{t("queue.colStatus")} : <strong data-testid="request-status">{tk(`queue.status_${request.status}`)}</strong> · {t("queue.colAssignee")} : {seen.assignee ?? "—"} · {t("queue.colNeighbourhood")} : {seen.neighbourhood ?? "—"}</p>

      <section className="card" aria-labelledby="contact">
        <h2 id="contact">{t("queue.contactTitle")}</h2>
        {contact ? (
          <dl className="review">
            <dt>{t("queue.firstName")}</dt><dd>{contact.firstName}</dd>
            {contact.phone && <><dt>{t("queue.phone")}</dt><dd><a href={`tel:${contact.phone}`}>{phone(contact.phone)}</a></dd></>}
            {contact.email && <><dt>{t("queue.email")}</dt><dd>{contact.email}</dd></>}
            <dt>{t("queue.channel")}</dt><dd>{tk(`callback.channel_${contact.channel}`)}</dd>
            <dt>{t("queue.language2")}</dt><dd>{tk(`callback.language_${contact.language}`)}</dd>
            <dt>{t("queue.availability")}</dt><dd>{[...contact.days.map((d) => tk(`callback.days_${d}`)), ...contact.times.map((x) => tk(`callback.times_${x}`))].join(", ") || "—"}</dd>
            <dt>{t("queue.companion")}</dt><dd>{contact.companion ? t("flow.yes") : t("flow.no")}</dd>
            {contact.accessibility && <><dt>{t("queue.accessibility")}</dt><dd>{contact.accessibility}</dd></>}
          </dl>
        ) : <p>{t("queue.contactErased")}</p>}
        {contact && can(user, "appointments:handle") && (
          <p><Link className="button secondary" href={`/staff/rendez-vous/nouveau?${user.role === "admin" ? `t=${territory.slug}&` : ""}demande=${id}`}>{t("appointments.bookLink")}</Link></p>
        )}
      </section>

      <div id="actions" tabIndex={-1}>
      {at === "actions" && message}
      {!closed && (
        <section className="card" aria-labelledby="actions-title">
          <h2 id="actions-title" className="visually-hidden">{t("queue.attemptTitle")}</h2>
          {!request.assignedTo && (
            <form method="post" action={action("prendre")}><button className="button" type="submit">{t("queue.claim")}</button></form>
          )}
          <form method="post" action={action("attribuer")} className="question">
            <label className="label" htmlFor="agentId">{t("queue.assignTo")}</label>
            <select id="agentId" name="agentId" defaultValue={request.assignedTo ?? ""}>
              {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
            <button className="button secondary" type="submit">{t("queue.assign")}</button>
          </form>
          <form method="post" action={action("appel")}>
            <fieldset className="question">
              <legend>{t("queue.outcome")}</legend>
              <div className="inline-choices">
                {ATTEMPT_OUTCOMES.map((o, i) => (
                  <label key={o} className="choice" htmlFor={i === 0 ? "outcome" : `outcome-${o}`}>
                    <input id={i === 0 ? "outcome" : `outcome-${o}`} type="radio" name="outcome" value={o} required />
                    <span>{tk(`queue.outcome_${o}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="question">
              <label className="label" htmlFor="callBackOn">{t("queue.callBackOn")}</label>
              <input id="callBackOn" name="callBackOn" type="date" />
            </div>
            <button className="button" type="submit">{t("queue.saveAttempt")}</button>
          </form>
        </section>
      )}
      {closed && <p className="notice">{t("queue.closed")}</p>}
      {request.status === "closed_unreachable" && contact?.email && (
        <p><a href={`mailto:${contact.email}`}>{t("queue.writeTo", { email: contact.email })}</a></p>
      )}
      </div>

      <section className="card" aria-labelledby="review-title" id="review" tabIndex={-1}>
        <h2 id="review-title">{t("queue.reviewTitle")}</h2>
        {at === "review" && message}
        {outcomes.length === 0 ? <p>{t("queue.noOutcome")}</p> : (
          <ul data-testid="outcomes">
            {outcomes.map((o) => (
              <li key={o.benefitCode}>
                <strong>{benefitName.get(o.benefitCode) ?? o.benefitCode}</strong> : {tk(`queue.r_${o.outcome}`)}
                {o.openedOn && <> — {t("queue.openedOn")} {o.openedOn}</>}
                {o.monthlyAmount && <> — {o.monthlyAmount} €/mois</>}
                {o.partner && <> — {tk(`queue.p_${o.partner}`)}</>}
                {o.note && <><br /><span className="muted">{o.note}</span></>}
                {can(user, "detection:record") && (
                  <><br /><Link href={`/staff/reperage/nouvelle?${new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), demande: id, prestation: o.benefitCode })}`}
                    aria-label={`${t("detection.fromReviewButton")} : ${benefitName.get(o.benefitCode) ?? o.benefitCode}`}>{t("detection.fromReviewButton")}</Link></>
                )}
              </li>
            ))}
          </ul>
        )}
        {request.status === "reached" && (
          <>
            <form method="post" action={action("etude")}>
              <div className="question">
                <label className="label" htmlFor="benefitCode">{t("queue.benefit")}</label>
                <select id="benefitCode" name="benefitCode" required>
                  {catalogue.map((b) => <option key={b.code} value={b.code}>{b.name}</option>)}
                </select>
              </div>
              <div className="question">
                <label className="label" htmlFor="review-outcome">{t("queue.outcomeLabel")}</label>
                <select id="review-outcome" name="outcome" required>
                  {REVIEW_OUTCOMES.map((o) => <option key={o} value={o}>{tk(`queue.r_${o}`)}</option>)}
                </select>
              </div>
              <div className="question">
                <label className="label" htmlFor="openedOn">{t("queue.openedOn")}</label>
                <input id="openedOn" name="openedOn" type="date" />
              </div>
              <div className="question">
                <label className="label" htmlFor="monthlyAmount">{t("queue.monthlyAmount")}</label>
                <input id="monthlyAmount" name="monthlyAmount" type="text" inputMode="decimal" maxLength={12} />
              </div>
              <div className="question">
                <label className="label" htmlFor="partner">{t("queue.partner")}</label>
                <select id="partner" name="partner" defaultValue="">
                  <option value="">{t("queue.noPartner")}</option>
                  {PARTNERS.map((p) => <option key={p} value={p}>{tk(`queue.p_${p}`)}</option>)}
                </select>
              </div>
              <div className="question">
                <label className="label" htmlFor="note">{t("queue.note")}</label>
                <textarea id="note" name="note" maxLength={1000} />
              </div>
              <button className="button" type="submit">{t("queue.saveOutcome")}</button>
            </form>
            {/* Closing cannot be undone: a required tick, checked on the server too (works without JavaScript). */}
            <form method="post" action={action("cloturer")} className="actions stack">
              <label className="choice" htmlFor="confirmClose">
                <input id="confirmClose" type="checkbox" name="confirm" value="1" required />
                <span>{t("queue.closeConfirm")}</span>
              </label>
              <button className="button secondary" type="submit">{t("queue.closeReview")}</button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="attempts">
        <h2 id="attempts">{t("queue.attempts")}</h2>
        {attempts.length === 0 ? <p>{t("queue.noAttempts")}</p> : (
          <ul>{attempts.map((a, i) => <li key={i}>{when(a.at)} — {tk(`queue.outcome_${a.outcome}`)}{a.agent ? ` (${a.agent})` : ""}{a.callBackAt ? ` → ${when(a.callBackAt)}` : ""}</li>)}</ul>
        )}
      </section>

      <section className="card" aria-labelledby="answers">
        <h2 id="answers">{t("queue.answersTitle")}</h2>
        {!answers || !flow ? <p data-testid="stand-consent">{t("queue.standConsent")}</p> : (
        <dl className="review">
          {profile && age !== null && <div><dt>{t("queue.ageLabel")}</dt><dd>{t("queue.age", { age })}</dd></div>}
          {[...REVIEW_QUESTIONS, ...(profile ? ["income_band"] : [])].map((qid) => {
            const q = flow.questions.get(qid);
            if (!q || answers[qid] === undefined) return null;
            return (
              <div key={qid}>
                <dt>{localize(q.label, locale)}</dt>
                {formatAnswer(flow, q, answers[qid], answers, locale, fmt, (c) => names.get(c)).map((line, i) => <dd key={i}>{line}</dd>)}
              </div>
            );
          })}
        </dl>
        )}
      </section>
    </>
  );
}
