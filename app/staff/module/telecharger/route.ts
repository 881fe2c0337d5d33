import { HttpError } from "@/lib/auth/session";
import { NO_STORE, plainError } from "@/lib/http/form";
import { moduleRouteContext } from "@/lib/modules/staff-context";
import { exportXlsform, ExportError } from "@/lib/modules/xlsform/export";
import { latestVersion } from "@/lib/questionnaire/versions";

/** The territory's current module as an XLSForm workbook. */
export async function GET(request: Request) {
  try {
    const { db, territory } = await moduleRouteContext(request);
    const current = await latestVersion(db, territory.id);
    if (!current) return plainError(404, "Aucun module publié.");
    const bytes = await exportXlsform(current.definition, { version: String(current.version) });
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="module-${territory.slug}-v${current.version}.xlsx"`,
        "Cache-Control": NO_STORE,
      },
    });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    if (err instanceof ExportError) return plainError(422, "Ce module contient des questions que le format XLSForm pris en charge ne sait pas décrire.");
    throw err;
  }
}
