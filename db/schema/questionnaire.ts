import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { territories } from "./territories";

/**
 * A published, immutable version of the common questionnaire (territory null)
 * or of one territory's module. Responses point at the exact versions they answered.
 */
export const questionnaireVersions = pgTable(
  "questionnaire_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<"common" | "module">().notNull(),
    /** 'common' or the territory id: a non-null key so the unique index also covers the common one. */
    scope: text("scope").notNull(),
    territoryId: uuid("territory_id").references(() => territories.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** The validated definition (see lib/questionnaire/definition-schema.ts). */
    definition: jsonb("definition").notNull(),
    /** sha256 of the canonical definition, to publish only real changes. */
    contentHash: text("content_hash").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("questionnaire_versions_scope_version").on(t.scope, t.version),
    index("questionnaire_versions_territory").on(t.territoryId),
  ],
);

/**
 * The last module file a territory uploaded (XLSForm), before it is published: either the
 * compiled definition (ready for the preview and "publish"), or the faults that refused it.
 * One row per territory, replaced by each upload and removed on publishing. No answers here:
 * the preview keeps its answers in the browser only.
 */
export const moduleDrafts = pgTable("module_drafts", {
  territoryId: uuid("territory_id").primaryKey().references(() => territories.id, { onDelete: "cascade" }),
  /** The compiled definition, or null when the file was refused. */
  definition: jsonb("definition"),
  /** The faults found (sheet, row, column, message key), empty when compiled. */
  issues: jsonb("issues").notNull().default([]),
  fileName: text("file_name").notNull(),
  /** The `version` of the XLSForm settings, as the author wrote it. */
  formVersion: text("form_version"),
  uploadedBy: uuid("uploaded_by"),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});
