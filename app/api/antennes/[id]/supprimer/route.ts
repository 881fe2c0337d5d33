import { getDb } from "@/db/client";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { deleteAntenna } from "@/lib/callbacks/antennas";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { writeAudit } from "@/lib/audit/write-audit";
import { isUuid } from "@/lib/validation/parsers";

export const POST = staffFormHandler<{ id: string }>(async (request, _form, { id }) => {
  const user = await requirePermissionApi("territory:configure");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  if (!isUuid(id) || !(await deleteAntenna(db, territory.id, id))) throw new HttpError(404, "Antenne introuvable.");
  await writeAudit(db, { territoryId: territory.id, actorUserId: user.id, actorKind: "staff", action: "antenna.delete", entity: "antenna", entityId: id });
  return seeOther(request, `/staff/antennes${user.role === "admin" ? `?t=${territory.slug}` : ""}`);
});
