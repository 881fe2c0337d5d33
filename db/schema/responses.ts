import {
  boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid,
} from "drizzle-orm/pg-core";
import { neighbourhoods, sites, territories } from "./territories";
import { users } from "./users";
import { questionnaireVersions } from "./questionnaire";

export const MODES = ["self", "kiosk", "assisted"] as const;
export type Mode = (typeof MODES)[number];

export type Answers = Record<string, unknown>;
export type DraftFlash = {
  section: string;
  values: Record<string, string[]>;
  errors: { field: string; key: string; params?: Record<string, number>; message?: { fr: string; en: string } }[];
};

/** A registered kiosk tablet, bound to a site. Only the token's hash is stored. */
export const kioskDevices = pgTable(
  "kiosk_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    siteId: uuid("site_id").notNull().references(() => sites.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    idleSeconds: integer("idle_seconds").notNull().default(120),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("kiosk_devices_territory").on(t.territoryId)],
);

/** What a draft carries into its response: versions answered, mode, language and attribution. */
const collectionColumns = () => ({
  commonVersionId: uuid("common_version_id").notNull().references(() => questionnaireVersions.id),
  moduleVersionId: uuid("module_version_id").references(() => questionnaireVersions.id),
  mode: text("mode").$type<Mode>().notNull(),
  locale: text("locale").notNull(),
  siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
  interviewerId: uuid("interviewer_id").references(() => users.id, { onDelete: "set null" }),
  kioskDeviceId: uuid("kiosk_device_id").references(() => kioskDevices.id, { onDelete: "set null" }),
});

/**
 * A questionnaire in progress. Identified by a random token held in an httpOnly cookie;
 * "save and continue later" adds a resume code (only its hash is kept).
 */
export const drafts = pgTable(
  "drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    resumeCodeHash: text("resume_code_hash").unique(),
    ...collectionColumns(),
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    /** Id of the furthest section reached, to send people back where they were. */
    currentSection: text("current_section"),
    /** Posted values and errors of the last invalid post, shown once the page is re-read (PRG). */
    flash: jsonb("flash").$type<DraftFlash | null>(),
    /**
     * Set on submission (answers are then emptied): a retried or double submission whose
     * first response never reached the browser still finds its receipt.
     */
    submittedResponseId: uuid("submitted_response_id"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("drafts_territory").on(t.territoryId), index("drafts_expires").on(t.expiresAt)],
);

/** A submitted response: full answers as JSON, pinned to the exact versions answered. */
export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    receiptCode: text("receipt_code").notNull().unique(),
    /** The draft's id: a retried or double submission finds the response already there. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    ...collectionColumns(),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    answers: jsonb("answers").$type<Answers>().notNull(),
    synthetic: boolean("synthetic").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("responses_territory_submitted").on(t.territoryId, t.submittedAt),
    index("responses_territory_neighbourhood").on(t.territoryId, t.neighbourhoodId),
    index("responses_territory_site").on(t.territoryId, t.siteId),
  ],
);

/**
 * One row per atomic answer value, for the committee's aggregates in plain indexed SQL.
 * `item` is the grid row (a benefit) and `field` the grid column or cascade level; both ''
 * for simple questions. Free text is never copied here.
 */
export const responseAnswers = pgTable(
  "response_answers",
  {
    responseId: uuid("response_id").notNull().references(() => responses.id, { onDelete: "cascade" }),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    item: text("item").notNull().default(""),
    field: text("field").notNull().default(""),
    value: text("value"),
    num: numeric("num"),
  },
  (t) => [
    index("response_answers_lookup").on(t.territoryId, t.questionId, t.item, t.field, t.value),
    index("response_answers_response").on(t.responseId),
  ],
);
