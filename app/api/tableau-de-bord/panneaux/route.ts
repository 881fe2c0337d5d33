import { getDb } from "@/db/client";
import { HttpError } from "@/lib/auth/session";
import { loadPanels } from "@/lib/dashboard/panels";
import { dashboardRequest } from "@/lib/dashboard/request";
import { NO_STORE, plainError } from "@/lib/http/form";

export const dynamic = "force-dynamic";

/**
 * Collection progress and rights-review funnel of one view as JSON, fetched beside the view's
 * figures when a filter changes in place (so that the map is not kept waiting). Aggregates only.
 */
export async function GET(request: Request) {
  try {
    const db = await getDb();
    const { territory, filters, view } = await dashboardRequest(db, request);
    return Response.json(await loadPanels(db, territory, filters, view), { headers: { "Cache-Control": NO_STORE } });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
