import { notFound, redirect } from "next/navigation";
import { KioskChrome } from "@/components/questionnaire/kiosk-chrome";
import { SectionForm } from "@/components/questionnaire/section-form";
import { getT } from "@/lib/i18n/server";
import { localize } from "@/lib/i18n/locale";
import { partialFlow, resolveVisibility, sectionPosition } from "@/lib/questionnaire/flow";
import { errorFieldLabel } from "@/lib/questionnaire/error-labels";
import { postedToFormValues, sectionFormValues } from "@/lib/questionnaire/form-fields";
import { engineFor, loadRespondent } from "@/lib/respondent/context";
import { errorMessage, sectionStrings } from "@/lib/respondent/section-strings";
import { assistedContext } from "@/lib/respondent/assisted";
import { AssistedBanner, AssistedNotice } from "@/components/questionnaire/assisted";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; section: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "Étape 2 sur 8 : Votre foyer — Questionnaire" (RGAA 8.6), "Erreur : …" after a refused post. */
export async function generateMetadata({ params }: Props) {
  const { slug, section: sectionId } = await params;
  const { locale, t } = await getT();
  const { db, territory, draft } = await loadRespondent(slug);
  const fallback = { title: t("titles.questionnaire") };
  if (!draft || draft.submittedResponseId) return fallback;
  const { flow } = await engineFor(db, territory.id, draft);
  const visible = resolveVisibility(flow, draft.answers);
  const section = visible.sections.find((s) => s.id === sectionId);
  if (!section) return fallback;
  const position = sectionPosition(visible.sections, section.id);
  const step = t("titles.step", { current: position.index + 1, total: position.total + 1, name: localize(section.title, locale) });
  const failed = draft.flash?.section === section.id && draft.flash.errors.length > 0;
  return { title: `${failed ? t("titles.errorPrefix") : ""}${step} — ${t("titles.questionnaire")}` };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { slug, section: sectionId } = await params;
  // "Modifier" from the review page: "Suivant" goes back to the review, not through every section.
  const fromReview = (await searchParams).retour === "verifier";
  const { locale, t } = await getT();
  const { db, territory, draft, kiosk } = await loadRespondent(slug);
  if (!draft) redirect(`/t/${slug}?session=expiree`);
  if (draft.submittedResponseId) redirect(`/t/${slug}/merci`);
  const { flow, neighbourhoods } = await engineFor(db, territory.id, draft);
  const visible = resolveVisibility(flow, draft.answers);
  const section = visible.sections.find((s) => s.id === sectionId);
  if (!section) notFound();
  const position = sectionPosition(visible.sections, section.id);
  const partial = partialFlow(flow, section.id);
  const ownIds = new Set(section.questions.map((q) => q.id));
  const prior = Object.fromEntries(Object.entries(visible.answers).filter(([id]) => !ownIds.has(id)));

  const flash = draft.flash?.section === section.id ? draft.flash : null;
  const strings = sectionStrings(t, territory.name, flash?.errors.length ?? 0);
  const needsNeighbourhoods = section.questions.some((q) => q.type === "neighbourhood");
  const assisted = await assistedContext(db, territory.id, draft);

  return (
    <>
      {assisted && <AssistedBanner {...assisted} />}
      <div className="progress">
        <p className="muted" id="progress-label">{t("flow.progress", { current: position.index + 1, total: position.total + 1 })}</p>
        <progress max={position.total + 1} value={position.index + 1} aria-labelledby="progress-label" />
      </div>
      <h1>{localize(section.title, locale)}</h1>
      {section.intro && <p className="lead">{localize(section.intro, locale)}</p>}
      {assisted && position.index === 0 && <AssistedNotice />}
      <SectionForm
        action={`/t/${slug}/answer`}
        locale={locale}
        section={section}
        extraQuestions={[...partial.questions.values()].filter((q) => !ownIds.has(q.id))}
        priorAnswers={prior}
        defaultValues={flash ? postedToFormValues(section, flash.values) : sectionFormValues(flow, section, visible.answers)}
        serverErrors={(flash?.errors ?? []).map((e) => ({ field: e.field, label: errorFieldLabel(flow, e.field, locale), message: errorMessage(strings, e.key, e.params, e.message, locale) }))}
        returnToReview={fromReview}
        neighbourhoods={needsNeighbourhoods
          ? neighbourhoods.map(({ code, name, group, whole }) => ({ code, name: whole ? t("flow.wholeArea", { name }) : name, group }))
          : []}
        isLast={!position.next}
        hasPrevious={!!position.previous}
        allowSave={draft.mode !== "kiosk"}
        strings={strings}
      />
      {kiosk && draft.mode === "kiosk" && <KioskChrome slug={slug} idleSeconds={kiosk.idleSeconds} endLabel={t("flow.endKiosk")} />}
    </>
  );
}
