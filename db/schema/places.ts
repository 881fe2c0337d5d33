import { doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { HelpPointAccessibility, HelpPointCategory, HelpPointTransit } from "../../lib/places/reference";
import { bookingMotives } from "./booking";
import { neighbourhoods, sites, territories } from "./territories";

/**
 * A place that helps people with their rights (CCAS, Maison pour Tous, France Services, MDS,
 * CAF/CPAM/CARSAT reception, association): the KIT TZNR map. Public information only.
 */
export const helpPoints = pgTable(
  "help_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    /** Stable key of the place for imports (data·inclusion `id`, or the fixture's id): re-importing updates, never duplicates. */
    sourceKey: text("source_key").notNull(),
    /** Where it came from: "local" (typed in), "fixture", "data-inclusion", … */
    source: text("source").notNull().default("local"),
    name: text("name").notNull(),
    category: text("category").$type<HelpPointCategory>().notNull(),
    /** What the place does for people, plain text (any HTML is stripped on the way in). */
    mission: text("mission"),
    address: text("address"),
    postcode: text("postcode"),
    city: text("city"),
    lon: doublePrecision("lon"),
    lat: doublePrecision("lat"),
    /** The territory's finest area holding the point (computed at save/import, point in polygon). */
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    /** OpenStreetMap `opening_hours` syntax, evaluated in Europe/Paris with French holidays (lib/places/opening-hours). */
    openingHours: text("opening_hours"),
    /** A line for what the syntax does not say ("fermé en août", "sur rendez-vous le jeudi"). */
    openingNote: text("opening_note"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    /** ISO 639-1 codes of the languages spoken at the desk. */
    languages: jsonb("languages").$type<string[]>().notNull().default([]),
    /** Catalogue codes of the benefits the place helps apply for. */
    benefitCodes: jsonb("benefit_codes").$type<string[]>().notNull().default([]),
    /** An external appointment page; for our own places, bookingMotiveId points at the booking flow. */
    appointmentUrl: text("appointment_url"),
    bookingMotiveId: uuid("booking_motive_id").references(() => bookingMotives.id, { onDelete: "set null" }),
    transit: jsonb("transit").$type<HelpPointTransit>().notNull().default({}),
    accessibility: jsonb("accessibility").$type<HelpPointAccessibility>().notNull().default({}),
    acceslibreUrl: text("acceslibre_url"),
    /** When the place is also one of the territory's collection sites. */
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("help_points_territory_source_key").on(t.territoryId, t.sourceKey),
    index("help_points_territory_category").on(t.territoryId, t.category),
    index("help_points_territory_neighbourhood").on(t.territoryId, t.neighbourhoodId),
  ],
);
