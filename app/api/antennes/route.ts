import { getDb } from "@/db/client";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { requirePermissionApi } from "@/lib/auth/session";
import { antennaSchema, createAntenna } from "@/lib/callbacks/antennas";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { writeAudit } from "@/lib/audit/write-audit";

export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const user = await requirePermissionApi("territory:configure");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const back = `/staff/antennes${user.role === "admin" ? `?t=${territory.slug}&` : "?"}`;
  const parsed = antennaSchema.safeParse({ name: form.get("name") ?? "", neighbourhoodIds: form.getAll("neighbourhoodIds") });
  if (!parsed.success) return seeOther(request, `${back}erreur=1`);
  const result = await createAntenna(db, territory.id, parsed.data);
  if (!result.ok) return seeOther(request, `${back}erreur=1`);
  await writeAudit(db, { territoryId: territory.id, actorUserId: user.id, actorKind: "staff", action: "antenna.create", entity: "antenna", entityId: result.id });
  return seeOther(request, back.slice(0, -1));
});
