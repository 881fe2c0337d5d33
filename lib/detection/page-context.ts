import type { Permission } from "@/lib/auth/permissions";
import { staffPage } from "@/lib/auth/staff-page";

/**
 * The start of every detection page: the permission (committee and interviewers: not found),
 * the territory (the user's own; ?t= for the platform admin), and the query suffix that keeps
 * the admin's territory in links.
 */
export async function detectionPage(t: string | undefined, permission: Permission = "detection:record") {
  return staffPage(t, permission);
}
