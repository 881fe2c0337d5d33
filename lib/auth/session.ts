import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { StaffUser } from "./authenticate";
import { authOptions } from "./options";
import { can, canAccessTerritory, type Permission } from "./permissions";

/**
 * The signed-in staff member, re-read from the database so that a disabled account or a
 * changed role takes effect at once (the JWT alone could be hours old). A token whose session
 * version is not the account's current one was revoked (sign-out, password, role, territory or
 * disabling change): it is refused like no session at all.
 */
export async function getStaffUser(): Promise<StaffUser | null> {
  const session = await getServerSession(authOptions);
  const { id, sessionVersion } = (session?.user ?? {}) as { id?: string; sessionVersion?: number };
  if (!id) return null;
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u || !sessionStillValid(u, sessionVersion)) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role, territoryId: u.territoryId };
}

/** Pure: whether a session (its user row, its token's version) still stands. */
export function sessionStillValid(u: { disabledAt: Date | null; sessionVersion: number } | undefined, tokenVersion: number | undefined): boolean {
  return !!u && !u.disabledAt && typeof tokenVersion === "number" && tokenVersion === u.sessionVersion;
}

/** For pages: redirect to sign-in when anonymous, 404 when the permission is missing. */
export async function requirePermission(permission: Permission, territoryId?: string): Promise<StaffUser> {
  const user = await getStaffUser();
  if (!user) redirect("/connexion");
  if (!can(user, permission) || (territoryId && !canAccessTerritory(user, territoryId))) notFound();
  return user;
}

export class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

/** For route handlers: throws HttpError 401/403/404 instead of redirecting. */
export async function requirePermissionApi(permission: Permission, territoryId?: string): Promise<StaffUser> {
  const user = await getStaffUser();
  if (!user) throw new HttpError(401, "Authentification requise.");
  if (!can(user, permission)) throw new HttpError(403, "Accès refusé.");
  if (territoryId && !canAccessTerritory(user, territoryId)) throw new HttpError(404, "Introuvable.");
  return user;
}
