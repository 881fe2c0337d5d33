import { z } from "zod";
import { getDb } from "@/db/client";
import { ROLES } from "@/db/schema";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { resendInvitation } from "@/lib/people/invitations";
import { changePerson } from "@/lib/people/manage";
import { parseUuid } from "@/lib/validation/parsers";

const changeSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("role"), role: z.enum(ROLES) }),
  z.object({ action: z.literal("disable") }),
  z.object({ action: z.literal("enable") }),
  z.object({ action: z.literal("unlock") }),
  z.object({ action: z.literal("reinvite") }),
]);

/** One change of one account: role, disable, enable, unlock, a new invitation link. The rules (lib/people/rules.ts) apply on the server. */
export const POST = staffFormHandler<{ id: string }>(async (request, form, params) => {
  const user = await requirePermissionApi("people:manage");
  const id = parseUuid(params.id);
  if (!id) throw new HttpError(404, "Introuvable.");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const back = (key: "fait" | "erreur", value: string) =>
    seeOther(request, `/staff/personnes?${new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), [key]: value })}`);
  const parsed = changeSchema.safeParse({ action: form.get("action") ?? "", ...(form.has("role") ? { role: form.get("role") } : {}) });
  if (!parsed.success) return back("erreur", parsed.error.issues.some((i) => i.path[0] === "role") ? "role" : "action");
  const data = parsed.data;
  const result = data.action === "reinvite"
    ? await resendInvitation(db, user, id, territory.id)
    : await changePerson(db, user, id, data.action === "role" ? { kind: "role", role: data.role } : { kind: data.action }, territory.id);
  if (!result.ok && result.reason === "not_found") throw new HttpError(404, "Introuvable.");
  return result.ok ? back("fait", parsed.data.action) : back("erreur", result.reason);
});
