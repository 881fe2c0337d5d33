import { getDb } from "@/db/client";
import { can, type Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { actorOf } from "./form-actions";

/**
 * The start of every outreach page: the permission (else not found), the territory (the user's
 * own; ?t= for the platform admin), the actor (lead or proposer) and the query suffix that keeps
 * the admin's territory in links.
 */
export async function outreachPage(t: string | undefined, permission: Permission = "outreach:propose") {
  const user = await requirePermission(permission);
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, t);
  const q = (extra: Record<string, string> = {}) => {
    const s = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...extra }).toString();
    return s ? `?${s}` : "";
  };
  return { user, db, territory, q, slug: user.role === "admin" ? territory.slug : null, actor: actorOf(user), can: (p: Permission) => can(user, p) };
}
