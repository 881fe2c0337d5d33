import { z } from "zod";
import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { setSiteArchived } from "@/lib/sites/manage-sites";
import { parseUuid } from "@/lib/validation/parsers";

const actionSchema = z.enum(["archive", "restore"]);

/** Archives or restores a site of the territory (another territory's site: 404). Audited; PRG. */
export const POST = staffFormHandler<{ id: string }>(async (request, form, params) => {
  const user = await requirePermissionApi("territory:configure");
  const id = parseUuid(params.id);
  if (!id) throw new HttpError(404, "Introuvable.");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const action = actionSchema.safeParse(form.get("action"));
  if (!action.success) throw new HttpError(400, "Action inconnue.");
  const result = await setSiteArchived(db, territory.id, user.id, id, action.data === "archive");
  if (!result.ok) throw new HttpError(404, "Introuvable.");
  return seeOther(request, `/staff/sites?${new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), fait: action.data === "archive" ? "archived" : "restored" })}`);
});
