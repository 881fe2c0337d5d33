import type { Role } from "@/db/schema";
import type { StaffUser } from "./authenticate";

/**
 * Pure permission rules. Every server action and route handler calls one of the `require*`
 * helpers (session.ts) that apply these; the UI reuses them only to decide what to show.
 */
export type Permission =
  | "questionnaire:assist"   // run the questionnaire with a person (assisted mode)
  | "kiosk:manage"           // register / revoke kiosk devices
  | "responses:count"        // see collection counts
  | "callbacks:handle"       // the rights-review queue and contact data of the territory
  | "audit:read"             // the territory's audit log
  | "territory:configure"    // antennas and other settings of the territory
  | "people:manage"          // invite staff, change roles, disable, unlock (lib/people/rules.ts)
  | "appointments:handle"    // agents' calendars, appointments and booking on behalf
  | "dashboard:read"         // the committee's aggregated dashboards (never a row about one person)
  | "dashboard:exact"        // the same with exact, unperturbed figures (never the committee: decision 0007)
  | "detection:record"       // record and follow detected situations, build interpellation dossiers (decision 0015)
  | "detection:identity"     // see or set the private identity linked to a household (CCAS staff of the territory only)
  | "detection:analyse"      // the eight rubriques (aggregates; the committee's are suppressed)
  | "guides:edit"            // edit the territory's benefit guides (versioned) and validate them
  | "places:manage"          // help points: edit, import, export
  | "outreach:propose"       // propose outreach actions, report on them, take stand consents (write-only contact)
  | "outreach:validate"      // validate or refuse outreach actions, read every action of the territory
  | "outreach:aggregates";   // outreach aggregates per action type, place type and period

const GRANTS: Record<Role, Permission[]> = {
  admin: ["questionnaire:assist", "kiosk:manage", "responses:count", "callbacks:handle", "audit:read", "territory:configure", "people:manage", "appointments:handle", "dashboard:read", "dashboard:exact", "detection:record", "detection:analyse", "guides:edit", "places:manage", "outreach:propose", "outreach:validate", "outreach:aggregates"],
  territory_admin: ["questionnaire:assist", "kiosk:manage", "responses:count", "callbacks:handle", "audit:read", "territory:configure", "people:manage", "appointments:handle", "dashboard:read", "dashboard:exact", "detection:record", "detection:identity", "detection:analyse", "guides:edit", "places:manage", "outreach:propose", "outreach:validate", "outreach:aggregates"],
  ccas_agent: ["questionnaire:assist", "callbacks:handle", "appointments:handle", "detection:record", "detection:identity", "detection:analyse", "outreach:propose"],
  interviewer: ["questionnaire:assist", "responses:count", "outreach:propose"],
  // Not "responses:count": an exact running total, read twice, would difference the perturbed figures.
  committee: ["dashboard:read", "detection:analyse", "outreach:aggregates"],
  partner: ["outreach:propose"],
};

export function can(user: Pick<StaffUser, "role">, permission: Permission): boolean {
  return GRANTS[user.role]?.includes(permission) ?? false;
}

/** The platform admin sees every territory; everyone else only their own. */
export function canAccessTerritory(user: Pick<StaffUser, "role" | "territoryId">, territoryId: string): boolean {
  return user.role === "admin" || user.territoryId === territoryId;
}
