import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowUpForm } from "@/components/detection/follow-up-form";
import { SituationForm } from "@/components/detection/situation-form";
import { formatIsoDay } from "@/lib/booking/format";
import { FOLLOW_UP_MESSAGES } from "@/lib/detection/form-actions";
import { objectLabel, situationFormOptions, situationToValues } from "@/lib/detection/form-options";
import { listFollowUps } from "@/lib/detection/follow-ups";
import { listHouseholdSituations } from "@/lib/detection/households";
import { labelOf } from "@/lib/detection/options";
import { detectionPage } from "@/lib/detection/page-context";
import { FORMES, STATUSES } from "@/lib/detection/reference";
import { getSituation } from "@/lib/detection/situations";
import { RESOLUTION_CODES } from "@/lib/detection/status";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { parseUuid } from "@/lib/validation/parsers";
import { followUpAction, saveSituationAction } from "../../actions";

export function generateMetadata() {
  return pageTitle("detection.detailsTitle", "detection.title");
}
export const dynamic = "force-dynamic";

const NOTICES = ["recorded", "already", "saved", "followed"] as const;

/** One situation: its answers, the edit form (folded), the follow-up log and the resolution. */
export default async function SituationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; msg?: string }> }) {
  const sp = await searchParams;
  const { db, territory, q, slug } = await detectionPage(sp.t);
  const id = parseUuid((await params).id);
  if (!id) notFound();
  const s = await getSituation(db, territory.id, id);
  if (!s) notFound();
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const causes = (await listHouseholdSituations(db, territory.id, s.householdId)).filter((c) => c.id !== s.id);
  const [{ options, lists }, log] = await Promise.all([situationFormOptions(db, territory.id, causes), listFollowUps(db, territory.id, s.id)]);
  const f = (t.raw as (k: string) => unknown)("detection.form") as Record<string, string>;
  const day = (d: string) => formatIsoDay(d, locale);
  const when = (d: Date) => d.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris", dateStyle: "medium", timeStyle: "short" });
  const yn = (b: boolean | null) => (b === null ? "—" : b ? t("detection.yes") : t("detection.no"));
  const notice = NOTICES.find((m) => m === sp.msg);
  const problem = sp.msg && FOLLOW_UP_MESSAGES[sp.msg];
  const cause = s.causedById ? causes.find((c) => c.id === s.causedById) : null;
  const household = `/staff/reperage/menages/${encodeURIComponent(s.householdCode)}${q()}`;
  return (
    <>
      <p><Link href={`/staff/reperage${q()}`}>← {t("detection.back")}</Link></p>
      <h1>{t("detection.situationTitle", { date: day(s.detectedOn) })}</h1>
      {notice && <p className="notice" role="status" data-testid="situation-notice">{tk(`detection.${notice}`, { code: s.householdCode })}</p>}
      <p>
        {t("detection.household")} : <Link href={household} data-testid="household-code">{s.householdCode}</Link> ·{" "}
        <strong data-testid="situation-status">{t("detection.statusLine", { status: tk(`detection.status_${s.status}`) })}</strong>
        {s.resolution && <> · {t("detection.resolvedLine", { resolution: tk(`detection.resolution_${s.resolution}`), date: s.resolvedOn ? day(s.resolvedOn) : "—" })}</>}
        {s.openedMonthly && <> · {t("detection.openedMonthlyLine", { amount: s.openedMonthly })}</>}
      </p>
      <p><Link href={`/staff/reperage/nouvelle${q({ menage: s.householdCode })}`}>{t("detection.newForHousehold")}</Link></p>

      <section className="card" aria-labelledby="details">
        <h2 id="details">{t("detection.detailsTitle")}</h2>
        <dl className="review">
          <dt>{t("detection.fieldSource")}</dt><dd>{tk(`detection.source_${s.source}`)}</dd>
          <dt>{t("detection.fieldService")}</dt><dd>{s.service}</dd>
          <dt>{t("detection.fieldWorker")}</dt><dd>{s.worker ?? s.workerLabel ?? "—"}</dd>
          <dt>{t("detection.fieldPeople")}</dt><dd>{s.peopleConcerned ?? "—"}</dd>
          <dt>{t("detection.fieldFinancial")}</dt><dd>{yn(s.financial)}</dd>
          <dt>{t("detection.fieldObject")}</dt><dd data-testid="situation-object">{objectLabel(lists, s)}</dd>
          <dt>{t("detection.fieldActors")}</dt><dd>{s.actors.map((a) => labelOf(lists, "actor", a)).join(", ") || "—"}</dd>
          <dt>{t("detection.fieldFormes")}</dt>
          <dd><ul>{s.formes.map((x) => (
            <li key={x.forme}>{FORMES.find((fo) => fo.code === x.forme)?.label ?? x.forme} : {x.reason ? labelOf(lists, "reason", x.reason) : "—"}{x.level ? ` (${labelOf(lists, "level", x.level)})` : ""}</li>
          ))}</ul></dd>
          <dt>{t("detection.fieldIntensity")}</dt><dd>{s.intensity ? f[s.intensity] : "—"}</dd>
          <dt>{t("detection.fieldCausedBy")}</dt>
          <dd data-testid="situation-caused-by">{cause ? <Link href={`/staff/reperage/situations/${cause.id}${q()}`}>{day(cause.detectedOn)} — {objectLabel(lists, cause)}</Link> : s.causedFlag ? t("detection.yes") : "—"}</dd>
          <dt>{t("detection.fieldActions")}</dt><dd>{s.actions.map((a) => labelOf(lists, "action", a)).join(", ") || "—"}</dd>
          <dt>{t("detection.fieldMinutes")}</dt><dd>{s.timeMinutes ?? s.timeClass ?? "—"}</dd>
          <dt>{t("detection.fieldMissed")}</dt><dd>{s.missedMonthly ? t("detection.fieldMissedValue", { amount: s.missedMonthly, months: s.missedMonths ?? "—" }) : "—"}</dd>
          <dt>{t("detection.fieldOptionalAid")}</dt><dd>{t("detection.fieldOptionalAidValue", { requested: yn(s.optionalAidRequested), granted: s.optionalAidGranted ?? "—" })}</dd>
          <dt>{t("detection.fieldSummary")}</dt><dd>{s.summary ?? "—"}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="suivi-title" id="suivi" tabIndex={-1}>
        <h2 id="suivi-title">{t("detection.followUpTitle")}</h2>
        {problem && <p className="error" role="alert" data-testid="follow-up-error">{problem}</p>}
        {log.length === 0 ? <p>{t("detection.followUpNone")}</p> : (
          <ol data-testid="follow-ups">
            {log.map((l) => (
              <li key={l.id}>
                <strong>{when(l.at)}</strong> {l.author ? t("detection.followUpBy", { name: l.author }) : ""} — {l.note}
                {l.nextStep && <><br />{t("detection.followUpNext", { step: l.nextStep })}</>}
                {l.remindOn && <><br />{t("detection.followUpReminder", { date: day(l.remindOn) })}</>}
                {l.statusAfter && <><br />{t("detection.followUpStatusAfter", { status: tk(`detection.status_${l.statusAfter}`) })}</>}
              </li>
            ))}
          </ol>
        )}
        <FollowUpForm action={followUpAction.bind(null, slug, s.id)} idempotencyKey={`form:${randomUUID()}`}
          statuses={STATUSES.filter((x) => x !== s.status).map((x) => ({ value: x, label: tk(`detection.status_${x}`) }))}
          resolutions={RESOLUTION_CODES.map((x) => ({ value: x, label: tk(`detection.resolution_${x}`) }))}
          strings={{
            note: t("detection.followUpNote"), nextStep: t("detection.followUpNextStep"), remindOn: t("detection.followUpRemindOn"), status: t("detection.followUpStatus"),
            statusSame: t("detection.followUpStatusSame"), resolution: t("detection.followUpResolution"), resolvedOn: t("detection.followUpResolvedOn"),
            openedMonthly: t("detection.followUpOpenedMonthly"), submit: t("detection.followUpSubmit"),
          }} />
      </section>

      <details className="card">
        <summary>{t("detection.editSummary")}</summary>
        <h2>{t("detection.editTitle")}</h2>
        <SituationForm action={saveSituationAction.bind(null, slug, s.id)} strings={{ ...f, submit: f.submitEdit }} options={options}
          household={s.householdCode} initial={situationToValues(s)} hidden={{}} />
      </details>
    </>
  );
}
