import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { OutreachActionType, OutreachAudience, OutreachPlaceType, OutreachStatus } from "../../lib/outreach/reference";
import { neighbourhoods, sites, territories } from "./territories";
import { users } from "./users";

/**
 * An outreach action (aller-vers): proposed by a partner, validated by the territory lead, then
 * reported. Consents to be called back taken at the stand are callback_requests rows pointing
 * here (callback_requests.outreach_action_id), never stored on this row.
 */
export const outreachActions = pgTable(
  "outreach_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    status: text("status").$type<OutreachStatus>().notNull().default("proposed"),
    actionType: text("action_type").$type<OutreachActionType>().notNull(),
    placeType: text("place_type").$type<OutreachPlaceType>().notNull(),
    /** One of the territory's sites, or a place named in words (a market, a square). */
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    placeLabel: text("place_label"),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    /** "HH:MM" in Paris time; optional. */
    startsAt: text("starts_at"),
    endsAt: text("ends_at"),
    audience: text("audience").$type<OutreachAudience>().notNull(),
    /** Who runs it (organisations, roles): free text, no respondent data. */
    team: text("team").notNull(),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    // The report (null until reported).
    peopleMet: integer("people_met"),
    potentialNonRecours: integer("potential_non_recours"),
    orientations: integer("orientations"),
    questionnairesCollected: integer("questionnaires_collected"),
    /** Guides handed out, by benefit code: { rsa: 12, c2s: 4 }. */
    guidesHanded: jsonb("guides_handed").$type<Record<string, number>>().notNull().default({}),
    lessons: text("lessons"),
    reportedBy: uuid("reported_by").references(() => users.id, { onDelete: "set null" }),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outreach_actions_territory_status").on(t.territoryId, t.status, t.heldOn),
    index("outreach_actions_territory_held_on").on(t.territoryId, t.heldOn),
  ],
);
