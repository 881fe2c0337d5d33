import { notFound } from "next/navigation";
import { KioskChrome } from "@/components/questionnaire/kiosk-chrome";
import { getT } from "@/lib/i18n/server";
import { resolveRespondent } from "@/lib/respondent/context";
import { paragraphs, publicInfo, type PublicPage } from "@/lib/territories/public-pages";
import { getDb } from "@/db/client";
import { getTerritoryBySlug } from "@/lib/territories/queries";

const FIELD = { accessibilite: "accessibility", "mentions-legales": "legalNotice", "donnees-personnelles": "personalData" } as const;

/** The footer's pages: the territory's own text when its lead wrote one, the default text otherwise. */
export async function PublicPageView({ page, slug }: { page: PublicPage; slug: string | null }) {
  const { t } = await getT();
  const db = await getDb();
  const respondent = slug ? await resolveRespondent(db, slug, new Date()) : null;
  if (slug && !respondent) notFound();
  // Uncached: the lead's edit shows at once (resolveRespondent's territory is memoised for 30 s).
  const territory = slug ? await getTerritoryBySlug(db, slug) : null;
  // On a kiosk these pages wipe an idle session like the questionnaire does.
  const kiosk = respondent?.kiosk ?? null;
  const info = publicInfo(territory?.settings);
  const own = info[FIELD[page]];
  const body = own ?? t(`publicPages.defaults.${page}`, { territory: territory?.name ?? t("app.name") });
  return (
    <>
      <h1>{t(`publicPages.titles.${page}`)}</h1>
      {page === "accessibilite" && (
        <p className="notice" data-testid="compliance">{t("publicPages.complianceSentence", { status: t(`publicPages.compliance.${info.compliance}`) })}</p>
      )}
      {paragraphs(body).map((p, i) => <p key={i}>{p}</p>)}
      <h2>{t("chrome.help")}</h2>
      <p>{info.helpPhone
        ? <>{t("chrome.helpCall", { phone: info.helpPhone })}{info.helpHours ? ` (${info.helpHours})` : ""}</>
        : t("publicPages.noPhone")}</p>
      {kiosk && slug && <KioskChrome slug={slug} idleSeconds={kiosk.idleSeconds} />}
    </>
  );
}

/** Title of a footer page (RGAA 8.6). */
export async function publicPageMetadata(page: PublicPage) {
  const { t } = await getT();
  return { title: t(`publicPages.titles.${page}`) };
}
