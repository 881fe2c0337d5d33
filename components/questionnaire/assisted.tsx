import { getT } from "@/lib/i18n/server";

/** On every page of an assisted questionnaire: who accompanies the person, and where. */
export async function AssistedBanner({ interviewerName, siteName }: { interviewerName: string | null; siteName: string | null }) {
  const { t } = await getT();
  return (
    <p className="assisted-banner" data-testid="assisted-banner">
      {interviewerName ? t("start.modeAssisted", { name: interviewerName }) : t("assisted.noName")}
      {siteName ? ` — ${t("start.site", { site: siteName })}` : ""}
    </p>
  );
}

/**
 * Before the first questions of an assisted questionnaire: the information notice of the start
 * page, for the interviewer to read aloud (the person did not see the start page).
 */
export async function AssistedNotice() {
  const { t } = await getT();
  return (
    <section className="card read-aloud" aria-labelledby="read-aloud">
      <h2 id="read-aloud">{t("assisted.readAloudTitle")}</h2>
      <p className="hint">{t("assisted.readAloudHint")}</p>
      <h3>{t("start.purposeTitle")}</h3><p>{t("start.purpose")}</p>
      <h3>{t("start.anonymityTitle")}</h3><p>{t("start.anonymity")}</p>
      <h3>{t("start.readersTitle")}</h3><p>{t("start.readers")}</p>
      <p>{t("assisted.readAloudConsent")}</p>
    </section>
  );
}
