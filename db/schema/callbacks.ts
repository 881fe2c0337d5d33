import {
  bigserial, boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { neighbourhoods, territories } from "./territories";
import { responses } from "./responses";
import { users } from "./users";
import { outreachActions } from "./outreach";

/**
 * A respondent's request to be contacted for a rights review. Kept apart from the survey
 * answers; the contact details themselves are one AES-256-GCM payload (lib/crypto). Only what
 * the CCAS queue filters on (language, channel, neighbourhood) is stored in clear.
 */
export const callbackRequests = pgTable(
  "callback_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    /**
     * One request per response: opting in twice finds the same request. Null for a consent taken
     * at an outreach stand (outreachActionId set instead): no survey answers behind it.
     */
    responseId: uuid("response_id").references(() => responses.id, { onDelete: "cascade" }),
    /** The outreach action whose stand took the consent (tablet or paper form typed in later). */
    outreachActionId: uuid("outreach_action_id").references((): AnyPgColumn => outreachActions.id, { onDelete: "set null" }),
    /** "stand_tablet" | "paper_form" for stand consents; null for the questionnaire's opt-in. */
    captureMode: text("capture_mode"),
    /** The capture form's one-time key: a double click or a retry finds the same request. */
    submissionKey: text("submission_key"),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    /** The antenna the request was routed to (null: the territory's CCAS as a whole). */
    antennaId: uuid("antenna_id").references((): AnyPgColumn => antennas.id, { onDelete: "set null" }),
    /** See lib/callbacks/state-machine.ts. */
    status: text("status").notNull().default("new"),
    assignedTo: uuid("assigned_to").references(() => users.id, { onDelete: "set null" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    nextCallAt: timestamp("next_call_at", { withTimezone: true }),
    /** Paris calendar day by which the person should have been called (working days). */
    dueOn: date("due_on", { mode: "string" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Version of the consent text the person accepted. */
    consentVersion: text("consent_version").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    language: text("language").notNull(),
    preferredChannel: text("preferred_channel").notNull(),
    /** Null once erased. */
    contactCiphertext: text("contact_ciphertext"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    contactErasedAt: timestamp("contact_erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("callback_requests_response").on(t.responseId),
    uniqueIndex("callback_requests_submission_key").on(t.territoryId, t.submissionKey),
    index("callback_requests_outreach_action").on(t.outreachActionId),
    index("callback_requests_territory_status").on(t.territoryId, t.status, t.createdAt),
    index("callback_requests_territory_assignee").on(t.territoryId, t.assignedTo),
  ],
);

/** A CCAS antenna of a territory; requests are routed to it by neighbourhood. */
export const antennas = pgTable(
  "antennas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("antennas_territory_name").on(t.territoryId, t.name)],
);

/** The neighbourhoods (of any level) an antenna covers; the closest one up the hierarchy wins. */
export const antennaNeighbourhoods = pgTable(
  "antenna_neighbourhoods",
  {
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    antennaId: uuid("antenna_id").notNull().references(() => antennas.id, { onDelete: "cascade" }),
    neighbourhoodId: uuid("neighbourhood_id").notNull().references(() => neighbourhoods.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("antenna_neighbourhoods_neighbourhood").on(t.neighbourhoodId)],
);

/** One call attempt of an agent. */
export const callbackAttempts = pgTable(
  "callback_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").notNull().references(() => callbackRequests.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").references(() => users.id, { onDelete: "set null" }),
    outcome: text("outcome").notNull(),
    callBackAt: timestamp("call_back_at", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("callback_attempts_request").on(t.requestId, t.at)],
);

/**
 * Who did what, when, to which record — written in the same transaction as the change or the
 * view it records. Never holds personal data itself.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** 'respondent' (with their receipt code), 'staff' or 'system'. */
    actorKind: text("actor_kind").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_territory_at").on(t.territoryId, t.at), index("audit_log_entity").on(t.entity, t.entityId)],
);

/** The benefits a territory's CCAS examines in a rights review (national ones and its optional aids). */
export const benefitCatalogue = pgTable(
  "benefit_catalogue",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** An optional aid of the city (aide sociale facultative). */
    optionalAid: boolean("optional_aid").notNull().default(false),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [uniqueIndex("benefit_catalogue_territory_code").on(t.territoryId, t.code)],
);

/** The outcome of a rights review for one benefit. Notes are encrypted like contact data. */
export const reviewOutcomes = pgTable(
  "review_outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").notNull().references(() => callbackRequests.id, { onDelete: "cascade" }),
    benefitCode: text("benefit_code").notNull(),
    outcome: text("outcome").notNull(),
    openedOn: date("opened_on", { mode: "string" }),
    monthlyAmount: numeric("monthly_amount", { precision: 10, scale: 2 }),
    partner: text("partner"),
    noteCiphertext: text("note_ciphertext"),
    agentId: uuid("agent_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("review_outcomes_request_benefit").on(t.requestId, t.benefitCode), index("review_outcomes_territory").on(t.territoryId, t.outcome)],
);
