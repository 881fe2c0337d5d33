import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { KioskChrome } from "@/components/questionnaire/kiosk-chrome";
import { loadRespondent } from "@/lib/respondent/context";
import { draftPath } from "@/lib/respondent/drafts";
import { getSiteByCode } from "@/lib/territories/queries";
import { getDb } from "@/db/client";
import { getTerritoryBySlug } from "@/lib/territories/queries";

/** The territory's layout template does not apply to its own segment: the full title here. */
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { t } = await getT();
  const territory = await getTerritoryBySlug(await getDb(), (await params).slug);
  return { title: { absolute: `${t("titles.start")} — ${t("titles.questionnaire")} — ${territory?.name ?? t("app.name")}` } };
}

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ site?: string; session?: string }> };

/** The information notice, then "start". `?site=CODE` attributes the response to a site (QR codes). */
export default async function StartPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { site: siteCode, session } = await searchParams;
  const { t } = await getT();
  const { db, territory, draft, kiosk } = await loadRespondent(slug);
  const found = !kiosk && siteCode ? await getSiteByCode(db, territory.id, String(siteCode).slice(0, 100), { includeArchived: true }) : null;
  if (!kiosk && siteCode && !found) notFound();
  // An archived site's old QR code still opens the questionnaire, without attributing it.
  const site = kiosk ? { name: kiosk.siteName, code: null } : found && !found.archivedAt ? found : null;
  const open = draft && !draft.submittedResponseId ? draft : null;

  return (
    <>
      <h1>{t("start.title", { territory: territory.name })}</h1>
      {session === "expiree" && <p className="notice" role="status">{t("flow.sessionEnded")}</p>}
      {kiosk && <p className="muted">{t("start.modeKiosk")}</p>}
      {site && <p className="muted">{t("start.site", { site: site.name })}</p>}
      <section aria-labelledby="purpose"><h2 id="purpose">{t("start.purposeTitle")}</h2><p>{t("start.purpose")}</p></section>
      <section aria-labelledby="anonymity"><h2 id="anonymity">{t("start.anonymityTitle")}</h2><p>{t("start.anonymity")}</p></section>
      <section aria-labelledby="readers"><h2 id="readers">{t("start.readersTitle")}</h2><p>{t("start.readers")}</p></section>
      <section aria-labelledby="practical"><h2 id="practical">{t("start.practicalTitle")}</h2><p>{kiosk ? t("start.practicalKiosk") : t("start.practical")}</p></section>
      <div className="actions">
        {open && <Link className="button" href={draftPath(territory.slug, open)}>{t("start.continue")}</Link>}
        <form method="post" action={`/t/${territory.slug}/start`}>
          {site?.code && <input type="hidden" name="site" value={site.code} />}
          {open && <input type="hidden" name="restart" value="1" />}
          <button className={open ? "button secondary" : "button"} type="submit">
            {open ? t("start.restart") : t("start.begin")}
          </button>
        </form>
        {!kiosk && <Link className="button link" href={`/t/${territory.slug}/reprendre`}>{t("start.haveCode")}</Link>}
      </div>
      {!kiosk && <p><Link href={`/t/${territory.slug}/rendez-vous`}>{t("booking.link")}</Link></p>}
      {kiosk && open && <KioskChrome slug={territory.slug} idleSeconds={kiosk.idleSeconds} />}
    </>
  );
}
