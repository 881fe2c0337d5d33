import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { localize } from "@/lib/i18n/locale";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { translatorFor } from "@/lib/i18n/translator";
import { getModuleDraft } from "@/lib/modules/drafts";
import { MODULE_PATH } from "@/lib/modules/staff-context";
import { formatPlace } from "@/lib/modules/xlsform/format-issue";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { latestVersion } from "@/lib/questionnaire/versions";
import { questionnaireVersions } from "@/db/schema";
import { desc, eq } from "drizzle-orm";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("moduleAdmin.title");
}

type Search = { t?: string; erreur?: string; publie?: string; inchange?: string; apercu?: string };
const ERRORS = ["taille", "fichier", "brouillon", "formulaire", "trop"] as const;

const countQuestions = (d: QuestionnaireDefinition) => d.sections.reduce((n, s) => n + s.questions.filter((q) => q.type !== "note").length, 0);

/**
 * The territory's module: the published version (download as XLSForm), the upload of a new
 * XLSForm file → its faults, or a draft to preview and publish. Works without JavaScript.
 */
export default async function ModulePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("territory:configure");
  const sp = await searchParams;
  const { locale, t } = await getT();
  const tl = translatorFor(locale);
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, typeof sp.t === "string" ? sp.t.slice(0, 60) : undefined);
  const q = user.role === "admin" ? `?t=${territory.slug}` : "";
  const [current, draft] = await Promise.all([latestVersion(db, territory.id), getModuleDraft(db, territory.id)]);
  const [published] = current
    ? await db.select({ at: questionnaireVersions.publishedAt }).from(questionnaireVersions).where(eq(questionnaireVersions.id, current.id)).orderBy(desc(questionnaireVersions.version)).limit(1)
    : [];
  const error = ERRORS.find((e) => e === sp.erreur);
  const date = (d: Date) => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(d);
  const firstSection = draft?.definition?.sections[0]?.id;

  return (
    <>
      <h1>{t("moduleAdmin.title")} — {territory.name}</h1>
      <p>{t("moduleAdmin.intro")}</p>
      {error && <p className="error" role="alert">{t(`moduleAdmin.errors.${error}`)}</p>}
      {sp.publie && /^\d{1,6}$/.test(sp.publie) && <p className="notice" role="status">{t("moduleAdmin.published", { version: Number(sp.publie) })}</p>}
      {sp.inchange && <p className="notice" role="status">{t("moduleAdmin.unchanged")}</p>}

      <section aria-labelledby="current-title">
        <h2 id="current-title">{t("moduleAdmin.currentTitle")}</h2>
        {current ? (
          <>
            <p>
              {t("moduleAdmin.current", {
                version: current.version, title: localize(current.definition.title, locale),
                sections: current.definition.sections.length, questions: countQuestions(current.definition),
              })}
              {published && <> {t("moduleAdmin.publishedAt", { date: date(published.at) })}</>}
            </p>
            <p><a href={`${MODULE_PATH}/telecharger${q}`} download>{t("moduleAdmin.download", { version: current.version })}</a></p>
          </>
        ) : <p>{t("moduleAdmin.none")}</p>}
      </section>

      <section aria-labelledby="upload-title">
        <h2 id="upload-title">{t("moduleAdmin.uploadTitle")}</h2>
        <p>{t("moduleAdmin.uploadIntro")}</p>
        <form method="post" action={`${MODULE_PATH}/televerser${q}`} encType="multipart/form-data" className="card">
          <div className="question">
            <label className="label" htmlFor="module-file">{t("moduleAdmin.fileLabel")}</label>
            <p className="hint" id="module-file-hint">{t("moduleAdmin.fileHint")}</p>
            <input id="module-file" name="file" type="file" required aria-describedby="module-file-hint"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          </div>
          <button className="button" type="submit">{t("moduleAdmin.upload")}</button>
        </form>
      </section>

      {draft && (
        <section aria-labelledby="brouillon" className="card">
          {draft.definition ? (
            <>
              <h2 id="brouillon" tabIndex={-1}>{t("moduleAdmin.draftTitle", { title: localize(draft.definition.title, locale) })}</h2>
              {sp.apercu === "fini" && <p className="notice" role="status">{t("moduleAdmin.previewDone")}</p>}
              <p>{t("moduleAdmin.draftSummary", {
                file: draft.fileName, date: date(draft.uploadedAt),
                sections: draft.definition.sections.length, questions: countQuestions(draft.definition),
              })}</p>
              <ol>
                {draft.definition.sections.map((s) => <li key={s.id}>{localize(s.title, locale)}</li>)}
              </ol>
              {firstSection && <p><Link className="button secondary" href={`${MODULE_PATH}/apercu/${firstSection}${q}`}>{t("moduleAdmin.preview")}</Link></p>}
              <form method="post" action={`${MODULE_PATH}/publier${q}`}>
                <input type="hidden" name="confirm" value="publish" />
                <p className="hint">{t("moduleAdmin.publishHint")}</p>
                <button className="button" type="submit">{t("moduleAdmin.publish")}</button>
              </form>
            </>
          ) : (
            <div role="alert">
              <h2 id="brouillon" tabIndex={-1}>{t("moduleAdmin.refusedTitle", { file: draft.fileName, count: draft.issues.length })}</h2>
              <table>
                <caption className="visually-hidden">{t("moduleAdmin.issuesCaption")}</caption>
                <thead><tr><th scope="col">{t("moduleAdmin.issuePlace")}</th><th scope="col">{t("moduleAdmin.issueMessage")}</th></tr></thead>
                <tbody>
                  {draft.issues.map((issue, i) => (
                    <tr key={i}>
                      <td>{formatPlace(tl, issue) || "—"}</td>
                      <td>{tl(`xlsform.errors.${issue.code}`, issue.params ?? {})}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <form method="post" action={`${MODULE_PATH}/abandonner${q}`}>
            <button className="button link" type="submit">{t("moduleAdmin.discard")}</button>
          </form>
        </section>
      )}
    </>
  );
}
