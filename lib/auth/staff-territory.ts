import { notFound } from "next/navigation";
import type { Db } from "@/db/client";
import { listTerritories } from "@/lib/territories/queries";
import type { StaffUser } from "./authenticate";

/**
 * The territory a staff page works on: the user's own, or for the platform admin the one
 * picked with ?t=slug (the first one otherwise). Another territory → not found.
 */
export async function staffTerritory(db: Db, user: StaffUser, requestedSlug?: string) {
  const all = await listTerritories(db);
  if (user.role === "admin") {
    const t = requestedSlug ? all.find((x) => x.slug === requestedSlug) : all[0];
    if (!t) notFound();
    return { territory: t, choices: all };
  }
  const own = all.find((x) => x.id === user.territoryId);
  if (!own || (requestedSlug && requestedSlug !== own.slug)) notFound();
  return { territory: own, choices: [own] };
}
