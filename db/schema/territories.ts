import { sql } from "drizzle-orm";
import {
  bigint, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";

/** Per-territory settings; all optional so that adding one never needs a data migration. */
export type TerritorySettings = {
  /** Seconds of inactivity after which a kiosk session is wiped. */
  kioskIdleSeconds?: number;
  /** Seconds the receipt stays on a kiosk screen before the wipe. */
  kioskReceiptSeconds?: number;
  /** Working days within which a rights-review request should be called (default 5). */
  callbackDeadlineWorkingDays?: number;
  /** Failed call attempts after which a request closes as unreachable (default 3). */
  callbackMaxFailedAttempts?: number;
  /** Hours before an appointment when its reminder is sent (default 48). */
  bookingReminderHours?: number;
  /** True for the generated territory used when no real data is available. */
  fictional?: boolean;
  /** Committee dashboards: counts below this are suppressed (default 5, never below 3). */
  suppressionThreshold?: number;
  /** Committee dashboards: the number of responses the collection aims at. */
  collectionTarget?: number;
  /**
   * The footer's public pages, edited by the territory lead (lib/territories/public-pages.ts):
   * help phone, RGAA compliance status and the texts of the accessibility statement, the legal
   * notice and the personal-data page. Absent keys fall back to default texts.
   */
  publicPages?: {
    helpPhone?: string;
    helpHours?: string;
    compliance?: "full" | "partial" | "none";
    accessibility?: string;
    legalNotice?: string;
    personalData?: string;
  };
};

export const territories = pgTable("territories", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  settings: jsonb("settings").$type<TerritorySettings>().notNull().default({}),
  /**
   * Secret seed of the committee dashboards' cell-key perturbation (docs/decisions/0007): mixed
   * into every respondent's record key, random per territory, never shown. Changing it changes
   * every perturbed figure at once (and lets old and new figures be averaged): never rotate it.
   */
  cellKeySeed: bigint("cell_key_seed", { mode: "number" }).notNull().default(sql`(floor(random() * 2147483647))::bigint`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A level of the territory's neighbourhood hierarchy; rank 0 is the coarsest. */
export const neighbourhoodLevels = pgTable(
  "neighbourhood_levels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    rank: integer("rank").notNull(),
    /** Set when a boundaries import no longer has this level (its areas are retired with it). */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("neighbourhood_levels_territory_key").on(t.territoryId, t.key)],
);

export const neighbourhoods = pgTable(
  "neighbourhoods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    levelId: uuid("level_id").notNull().references(() => neighbourhoodLevels.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    parentId: uuid("parent_id"),
    /** GeoJSON geometry (WGS84), as imported. */
    geometry: jsonb("geometry"),
    /**
     * Set when a boundaries import (a new vintage) no longer has this code: the area is kept, with
     * the responses attached to it, but no longer offered or listed (lib/territories/boundaries).
     */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("neighbourhoods_territory_level_code").on(t.territoryId, t.levelId, t.code),
    index("neighbourhoods_parent").on(t.parentId),
  ],
);

/** A collection place (Maison pour Tous, CCAS office, market…). */
export const sites = pgTable(
  "sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    address: text("address"),
    phone: text("phone"),
    lon: doublePrecision("lon"),
    lat: doublePrecision("lat"),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    /** Archived sites leave respondents' choices, links and QR sheets; their history stays. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sites_territory_code").on(t.territoryId, t.code)],
);


/**
 * The territory's benefit catalogue: the common questionnaire's benefits (kind "common", never
 * archived: they are the law's targets) in the territory's order, plus its own ("extra").
 */
export const territoryBenefits = pgTable(
  "territory_benefits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    kind: text("kind").$type<"common" | "extra">().notNull(),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en").notNull(),
    position: integer("position").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("territory_benefits_territory_code").on(t.territoryId, t.code), index("territory_benefits_order").on(t.territoryId, t.position)],
);
