import Link from "next/link";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getT } from "@/lib/i18n/server";
import { collectionCounts } from "@/lib/responses/counts";
import { listSites } from "@/lib/territories/queries";
import { redirect } from "next/navigation";
import { pageTitle } from "@/lib/i18n/titles";
import { TerritoryPicker } from "@/components/staff/territory-picker";

export function generateMetadata() {
  return pageTitle("titles.staffHome");
}

export const dynamic = "force-dynamic";

export default async function StaffHome({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const user = await getStaffUser();
  if (!user) redirect("/connexion?callbackUrl=/staff");
  const { t } = await getT();
  const db = await getDb();
  const { territory, choices } = await staffTerritory(db, user, (await searchParams).t);
  const sites = await listSites(db, territory.id);
  const counts = can(user, "responses:count") ? await collectionCounts(db, territory.id, user.id) : null;

  return (
    <>
      <h1>{t("staff.title")}</h1>
      <p>{t("staff.hello", { name: user.name })} — {t("staff.role", { role: t(`roles.${user.role}`) })}</p>
      {choices.length > 1 ? (
        <TerritoryPicker action="/staff" label={t("staff.territoryPick")} button={t("staff.territoryShow")} choices={choices} current={territory.slug} />
      ) : (
        <p>{t("staff.territory", { territory: territory.name })}</p>
      )}

      {can(user, "questionnaire:assist") && (
        <section className="card" aria-labelledby="assist">
          <h2 id="assist">{t("staff.assistTitle")}</h2>
          <p>{t("staff.assistIntro")}</p>
          <form method="post" action={`/t/${territory.slug}/start`}>
            <input type="hidden" name="mode" value="assisted" />
            <input type="hidden" name="restart" value="1" />
            <div className="question">
              <label className="label" htmlFor="siteId">{t("staff.site")}</label>
              <select id="siteId" name="siteId" defaultValue="">
                <option value="">{t("staff.noSite")}</option>
                {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </div>
            <button className="button" type="submit">{t("staff.assistStart")}</button>
          </form>
        </section>
      )}

      {counts && (
        <section className="card" aria-labelledby="counts">
          <h2 id="counts">{t("staff.countsTitle")}</h2>
          <p data-testid="count-total">{t("staff.countsTotal", { count: counts.total })}</p>
          {user.role === "interviewer" && <p data-testid="count-mine">{t("staff.countsMine", { count: counts.mine })}</p>}
        </section>
      )}

      {can(user, "callbacks:handle") && (
        <p><Link className="button" href={`/staff/rappels${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("queue.queueLink")}</Link></p>
      )}

      {can(user, "dashboard:read") && (
        <p><Link className="button" href={`/staff/tableau-de-bord${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("dashboard.link")}</Link></p>
      )}

      {can(user, "detection:record") && (
        <p><Link className="button" href={`/staff/reperage${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("detection.link")}</Link></p>
      )}
      {can(user, "detection:analyse") && (
        <p><Link className="button" href={`/staff/reperage/analyse${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("detectionAnalysis.link")}</Link></p>
      )}

      {can(user, "appointments:handle") && (
        <p><Link className="button" href={`/staff/rendez-vous${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("appointments.link")}</Link></p>
      )}

      {can(user, "territory:configure") && (
        <p><Link href={`/staff/antennes${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("antenna.link")}</Link></p>
      )}
      {can(user, "territory:configure") && <p><Link href={`/staff/rendez-vous/reglages${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("bookingSettings.link")}</Link></p>}
      {can(user, "audit:read") && (
        <p><Link href={`/staff/journal${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>{t("audit.link")}</Link></p>
      )}

      {can(user, "kiosk:manage") && (
        <section className="card" aria-labelledby="kiosks">
          <h2 id="kiosks">{t("staff.kioskTitle")}</h2>
          <p><Link href={`/staff/kiosques?t=${territory.slug}`}>{t("staff.kioskTitle")}</Link></p>
          <p><Link href={`/staff/liens?t=${territory.slug}`}>{t("staff.qrTitle")}</Link></p>
        </section>
      )}
    </>
  );
}
