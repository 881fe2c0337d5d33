import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getT } from "@/lib/i18n/server";
import type { GuideT } from "@/components/guides/texts";

/** The start of every staff guide page: guides:edit (others: not found), the territory (?t= for the admin). */
export async function guidesStaffPage(t: string | undefined) {
  const user = await requirePermission("guides:edit");
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, t);
  const { locale, t: tr } = await getT();
  const loose = tr as unknown as (k: string, v?: Record<string, string | number>) => string;
  const g: GuideT = (k, v) => loose(`guides.${k}`, v);
  const q = user.role === "admin" ? `?t=${encodeURIComponent(territory.slug)}` : "";
  return { user, db, territory, locale, g, q, slug: user.role === "admin" ? territory.slug : null };
}
