import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { isNextControlFlow, plainError, seeOther, SERVER_ERROR_MESSAGE } from "@/lib/http/form";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/origin";
import { describeError, logger } from "@/lib/log/logger";
import { encodeRowErrors } from "@/lib/sites/import-errors";
import { importSites } from "@/lib/sites/manage-sites";
import { MAX_SITE_FILE_BYTES, parseSitesCsv, parseSitesGeoJson, type RowError } from "@/lib/sites/parse-import";

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 16 * 1024;

/**
 * Imports a CSV or GeoJSON file of sites (a plain multipart form, works without JavaScript):
 * permission and territory first, then size, type and encoding, then every row; any fault
 * imports nothing and the page lists the faults by row. One transaction, one audit row.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  try {
    const user = await requirePermissionApi("territory:configure");
    const db = await getDb();
    const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
    const back = (params: Record<string, string>) =>
      seeOther(request, `/staff/sites?${new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...params })}#import-errors`);
    const fail = (errors: RowError[]) => back({ erreurs: encodeRowErrors(errors) });
    const fileFault = (message: string) => fail([{ row: 0, field: "file", message }]);

    // The declared size is checked before reading anything (a browser always declares it).
    const declared = Number(request.headers.get("content-length") ?? NaN);
    if (!Number.isFinite(declared) || declared > MAX_SITE_FILE_BYTES + ENVELOPE_BYTES) return fileFault("too_large");
    if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return fileFault("type");
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File) || file.size === 0) return fileFault("empty");
    if (file.size > MAX_SITE_FILE_BYTES) return fileFault("too_large");
    const ext = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase();
    const format = ext === "csv" ? "csv" : ext === "geojson" || ext === "json" ? "geojson" : null;
    if (!format) return fileFault("type");
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return fileFault("encoding");
    }
    const parsed = format === "csv" ? parseSitesCsv(text) : parseSitesGeoJson(text);
    if (!parsed.ok) return fail(parsed.errors);
    const { created, updated } = await importSites(db, territory.id, user.id, parsed.sites, format);
    return back({ importe: `${created}-${updated}` });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    if (isNextControlFlow(err)) throw err;
    logger.error("route_handler_failed", { route: "/api/sites/import", method: "POST", ...describeError(err) });
    return plainError(500, SERVER_ERROR_MESSAGE);
  }
}
