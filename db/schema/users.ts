import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { territories } from "./territories";

/** "partner": an association or volunteer running outreach actions (aller-vers) with the territory. */
export const ROLES = ["admin", "territory_admin", "ccas_agent", "interviewer", "committee", "partner"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null only for the platform `admin`, who sees every territory. */
    territoryId: uuid("territory_id").references(() => territories.id, { onDelete: "cascade" }),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role").$type<Role>().notNull(),
    passwordHash: text("password_hash"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /**
     * Put in the session token at sign-in and compared at every request: bumping it revokes every
     * session of the account (sign-out; a trigger bumps it on password, role, territory or
     * disabling changes — migration 0010).
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /** Set at every successful sign-in (password or SSO): shown on the people page. */
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_territory").on(t.territoryId)],
);

/**
 * A one-time link to set the password of an invited staff member: only the token's SHA-256 is
 * stored; it expires and is used once (lib/people/invitations.ts).
 */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_invitations_user").on(t.userId)],
);
