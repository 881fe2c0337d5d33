import { notFound } from "next/navigation";
import type { Db } from "@/db/client";
import { listTerritories } from "@/lib/territories/queries";
import type { StaffUser } from "./authenticate";
import { HttpError } from "./session";

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

/** The same for route handlers: another territory → 404 as an HttpError. */
export async function staffTerritoryApi(db: Db, user: StaffUser, requestedSlug?: string) {
  const all = await listTerritories(db);
  const t = user.role === "admin"
    ? (requestedSlug ? all.find((x) => x.slug === requestedSlug) : all[0])
    : all.find((x) => x.id === user.territoryId && (!requestedSlug || x.slug === requestedSlug));
  if (!t) throw new HttpError(404, "Territoire inconnu.");
  return t;
}
