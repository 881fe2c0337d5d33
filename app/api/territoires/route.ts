import { getDb } from "@/db/client";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { createTerritory, newTerritorySchema } from "@/lib/territories/territory-admin";

/** The platform admin creates a territory; then its settings page. Anyone else: not found. */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const user = await requirePermissionApi("territory:configure");
  if (user.role !== "admin") throw new HttpError(404, "Introuvable.");
  const parsed = newTerritorySchema.safeParse({ name: form.get("name") ?? "", slug: form.get("slug") ?? "" });
  if (!parsed.success) return seeOther(request, `/staff/territoires?erreur=${parsed.error.issues[0]?.message ?? "name"}`);
  const result = await createTerritory(await getDb(), user.id, parsed.data);
  if (!result.ok) return seeOther(request, `/staff/territoires?erreur=${result.reason}`);
  return seeOther(request, `/staff/territoires/reglages?t=${parsed.data.slug}&fait=cree`);
});
