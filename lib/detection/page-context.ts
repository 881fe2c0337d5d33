import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The start of every detection page: the permission (committee and interviewers: not found),
 * the territory (the user's own; ?t= for the platform admin), and the query suffix that keeps
 * the admin's territory in links.
 */
export async function detectionPage(t: string | undefined, permission: Permission = "detection:record") {
  const user = await requirePermission(permission);
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, t);
  const q = (extra: Record<string, string> = {}) => {
    const s = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...extra }).toString();
    return s ? `?${s}` : "";
  };
  return { user, db, territory, q, slug: user.role === "admin" ? territory.slug : null };
}
