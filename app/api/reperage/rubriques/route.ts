import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { rubriquesForUser } from "@/lib/detection/rubriques/request";
import { NO_STORE, plainError } from "@/lib/http/form";
import { getLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/**
 * The stable contract (README, "Detection rubriques API"): the rubriques of one territory as
 * JSON, exact for CCAS staff, protected for the committee (decision 0016).
 */
export async function GET(request: Request) {
  try {
    const user = await requirePermissionApi("detection:analyse");
    const { rubriques } = await rubriquesForUser(await getDb(), user, new URL(request.url).searchParams, await getLocale());
    return Response.json(rubriques, { headers: { "Cache-Control": NO_STORE } });
  } catch (err) {
    if (err instanceof HttpError) return plainError(err.status, err.message);
    throw err;
  }
}
