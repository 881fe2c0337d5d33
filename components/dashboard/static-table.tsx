import { formatRate } from "@/lib/dashboard/labels";
import type { Figure } from "@/lib/dashboard/view";
import type { Locale } from "@/lib/i18n/locale";
import type { T } from "@/lib/i18n/server";
import type { DashboardView } from "./types";

/** The view's table for the printed report (server-rendered, same figures as the page). */
export function StaticTable({ view, caption, t, locale }: { view: DashboardView; caption: string; t: T; locale: Locale }) {
  const cells = (f: Figure) => f.suppressed ? <td colSpan={4} className="hidden-cell">{t("dashboard.hidden")}</td> : !f.den ? <td colSpan={4}>{t("dashboard.noData")}</td> : (
    <>
      <td>{formatRate(f.rate, locale)}</td>
      <td>{t("dashboard.interval", { low: formatRate(f.low, locale), high: formatRate(f.high, locale) })}</td>
      <td>{f.num}</td><td>{f.den}</td>
    </>
  );
  return (
    <table className="dashboard-table">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{t("dashboard.colArea")}</th><th scope="col">{t("dashboard.colRate")}</th><th scope="col">{t("dashboard.colInterval")}</th><th scope="col">{t("dashboard.colNum")}</th><th scope="col">{t("dashboard.colDen")}</th></tr></thead>
      <tbody>{view.rows.map((r) => <tr key={r.key}><th scope="row">{r.name}</th>{cells(r)}</tr>)}</tbody>
      <tfoot>
        <tr><th scope="row">{t("dashboard.unknownArea")}</th>{cells(view.unknown)}</tr>
        <tr><th scope="row">{t("dashboard.total")}</th>{cells(view.total)}</tr>
      </tfoot>
    </table>
  );
}
