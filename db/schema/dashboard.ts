import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { responses } from "./responses";
import { neighbourhoods, sites, territories } from "./territories";

/**
 * One narrow row per response with what the committee's indicators test, so that a dashboard
 * view is one scan of this table (no semi-joins over the answer rows). Written only by the
 * database: a statement-level trigger on response_answers rebuilds the rows of the responses
 * it touched (migration 0008_dashboard_facts_trigger, its function replaced by 0016_dashboard_codes), so every writer — submission, synthetic
 * generator, imports, tests — keeps it exact.
 */
export const dashboardFacts = pgTable(
  "dashboard_facts",
  {
    responseId: uuid("response_id").primaryKey().references(() => responses.id, { onDelete: "cascade" }),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    mode: text("mode").notNull(),
    synthetic: boolean("synthetic").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    sex: text("sex"),
    household: text("household"),
    birthYear: integer("birth_year"),
    /**
     * Positions (dashboard_codes.position) of the benefits of the grid: answered "known" with yes
     * or no, known, and known but not received ("no" or "don't know"). Any benefit code the
     * questionnaire or the territory's catalogue uses gets a position on first sight: no migration.
     */
    gridAnswered: integer("grid_answered").array().notNull().default([]),
    known: integer("known").array().notNull().default([]),
    notReceived: integer("not_received").array().notNull().default([]),
    /** (benefit position << 32) | forme position, for each forme cited. */
    formes: bigint("formes", { mode: "number" }).array().notNull().default([]),
    /** (benefit position << 32) | raison position, for each raison cited. */
    raisons: bigint("raisons", { mode: "number" }).array().notNull().default([]),
    /**
     * Positions of the `question=value` codes of every simple answer (single, yes/no, each
     * ticked option of a multiple choice…): any choice question of the common questionnaire or
     * of the module is counted from this one array, without a migration per question.
     */
    choices: integer("choices").array().notNull().default([]),
    /** Bit d × 2 for "yes", d × 2 + 1 for "no". */
    difficulties: integer("difficulties").notNull().default(0),
  },
  (t) => [index("dashboard_facts_territory").on(t.territoryId, t.submittedAt)],
);

/**
 * The codes the facts are written with (benefits, formes, raisons), per territory, each with a
 * position that never changes. Filled by the facts trigger the first time an answer uses a code
 * (migration 0016), so a new benefit or reason of a published questionnaire flows to the
 * dashboards without a migration.
 */
export const dashboardCodes = pgTable(
  "dashboard_codes",
  {
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    dictionary: text("dictionary").$type<"benefit" | "forme" | "raison" | "choice">().notNull(),
    code: text("code").notNull(),
    position: integer("position").notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.dictionary, t.code] })],
);
