import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { formatShortDateTime } from "@/lib/booking/format";
import { rubriquesCsv, rubriquesXlsx, type Tr } from "@/lib/detection/rubriques/flatten";
import { rubriquesForUser } from "@/lib/detection/rubriques/request";
import { NO_STORE, plainError } from "@/lib/http/form";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** The rubriques as CSV or XLSX, the same figures as the page for the same reader (hidden = empty). */
export async function GET(request: Request) {
  try {
    const user = await requirePermissionApi("detection:analyse");
    const params = new URL(request.url).searchParams;
    const format = params.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx") throw new HttpError(400, "Format d'export inconnu (csv ou xlsx).");
    const { locale, t } = await getT();
    const { territory, rubriques } = await rubriquesForUser(await getDb(), user, params, locale);
    const tr = t as unknown as Tr;
    const filters = Object.entries(rubriques.filters).map(([k, v]) => `${k}=${v}`).join(", ");
    const info = [
      tr("detectionAnalysis.title", { territory: territory.name }),
      filters ? tr("detectionAnalysis.exportFilters", { filters }) : tr("detectionAnalysis.exportNoFilter"),
      rubriques.audience === "exact" ? tr("detectionAnalysis.figuresExact") : tr("detectionAnalysis.figuresCommittee", { k: rubriques.threshold }),
      tr("detectionAnalysis.exportedAt", { date: formatShortDateTime(new Date(), locale) }),
    ];
    // Exact figures say so in the file's name, so that they are not mistaken for the committee's.
    const name = `rubriques-reperage-${territory.slug}${rubriques.audience === "exact" ? "-chiffres-exacts" : ""}`;
    if (format === "xlsx") {
      return new Response(new Uint8Array(await rubriquesXlsx(rubriques, tr, info)), {
        headers: { "Cache-Control": NO_STORE, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": `attachment; filename="${name}.xlsx"` },
      });
    }
    return new Response(rubriquesCsv(rubriques, tr, locale), {
      headers: { "Cache-Control": NO_STORE, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
    });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
