import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { UUID_PATTERN } from "@/lib/validation/parsers";

export const SETTINGS_PATH = "/staff/rendez-vous/reglages";
const UUID = UUID_PATTERN;

/**
 * Every settings page and action starts here: sign-in and `territory:configure` first (404
 * otherwise), then the territory — the user's own, or the one the platform admin picked.
 */
export async function settingsContext(requestedSlug: string | undefined) {
  const user = await requirePermission("territory:configure");
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, typeof requestedSlug === "string" ? requestedSlug.slice(0, 60) : undefined);
  /** A settings URL that keeps the admin's territory choice. */
  const href = (sub = "", params: Record<string, string> = {}) => {
    const qs = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...params }).toString();
    return `${SETTINGS_PATH}${sub}${qs ? `?${qs}` : ""}`;
  };
  return { user, db, territory, href, actor: { userId: user.id } };
}

/** An id from a URL or a bound action argument: anything but a uuid is simply not found. */
export function checkedId(id: unknown): string {
  if (typeof id !== "string" || !UUID.test(id)) notFound();
  return id.toLowerCase();
}
