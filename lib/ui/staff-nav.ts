import type { Permission } from "@/lib/auth/permissions";

/** One entry of the staff navigation: shown when the role has the permission (or always). */
export type StaffNavItem = { key: "home" | "requests" | "appointments" | "detection" | "outreach" | "dashboards" | "analysis" | "guides" | "places" | "settings"; href: string; permission: Permission | Permission[] | null };

export const STAFF_NAV: StaffNavItem[] = [
  { key: "home", href: "/staff", permission: null },
  { key: "requests", href: "/staff/rappels", permission: "callbacks:handle" },
  { key: "appointments", href: "/staff/rendez-vous", permission: "appointments:handle" },
  { key: "detection", href: "/staff/reperage", permission: "detection:record" },
  { key: "outreach", href: "/staff/aller-vers", permission: ["outreach:propose", "outreach:aggregates"] },
  { key: "dashboards", href: "/staff/tableau-de-bord", permission: "dashboard:read" },
  { key: "analysis", href: "/staff/reperage/analyse", permission: "detection:analyse" },
  { key: "guides", href: "/staff/guides", permission: "guides:edit" },
  { key: "places", href: "/staff/lieux", permission: "places:manage" },
  { key: "settings", href: "/staff/reglages", permission: ["territory:configure", "kiosk:manage", "audit:read"] },
];

/** Paths that belong to the settings entry although they sit elsewhere in the URL tree. */
const SETTINGS_PATHS = ["/staff/reglages", "/staff/territoire", "/staff/rendez-vous/reglages", "/staff/antennes", "/staff/kiosques", "/staff/liens", "/staff/journal", "/staff/personnes", "/staff/territoires", "/staff/sites", "/staff/prestations", "/staff/module", "/staff/reperage/reglages"];

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Pure: the navigation entry a staff path belongs to (for aria-current), or null. */
export function activeStaffItem(path: string): StaffNavItem["key"] | null {
  if (SETTINGS_PATHS.some((p) => under(path, p))) return "settings";
  if (under(path, "/staff/rappels")) return "requests";
  if (under(path, "/staff/rendez-vous")) return "appointments";
  if (under(path, "/staff/tableau-de-bord")) return "dashboards";
  if (under(path, "/staff/aller-vers")) return "outreach";
  if (under(path, "/staff/guides")) return "guides";
  if (under(path, "/staff/lieux")) return "places";
  if (under(path, "/staff/reperage/analyse")) return "analysis";
  if (under(path, "/staff/reperage")) return "detection";
  if (path === "/staff" || path === "/staff/") return "home";
  return null;
}

/** Pure: the entries a role may use. */
export function visibleStaffItems(can: (p: Permission) => boolean): StaffNavItem[] {
  return STAFF_NAV.filter((i) => i.permission === null || (Array.isArray(i.permission) ? i.permission.some(can) : can(i.permission)));
}
