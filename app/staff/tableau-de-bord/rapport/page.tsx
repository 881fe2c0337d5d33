import Link from "next/link";
import { CollectionProgressSection } from "@/components/dashboard/collection-progress";
import { FiguresNotice } from "@/components/dashboard/figures-notice";
import { FunnelSection } from "@/components/dashboard/funnel-section";
import { MapLegend } from "@/components/dashboard/map-legend";
import { PrintButton } from "@/components/dashboard/print-button";
import { StaticTable } from "@/components/dashboard/static-table";
import { SvgMap } from "@/components/dashboard/svg-map";
import "@/components/dashboard/dashboard.css";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { filtersQuery } from "@/lib/dashboard/filters";
import { describeView, indicatorLabel } from "@/lib/dashboard/labels";
import { loadDashboardPage } from "@/lib/dashboard/page-data";
import { everythingHidden } from "@/lib/dashboard/view-state";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("titles.report", "titles.dashboard");
}

export const dynamic = "force-dynamic";

/** The printable A4 report of a view, for committee meetings (same figures and suppression as the page). */
export default async function DashboardReport({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("dashboard:read");
  const { locale, t } = await getT();
  const db = await getDb();
  const sp = await searchParams;
  const { territory } = await staffTerritory(db, user, typeof sp.t === "string" ? sp.t : undefined);
  const data = await loadDashboardPage(db, territory, sp, t, locale, user);
  const tf = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const back = `/staff/tableau-de-bord?${data.view ? filtersQuery({ ...data.filters, t: user.role === "admin" ? territory.slug : undefined }) : ""}`;
  return (
    <div className="dashboard report">
      <p className="no-print"><Link href={back}>{t("dashboard.backToDashboard")}</Link></p>
      <h1>{t("dashboard.reportTitle", { territory: territory.name })}</h1>
      {data.errors.length > 0 && <div className="error-summary" role="alert"><ul>{data.errors.map((e) => <li key={e}>{e}</li>)}</ul></div>}
      {data.view && (
        <>
          <p>{t("dashboard.reportView", { description: describeView(data.filters, t, locale, { level: data.view.level.name, site: data.options.sites.find((s) => s.value === data.filters.site)?.label, benefit: data.options.benefits.find((b) => b.value === data.filters.benefit)?.label }, data.catalogue) })}</p>
          <p>{t("dashboard.reportGenerated", { date: new Date().toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris" }), k: data.view.threshold })}</p>
          <FiguresNotice view={data.view} t={tf} locale={locale} />
          {everythingHidden(data.view) && <p className="notice">{t("dashboard.allHidden")}</p>}
          {data.view.source !== "real" && <p className="notice synthetic"><strong>{t("dashboard.syntheticBanner")}</strong></p>}
          <PrintButton label={t("dashboard.print")} />
          <section aria-labelledby="report-map">
            <h2 id="report-map">{t("dashboard.mapTitle")} — {indicatorLabel(data.view.indicator, t, locale, data.catalogue)}</h2>
            <SvgMap areas={data.areas} sites={data.sites} rows={data.view.rows} label={t("dashboard.mapLabel", { indicator: indicatorLabel(data.view.indicator, t, locale, data.catalogue) })} />
            <MapLegend view={data.view} locale={locale} t={tf} />
          </section>
          <section aria-labelledby="report-table">
            <h2 id="report-table">{t("dashboard.tableTitle")}</h2>
            <StaticTable view={data.view} t={t} locale={locale} caption={t("dashboard.tableCaption", { indicator: indicatorLabel(data.view.indicator, t, locale, data.catalogue), level: data.view.level.name })} />
          </section>
          <CollectionProgressSection progress={data.panels.progress} t={tf} locale={locale} />
          <FunnelSection funnel={data.panels.funnel} t={tf} benefitLabels={data.benefitLabels} />
        </>
      )}
    </div>
  );
}
