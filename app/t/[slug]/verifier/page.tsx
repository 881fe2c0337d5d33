import Link from "next/link";
import { redirect } from "next/navigation";
import { KioskChrome } from "@/components/questionnaire/kiosk-chrome";
import { getT } from "@/lib/i18n/server";
import { localize } from "@/lib/i18n/locale";
import { formatAnswer } from "@/lib/questionnaire/format";
import { validateAll } from "@/lib/questionnaire/validate";
import { engineFor, loadRespondent } from "@/lib/respondent/context";
import { pageTitle } from "@/lib/i18n/titles";
import { assistedContext } from "@/lib/respondent/assisted";
import { AssistedBanner } from "@/components/questionnaire/assisted";

export function generateMetadata() {
  return pageTitle("review.title", "titles.questionnaire");
}

export const dynamic = "force-dynamic";

/** Review before submission: every answer by section, each section editable. */
export default async function ReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { locale, t } = await getT();
  const { db, territory, draft, kiosk } = await loadRespondent(slug);
  if (!draft) redirect(`/t/${slug}?session=expiree`);
  if (draft.submittedResponseId) redirect(`/t/${slug}/merci`);
  const { flow, neighbourhoods, ctx } = await engineFor(db, territory.id, draft);
  const checked = validateAll(flow, draft.answers, ctx);
  const firstMissing = checked.errors[0]?.section;
  const names = new Map(neighbourhoods.map((n) => [n.code, n.name]));
  const strings = {
    yes: t("flow.yes"), no: t("flow.no"), dontKnow: t("flow.dontKnow"), preferNot: t("flow.preferNot"),
    outside: t("flow.outside", { territory: territory.name }),
  };
  const total = checked.sections.length + 1;
  const assisted = await assistedContext(db, territory.id, draft);

  return (
    <>
      {assisted && <AssistedBanner {...assisted} />}
      <div className="progress">
        <p className="muted" id="progress-label">{t("flow.progress", { current: total, total })}</p>
        <progress max={total} value={total} aria-labelledby="progress-label" />
      </div>
      <h1>{t("review.title")}</h1>
      <p>{t("review.intro")}</p>
      {checked.sections.map((s) => (
        <section key={s.id} className="card" aria-labelledby={`r-${s.id}`}>
          <h2 id={`r-${s.id}`}>{localize(s.title, locale)}</h2>
          <dl className="review">
            {s.questions.filter((q) => checked.answers[q.id] !== undefined).map((q) => (
              <div key={q.id}>
                <dt>{localize(q.label, locale)}</dt>
                {formatAnswer(flow, q, checked.answers[q.id], checked.answers, locale, strings, (c) => names.get(c)).map((line, i) => (
                  <dd key={i}>{line}</dd>
                ))}
              </div>
            ))}
          </dl>
          <Link href={`/t/${slug}/q/${s.id}?retour=verifier`}>{t("review.edit", { section: localize(s.title, locale) })}</Link>
        </section>
      ))}
      {firstMissing ? (
        <p className="error" role="alert">
          <Link href={`/t/${slug}/q/${firstMissing}`}>
            {t("review.incomplete", { section: localize(checked.sections.find((s) => s.id === firstMissing)?.title, locale) })}
          </Link>
        </p>
      ) : (
        <form method="post" action={`/t/${slug}/submit`} className="actions">
          <button className="button" type="submit">{t("review.submit")}</button>
        </form>
      )}
      {kiosk && draft.mode === "kiosk" && <KioskChrome slug={slug} idleSeconds={kiosk.idleSeconds} endLabel={t("flow.endKiosk")} />}
    </>
  );
}
