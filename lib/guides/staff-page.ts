import { staffPage } from "@/lib/auth/staff-page";
import { getT } from "@/lib/i18n/server";
import type { GuideT } from "@/components/guides/texts";

/** The start of every staff guide page: guides:edit (others: not found), the territory (?t= for the admin). */
export async function guidesStaffPage(t: string | undefined) {
  const { user, db, territory } = await staffPage(t, "guides:edit");
  const { locale, t: tr } = await getT();
  const loose = tr as unknown as (k: string, v?: Record<string, string | number>) => string;
  const g: GuideT = (k, v) => loose(`guides.${k}`, v);
  const q = user.role === "admin" ? `?t=${encodeURIComponent(territory.slug)}` : "";
  return { user, db, territory, locale, g, q, slug: user.role === "admin" ? territory.slug : null };
}
