import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { BenefitGuide } from "../../lib/guides/guide-schema";
import { territories } from "./territories";
import { users } from "./users";

/**
 * A territory's edits of a benefit guide (KIT TZNR sheet), one row per saved version: nothing is
 * overwritten, so who changed what and when stays readable. The guide a territory shows is its
 * latest version of the code, else the seeded sheet (lib/guides/content, status "to_check").
 */
export const benefitGuideVersions = pgTable(
  "benefit_guide_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    /** The catalogue's benefit code (rsa, prime_activite, …). */
    code: text("code").notNull(),
    /** 1, 2, … per (territory, code); the unique index turns a concurrent save into a conflict. */
    version: integer("version").notNull(),
    /** The whole sheet, validated by benefitGuideSchema before it is written (status included). */
    content: jsonb("content").$type<BenefitGuide>().notNull(),
    /** "to_check" or "validated" (copied out of content for listing). */
    status: text("status").$type<BenefitGuide["status"]>().notNull(),
    /** What changed, in the editor's words. */
    note: text("note"),
    editedBy: uuid("edited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("benefit_guide_versions_territory_code_version").on(t.territoryId, t.code, t.version),
    index("benefit_guide_versions_territory").on(t.territoryId, t.code),
  ],
);
