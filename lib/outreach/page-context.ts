import { can, type Permission } from "@/lib/auth/permissions";
import { staffPage } from "@/lib/auth/staff-page";
import { actorOf } from "./form-actions";

/**
 * The start of every outreach page: the permission (else not found), the territory (the user's
 * own; ?t= for the platform admin), the actor (lead or proposer) and the query suffix that keeps
 * the admin's territory in links.
 */
export async function outreachPage(t: string | undefined, permission: Permission = "outreach:propose") {
  const page = await staffPage(t, permission);
  return { ...page, actor: actorOf(page.user), can: (p: Permission) => can(page.user, p) };
}
