import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { loadAnalysisPage } from "@/lib/detection/rubriques/page-data";
import { getT } from "@/lib/i18n/server";
import type { Tr } from "./format";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The top of the analysis page and of its report: permission, territory (another → not found), the rubriques. */
export async function loadAnalysisRequest(searchParams: SearchParams) {
  const user = await requirePermission("detection:analyse");
  const { locale, t } = await getT();
  const db = await getDb();
  const sp = await searchParams;
  const { territory } = await staffTerritory(db, user, typeof sp.t === "string" ? sp.t : undefined);
  const data = await loadAnalysisPage(db, territory, sp, user, locale);
  return { user, locale, tr: t as unknown as Tr, territory, data, slug: user.role === "admin" ? territory.slug : undefined };
}
