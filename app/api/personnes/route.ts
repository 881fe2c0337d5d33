import { getDb } from "@/db/client";
import { requirePermissionApi } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { inviteSchema, inviteStaff } from "@/lib/people/invitations";

/** Invites a staff member (admins: no territory; anyone else: the territory worked on). PRG back to the list. */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const user = await requirePermissionApi("people:manage");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  const back = (key: "fait" | "erreur", value: string) =>
    seeOther(request, `/staff/personnes?${new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), [key]: value })}`);
  const parsed = inviteSchema.safeParse({ name: form.get("name") ?? "", email: form.get("email") ?? "", role: form.get("role") ?? "" });
  if (!parsed.success) return back("erreur", String(parsed.error.issues[0]?.path[0] ?? "name"));
  const result = await inviteStaff(db, user, parsed.data, parsed.data.role === "admin" ? null : territory.id, territory.id);
  return result.ok ? back("fait", "invited") : back("erreur", result.reason);
});
