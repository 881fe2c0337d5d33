import { HttpError } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/booking/notify";
import { toCsv } from "@/lib/export/csv";
import { NO_STORE, plainError } from "@/lib/http/form";
import { DI_COLUMNS, toDataInclusion, toFlatRows } from "@/lib/places/data-inclusion";
import { placesRouteContext } from "@/lib/places/staff-context";
import { listStaffHelpPoints } from "@/lib/places/store";

/** The territory's active help points in the data·inclusion schema: ?format=json (structures + services) or csv. */
export async function GET(request: Request) {
  try {
    const { db, territory } = await placesRouteContext(request);
    const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "json";
    const points = (await listStaffHelpPoints(db, territory.id)).filter((p) => !p.archivedAt);
    // An absolute address: data·inclusion expects a URL, and a re-import checks it as one.
    const doc = toDataInclusion(points, `${publicBaseUrl()}/t/${territory.slug}/rendez-vous`);
    const body = format === "csv"
      ? toCsv([...DI_COLUMNS], toFlatRows(doc).map((r) => DI_COLUMNS.map((c) => r[c] ?? "")))
      : JSON.stringify(doc, null, 2);
    return new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="lieux-${territory.slug}.${format}"`,
        "Cache-Control": NO_STORE,
      },
    });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
