import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { territories } from "./territories";

export const ROLES = ["admin", "territory_admin", "ccas_agent", "interviewer", "committee"] as const;
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_territory").on(t.territoryId)],
);
