import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("resume.title", "titles.questionnaire");
}

export const dynamic = "force-dynamic";

export default async function ResumePage({ params, searchParams }: {
  params: Promise<{ slug: string }>; searchParams: Promise<{ erreur?: string }>;
}) {
  const { slug } = await params;
  const { erreur } = await searchParams;
  const { t } = await getT();
  const { territory } = await loadRespondent(slug);
  return (
    <>
      <h1>{t("resume.title")}</h1>
      <form method="post" action={`/t/${territory.slug}/resume`} autoComplete="off">
        <div className="question">
          <label className="label" htmlFor="code">{t("resume.label")}</label>
          <p className="hint" id="code-hint">{t("resume.hint")}</p>
          {erreur && <p className="error" id="code-error" role="alert">{t("resume.invalid")}</p>}
          <input id="code" name="code" type="text" autoCapitalize="characters" spellCheck={false} required maxLength={40}
            aria-describedby={erreur ? "code-hint code-error" : "code-hint"} aria-invalid={erreur ? true : undefined} />
        </div>
        <button className="button" type="submit">{t("resume.submit")}</button>
      </form>
    </>
  );
}
