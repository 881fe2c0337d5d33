import { getDb } from "@/db/client";
import { HttpError } from "@/lib/auth/session";
import { dashboardRequest } from "@/lib/dashboard/request";
import { NO_STORE, plainError } from "@/lib/http/form";

export const dynamic = "force-dynamic";

/** The figures of one view as JSON (for the map and table to update without a page load). Aggregates only. */
export async function GET(request: Request) {
  try {
    const { view } = await dashboardRequest(await getDb(), request);
    return Response.json(view, { headers: { "Cache-Control": NO_STORE } });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
