import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { responses } from "./responses";
import { neighbourhoods, sites, territories } from "./territories";

/**
 * One narrow row per response with what the committee's indicators test, so that a dashboard
 * view is one scan of this table (no semi-joins over the answer rows). Written only by the
 * database: a statement-level trigger on response_answers rebuilds the rows of the responses
 * it touched (migration 0008_dashboard_facts_trigger), so every writer — submission, synthetic
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
     * Bit masks over the dictionaries of lib/dashboard/indicators.ts (BENEFIT_CODES, FORMES,
     * RAISONS, DIFFICULTIES — append only; the trigger holds the same lists): benefit b is bit b.
     * A few bytes per response, tested with integer operations.
     */
    gridAnswered: integer("grid_answered").notNull().default(0),
    known: integer("known").notNull().default(0),
    notReceived: integer("not_received").notNull().default(0),
    /** Bit b × 4 + forme. */
    formes: bigint("formes", { mode: "number" }).notNull().default(0),
    /** Codes b × 32 + raison. */
    raisons: integer("raisons").array().notNull().default([]),
    /** Bit d × 2 for "yes", d × 2 + 1 for "no". */
    difficulties: integer("difficulties").notNull().default(0),
  },
  (t) => [index("dashboard_facts_territory").on(t.territoryId, t.submittedAt)],
);
