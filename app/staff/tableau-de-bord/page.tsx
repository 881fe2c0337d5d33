import { DashboardClient } from "@/components/dashboard/dashboard-client";
import { SettingsForm } from "@/components/dashboard/settings-form";
import "@/components/dashboard/dashboard.css";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { loadDashboardPage } from "@/lib/dashboard/page-data";
import { getT } from "@/lib/i18n/server";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("titles.dashboard");
}

export const dynamic = "force-dynamic";

/** The committee's dashboard: map, legend, table, chart, collection progress and rights-review funnel. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("dashboard:read");
  const { locale, t } = await getT();
  const db = await getDb();
  const sp = await searchParams;
  const { territory, choices } = await staffTerritory(db, user, typeof sp.t === "string" ? sp.t : undefined);
  const data = await loadDashboardPage(db, territory, sp, t, locale, user);
  const isAdmin = user.role === "admin";
  return (
    <div className="dashboard">
      <h1>{t("dashboard.title", { territory: territory.name })}</h1>
      {isAdmin && choices.length > 1 && (
        <form method="get" className="no-print">
          <label className="label" htmlFor="territory-pick">{t("staff.territoryPick")}</label>
          <select id="territory-pick" name="t" defaultValue={territory.slug}>
            {choices.map((c) => <option key={c.slug} value={c.slug}>{c.name}</option>)}
          </select>{" "}
          <button className="button secondary" style={{ width: "auto" }} type="submit">{t("staff.territoryShow")}</button>
        </form>
      )}
      {data.errors.length > 0 && (
        <div className="error-summary" role="alert">
          <p>{t("dashboard.invalid")}</p>
          <ul>{data.errors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      )}
      {data.view && (
        <>
          <p>{t("dashboard.intro", { k: data.view.threshold })}</p>
          {data.synthetic > 0 && data.view.source === "real" && <p className="muted">{t("dashboard.syntheticAvailable", { count: data.synthetic })}</p>}
          <DashboardClient
            initialView={data.view} initialValues={{ ...data.values, ...(isAdmin ? { t: territory.slug } : {}) }} options={data.options}
            messages={(locale === "fr" ? fr : en).dashboard} locale={locale} areas={data.areas} sites={data.sites}
            baseMapUrl={process.env.BAROMETRE_BASEMAP_URL || undefined} territorySlug={isAdmin ? territory.slug : undefined}
            indicatorLabels={data.indicatorLabels} initialPanels={data.panels} benefitLabels={data.benefitLabels}
          />
          {can(user, "territory:configure") && (
            <SettingsForm t={t} threshold={data.view.threshold} target={territory.settings?.collectionTarget ?? null}
              slug={isAdmin ? territory.slug : undefined} saved={sp.reglages === "1"}
              error={sp.reglages === "seuil" ? "threshold" : sp.reglages === "objectif" ? "target" : undefined} />
          )}
        </>
      )}
    </div>
  );
}
