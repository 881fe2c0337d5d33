import Link from "next/link";
import { cookies } from "next/headers";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { draftPath } from "@/lib/respondent/drafts";
import { RESUME_COOKIE } from "@/lib/respondent/session-cookies";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("resume.savedTitle", "titles.questionnaire");
}

export const dynamic = "force-dynamic";

/** Shows the resume code just issued (held for 10 minutes in an httpOnly cookie, never in the URL). */
export default async function SavedPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { t } = await getT();
  const { draft } = await loadRespondent(slug);
  const code = (await cookies()).get(RESUME_COOKIE)?.value;
  return (
    <>
      <h1>{t("resume.savedTitle")}</h1>
      {code && /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(code) ? (
        <>
          <p>{t("resume.savedIntro")}</p>
          <p><span className="code" data-testid="resume-code">{code}</span></p>
          <p>{t("resume.savedValidity")}</p>
        </>
      ) : (
        <p>{t("resume.savedMissing")}</p>
      )}
      {draft && !draft.submittedResponseId && (
        <p><Link className="button secondary" href={draftPath(slug, draft)}>{t("resume.savedContinue")}</Link></p>
      )}
    </>
  );
}
