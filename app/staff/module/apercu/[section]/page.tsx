import Link from "next/link";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { SectionForm } from "@/components/questionnaire/section-form";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { localize } from "@/lib/i18n/locale";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { getModuleDraft } from "@/lib/modules/drafts";
import { PREVIEW_COOKIE, previewFlow, previewSections, readPreviewCookie } from "@/lib/modules/preview";
import { MODULE_PATH } from "@/lib/modules/staff-context";
import { errorFieldLabel } from "@/lib/questionnaire/error-labels";
import { partialFlow, sectionPosition } from "@/lib/questionnaire/flow";
import { postedToFormValues, sectionFormValues } from "@/lib/questionnaire/form-fields";
import { latestVersion } from "@/lib/questionnaire/versions";
import { errorMessage, sectionStrings } from "@/lib/respondent/section-strings";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("moduleAdmin.previewTitle");
}

type Props = { params: Promise<{ section: string }>; searchParams: Promise<{ t?: string }> };

/**
 * The draft module exactly as a respondent will see it: the respondent's section form, with and
 * without JavaScript. The answers live in the browser's preview cookie only.
 */
export default async function ModulePreviewPage({ params, searchParams }: Props) {
  const user = await requirePermission("territory:configure");
  const { section: sectionId } = await params;
  const sp = await searchParams;
  const { locale, t } = await getT();
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, typeof sp.t === "string" ? sp.t.slice(0, 60) : undefined);
  const q = user.role === "admin" ? `?t=${territory.slug}` : "";
  const [draft, common] = await Promise.all([getModuleDraft(db, territory.id), latestVersion(db, null)]);
  if (!draft?.definition || !common) notFound();
  const flow = previewFlow(common.definition, draft.definition);
  const state = readPreviewCookie((await cookies()).get(PREVIEW_COOKIE)?.value);
  const visible = previewSections(flow, state.answers);
  const section = visible.find((s) => s.id === sectionId);
  if (!section) notFound();
  const position = sectionPosition(visible, section.id);
  const partial = partialFlow(flow, section.id);
  const ownIds = new Set(section.questions.map((x) => x.id));
  const prior = Object.fromEntries(Object.entries(state.answers).filter(([id]) => !ownIds.has(id)));
  const flash = state.flash?.section === section.id ? state.flash : null;
  const strings = sectionStrings(t, territory.name, flash?.errors.length ?? 0);

  return (
    <>
      <div className="card" role="note">
        <p><strong>{t("moduleAdmin.previewBanner")}</strong></p>
        <p><Link href={`${MODULE_PATH}${q}#brouillon`}>{t("moduleAdmin.previewBack")}</Link></p>
      </div>
      <div className="progress">
        <p className="muted" id="progress-label">{t("flow.progress", { current: position.index + 1, total: position.total })}</p>
        <progress max={position.total} value={position.index + 1} aria-labelledby="progress-label" />
      </div>
      <h1>{localize(section.title, locale)}</h1>
      {section.intro && <p className="lead">{localize(section.intro, locale)}</p>}
      <SectionForm
        action={`${MODULE_PATH}/apercu-repondre${q}`}
        locale={locale}
        section={section}
        extraQuestions={[...partial.questions.values()].filter((x) => !ownIds.has(x.id))}
        priorAnswers={prior}
        defaultValues={flash ? postedToFormValues(section, flash.values) : sectionFormValues(flow, section, state.answers)}
        serverErrors={(flash?.errors ?? []).map((e) => ({ field: e.field, label: errorFieldLabel(flow, e.field, locale), message: errorMessage(strings, e.key, e.params, e.message, locale) }))}
        neighbourhoods={[]}
        isLast={!position.next}
        hasPrevious={!!position.previous}
        allowSave={false}
        strings={strings}
      />
    </>
  );
}
