import { getDb } from "@/db/client";
import type { Permission } from "./permissions";
import { requirePermission } from "./session";
import { staffTerritory } from "./staff-territory";

/**
 * The start of a staff page: the permission (else not found), the territory (the user's own;
 * ?t= for the platform admin) and `q`, the query suffix that keeps the admin's territory in links.
 */
export async function staffPage(t: string | undefined, permission: Permission) {
  const user = await requirePermission(permission);
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, t?.slice(0, 60));
  const q = (extra: Record<string, string> = {}) => {
    const s = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...extra }).toString();
    return s ? `?${s}` : "";
  };
  return { user, db, territory, q, slug: user.role === "admin" ? territory.slug : null };
}
