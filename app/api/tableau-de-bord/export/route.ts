import { getDb } from "@/db/client";
import { HttpError } from "@/lib/auth/session";
import { viewToCsv, viewToXlsx, type ExportLabels } from "@/lib/dashboard/export";
import { loadTerritoryBenefitLabels } from "@/lib/dashboard/benefits";
import { loadChoiceCatalogue } from "@/lib/dashboard/choice-catalogue";
import { describeView } from "@/lib/dashboard/labels";
import { formatShortDateTime } from "@/lib/booking/format";
import { dashboardRequest } from "@/lib/dashboard/request";
import { NO_STORE, plainError } from "@/lib/http/form";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** CSV or XLSX of the current view, with the same suppression as the page (hidden cells are empty). */
export async function GET(request: Request) {
  try {
    const format = new URL(request.url).searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw new HttpError(400, "Format d'export inconnu (csv ou xlsx).");
    const db = await getDb();
    const { territory, filters, view } = await dashboardRequest(db, request);
    const { locale, t } = await getT();
    const labels: ExportLabels = {
      header: [t("dashboard.csvArea"), t("dashboard.csvRate"), t("dashboard.csvLow"), t("dashboard.csvHigh"), t("dashboard.csvNum"), t("dashboard.csvDen"), t("dashboard.csvHidden")],
      unknownArea: t("dashboard.unknownArea"), total: t("dashboard.total"), yes: t("dashboard.yes"), no: t("dashboard.no"),
      sheet: t("dashboard.xlsxSheet"), viewSheet: t("dashboard.xlsxViewSheet"), locale,
      exportedAt: t("dashboard.exportedAt", { date: formatShortDateTime(new Date(), locale) }),
      description: describeView(filters, t, locale, {
        level: view.level.name, site: filters.site,
        benefit: (await loadTerritoryBenefitLabels(db, territory.id, locale)).find((b) => b.value === filters.benefit)?.label,
      }, await loadChoiceCatalogue(db, territory.id)),
      threshold: `${t("dashboard.threshold")} : ${view.threshold}`,
      figures: view.audience === "committee" ? t("dashboard.figuresPublishedExport", { k: view.threshold }) : t("dashboard.figuresExactExport"),
    };
    // The lead's exact figures say so in the file's name, so that they are not mistaken for the committee's.
    const name = `tableau-de-bord-${territory.slug}-${filters.indicator.replace(/\./g, "-")}${view.audience === "exact" ? "-chiffres-exacts" : ""}`;
    const headers = { "Cache-Control": NO_STORE };
    if (format === "xlsx") {
      return new Response(new Uint8Array(await viewToXlsx(view, labels)), {
        headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": `attachment; filename="${name}.xlsx"` },
      });
    }
    return new Response(viewToCsv(view, labels), {
      headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
    });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
