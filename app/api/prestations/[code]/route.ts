import { z } from "zod";
import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { changeBenefit } from "@/lib/benefits/catalogue";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";

const actionSchema = z.enum(["up", "down", "archive", "restore"]);

/** Moves, archives or restores one benefit of the territory's catalogue (common ones are never archived). Audited; PRG. */
export const POST = staffFormHandler<{ code: string }>(async (request, form, params) => {
  const user = await requirePermissionApi("territory:configure");
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(params.code)) throw new HttpError(404, "Introuvable.");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const back = (key: string, value: string) => seeOther(request, `/staff/prestations?${new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), [key]: value })}`);
  const action = actionSchema.safeParse(form.get("action"));
  if (!action.success) return back("erreur", "action");
  const result = await changeBenefit(db, territory.id, user.id, params.code, action.data);
  if (!result.ok && result.reason === "not_found") throw new HttpError(404, "Introuvable.");
  return result.ok ? back("fait", action.data) : back("erreur", result.reason);
});
