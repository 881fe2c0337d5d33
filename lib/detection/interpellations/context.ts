import { DateTime } from "luxon";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { PARIS } from "@/lib/validation/parsers";

export const DOSSIERS_PATH = "/staff/reperage/interpellations";

/**
 * Every dossier page and action starts here: sign-in and `detection:record` first (the committee
 * and interviewers get 404), then the territory — the user's own, or the one the platform admin picked.
 */
export async function dossierContext(requestedSlug: string | null | undefined) {
  const user = await requirePermission("detection:record");
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, typeof requestedSlug === "string" && requestedSlug ? requestedSlug.slice(0, 60) : undefined);
  const slug = user.role === "admin" ? territory.slug : null;
  /** A dossier URL that keeps the admin's territory choice. */
  const href = (sub = "", params: Record<string, string> = {}) => {
    const qs = new URLSearchParams({ ...(slug ? { t: slug } : {}), ...params }).toString();
    return `${DOSSIERS_PATH}${sub}${qs ? `?${qs}` : ""}`;
  };
  return { user, db, territory, slug, href };
}

/** Today in Paris (a sending or an answer cannot be dated later). */
export function parisToday(now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: PARIS }).toISODate()!;
}
