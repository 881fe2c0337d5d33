import Link from "next/link";
import { headers } from "next/headers";
import { StaffNav } from "@/components/staff/staff-nav";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { getDb } from "@/db/client";
import type { TerritorySettings } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { listTerritories } from "@/lib/territories/queries";
import { publicInfo } from "@/lib/territories/public-pages";
import { describeOpening, openingState } from "@/lib/places/opening-hours";
import { footerContact } from "@/lib/respondent/footer-contact";
import { visibleStaffItems } from "@/lib/ui/staff-nav";

type Territory = { id: string; slug: string; name: string; settings: TerritorySettings };

/** The territory a page belongs to: /t/<slug>/… for respondents, the staff member's own for staff pages. */
async function chromeContext() {
  const h = await headers();
  const path = h.get("x-pathname") ?? "/";
  const search = new URLSearchParams(h.get("x-search") ?? "");
  const slugMatch = /^\/t\/([^/]+)/.exec(path);
  const isStaff = path === "/staff" || path.startsWith("/staff/");
  if (!slugMatch && !isStaff) return { path, territory: null, respondent: false, user: null, adminSlug: null };
  const db = await getDb();
  const all = (await listTerritories(db)) as Territory[];
  if (slugMatch) {
    const slug = decodeURIComponent(slugMatch[1]);
    return { path, territory: all.find((t) => t.slug === slug) ?? null, respondent: true, user: null, adminSlug: null };
  }
  const user = await getStaffUser();
  const adminSlug = user?.role === "admin" ? search.get("t") : null;
  const territory = user ? all.find((t) => (user.role === "admin" ? t.slug === adminSlug : t.id === user.territoryId)) ?? null : null;
  return { path, territory, respondent: false, user, adminSlug: territory ? adminSlug : null };
}

/**
 * Header, staff navigation and footer of every page. Respondent pages show the territory's
 * identity; staff pages share one navigation limited to what the role may use, the current
 * entry marked with aria-current; every footer links the accessibility statement (with its
 * RGAA compliance status), the legal notice, the personal-data page and the help phone.
 */
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getT();
  const { territory, respondent, user, adminSlug } = await chromeContext();
  const info = publicInfo(territory?.settings);
  const base = territory ? `/t/${territory.slug}` : "";
  // A way to a person on every respondent page: the phone, the nearest help point, the booking.
  const { place, kiosk } = respondent && territory ? await footerContact(await getDb(), territory.id) : { place: null, kiosk: false };
  const now = new Date();
  const withT = (href: string) => (adminSlug ? `${href}?t=${encodeURIComponent(adminSlug)}` : href);
  return (
    <>
      <a className="skip" href="#contenu">{t("app.skip")}</a>
      <header className="site-header">
        {respondent && territory ? (
          <Link className="brand" href={`/t/${territory.slug}`}>
            {territory.name}<span className="brand-sub"> — {t("chrome.respondentTagline")}</span>
          </Link>
        ) : (
          <Link className="brand" href="/">{t("app.name")}</Link>
        )}
        <LanguageSwitch locale={locale} label={t("app.language")} names={{ fr: t("app.french"), en: t("app.english") }} />
      </header>
      {user && (
        <StaffNav label={t("chrome.staffNav")} signOut={t("staff.signOut")}
          items={visibleStaffItems((p) => can(user, p)).map((item) => ({ key: item.key, href: withT(item.href), label: t(`chrome.nav.${item.key}`) }))} />
      )}
      <main id="contenu" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <ul>
          <li><Link href={`${base}/accessibilite`}>{t("chrome.accessibility", { status: t(`publicPages.compliance.${info.compliance}`) })}</Link></li>
          <li><Link href={`${base}/mentions-legales`}>{t("publicPages.titles.mentions-legales")}</Link></li>
          <li><Link href={`${base}/donnees-personnelles`}>{t("publicPages.titles.donnees-personnelles")}</Link></li>
        </ul>
        {info.helpPhone && (
          <p data-testid="help-phone">
            {t("chrome.help")}{" "}
            <a href={`tel:${info.helpPhone.replace(/[^+0-9]/g, "")}`}>{t("chrome.helpCall", { phone: info.helpPhone })}</a>
            {info.helpHours ? ` (${info.helpHours})` : ""}
          </p>
        )}
        {respondent && territory && (
          <div className="footer-person" data-testid="footer-person">
            {place && (
              <p data-testid="footer-place">
                {t("chrome.nearestPlace", { name: place.name })}
                {place.address ? `, ${place.address}` : ""}
                {" — "}{describeOpening(openingState(place.openingHours, now, place.lat != null && place.lon != null ? { lat: place.lat, lon: place.lon } : undefined), now, locale === "en" ? "en" : "fr")}
                {place.phone && <>{" — "}<a href={`tel:${place.phone.replace(/[^+0-9]/g, "")}`}>{place.phone}</a></>}
              </p>
            )}
            <ul aria-label={t("chrome.personTitle")}>
              {/* A kiosk keeps people in the pages it wipes: the place is named, the links are for other devices. */}
              {!kiosk && <li><Link href={`${base}/rendez-vous`}>{t("chrome.book")}</Link></li>}
              {!kiosk && <li><Link href={`${base}/lieux`}>{t("chrome.allPlaces")}</Link></li>}
              {!kiosk && <li><Link href={`${base}/droits`}>{t("chrome.guides")}</Link></li>}
            </ul>
          </div>
        )}
      </footer>
    </>
  );
}
