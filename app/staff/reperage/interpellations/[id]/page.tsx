import Link from "next/link";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { CasesForm } from "@/components/detection/dossiers/cases-form";
import { DossierFiguresView } from "@/components/detection/dossiers/dossier-figures";
import { formatDay } from "@/components/detection/dossiers/format";
import { dossierStatus } from "@/lib/detection/interpellations/assemble";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { recordAnswerAction, recordSendingAction, saveCasesAction } from "../actions";
import { answerFields, sendingFields } from "../fields";
import { caseHeading, loadDossier } from "./load";

export function generateMetadata() {
  return pageTitle("detectionDossiers.dossierTitle");
}

export const dynamic = "force-dynamic";

const DONE = ["created", "cases", "sent", "answered"] as const;

/**
 * One dossier assembled: the general part, the counted situations of the period that involve the
 * institution, the fiches mémoire the worker chooses, the sending and the institution's answer.
 */
export default async function DossierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; fait?: string }> }) {
  const sp = await searchParams;
  const { dossier, lists, situations, cases, figures, institution, slug, href } = await loadDossier((await params).id, sp.t);
  const { t } = await getT();
  const loose = t as unknown as (key: string) => string;
  const raw = (k: string) => (t.raw as (k: string) => unknown)(k) as Record<string, string>;
  const errors = raw("detectionDossiers.errors");
  const done = DONE.find((d) => d === sp.fait);
  const chosen = new Map(cases.map((c) => [c.situationId, c.memoryText]));
  // The cases kept come first, in the dossier's order; then the other situations that have a summary.
  const order = new Map(cases.map((c, i) => [c.situationId, i]));
  const candidates = situations.filter((s) => s.summary?.trim()).map((s) => ({
    id: s.id, heading: caseHeading(s, lists), chosen: chosen.has(s.id), text: chosen.get(s.id) ?? s.summary ?? "",
  })).sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  // The forms remount after each saved change (updatedAt moves), so no refused state outlives it;
  // a refused post changes nothing, so the key (and React's no-JS form-state match) stays.
  const version = dossier.updatedAt.getTime();
  const formStrings = (submit: string) => ({ submit, errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"), errors });
  return (
    <>
      <p><Link href={href()}>{t("detectionDossiers.back")}</Link></p>
      <h1>{dossier.title}</h1>
      {done && <p className="notice" role="status">{loose(`detectionDossiers.done.${done}`)}</p>}
      <dl className="review">
        <dt>{t("detectionDossiers.colInstitution")}</dt><dd data-testid="dossier-institution">{institution}</dd>
        <dt>{t("detectionDossiers.colPeriod")}</dt><dd>{t("detectionDossiers.period", { from: formatDay(dossier.periodFrom), to: formatDay(dossier.periodTo) })}</dd>
        <dt>{t("detectionDossiers.colStatus")}</dt><dd data-testid="dossier-status">{loose(`detectionDossiers.status.${dossierStatus(dossier)}`)}</dd>
      </dl>
      <p><Link className="button secondary" href={href(`/${dossier.id}/imprimer`)}>{t("detectionDossiers.print")}</Link></p>

      <section aria-labelledby="general">
        <h2 id="general">{t("detectionDossiers.generalTitle")}</h2>
        {dossier.introduction ? dossier.introduction.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t("detectionDossiers.noIntroduction")}</p>}
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures">{t("detectionDossiers.figuresTitle")}</h2>
        <DossierFiguresView f={figures} lists={lists} />
      </section>

      <section aria-labelledby="cases-title" className="card">
        <h2 id="cases-title">{t("detectionDossiers.casesTitle")}</h2>
        <p>{t("detectionDossiers.casesIntro", { n: candidates.length })}</p>
        {candidates.length > 0 && (
          <CasesForm key={`cases-${version}`} action={saveCasesAction.bind(null, slug, dossier.id)} candidates={candidates} strings={{
            submit: t("detectionDossiers.saveCases"), include: t("detectionDossiers.includeCase"), text: t("detectionDossiers.caseText"),
            warning: t("detectionDossiers.caseWarning"), errorSummary: t("bookingSettings.errorSummary"), errors,
          }} />
        )}
      </section>

      <section aria-labelledby="sending-title" className="card">
        <h2 id="sending-title">{t("detectionDossiers.sendingTitle")}</h2>
        {dossier.sentOn && <p data-testid="dossier-sent">{t("detectionDossiers.sentSummary", { date: formatDay(dossier.sentOn), to: dossier.sentTo ?? "" })}</p>}
        <SettingsForm key={`sending-${version}`} id="sending" action={recordSendingAction.bind(null, slug, dossier.id)} fields={sendingFields(loose, dossier)} strings={formStrings(t("detectionDossiers.saveSending"))} />
      </section>

      <section aria-labelledby="answer-title" className="card">
        <h2 id="answer-title">{t("detectionDossiers.answerTitle")}</h2>
        {dossier.sentOn
          ? <SettingsForm key={`answer-${version}`} id="answer" action={recordAnswerAction.bind(null, slug, dossier.id)} fields={answerFields(loose, dossier)} strings={formStrings(t("detectionDossiers.saveAnswer"))} />
          : <p className="muted">{t("detectionDossiers.answerAfterSending")}</p>}
      </section>
    </>
  );
}
