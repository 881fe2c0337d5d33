import { sql } from "drizzle-orm";
import {
  boolean, check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { neighbourhoods, sites, territories } from "./territories";
import { callbackRequests } from "./callbacks";
import { users } from "./users";

/**
 * Detection (repérage): the situations of non-recours CCAS professionals record at their desk
 * (the Grenoble tool, docs/decisions/0015). Households are pseudonymous; the link to a real
 * identity lives apart, encrypted (detection_household_identities), and never leaves the CCAS.
 */

/** A detecting service of the territory (seeded "Aide sociale facultative" and "Écrivains publics"). */
export const detectionServices = pgTable(
  "detection_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    label: text("label").notNull(),
    /** Only this service may flag an optional-aid request caused by the situation (the ASF instructors). */
    instructsOptionalAid: boolean("instructs_optional_aid").notNull().default(false),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("detection_services_territory_code").on(t.territoryId, t.code)],
);

/**
 * A territory's own entries of the detection lists (formes' reasons, explanation levels, actions,
 * domains, actors, benefits). The defaults live in code (lib/detection/reference.ts); a row adds
 * an entry or archives a default one (same code, archived_at set).
 */
export const detectionOptions = pgTable(
  "detection_options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    /** 'reason' | 'level' | 'action' | 'domain' | 'actor' | 'benefit'. */
    list: text("list").notNull(),
    code: text("code").notNull(),
    label: text("label").notNull(),
    /** A reason's forme, a level's reason, a benefit's group. */
    parentCode: text("parent_code"),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("detection_options_territory_list_code").on(t.territoryId, t.list, t.code)],
);

/** A pseudonymous household: its code is shared by every detector of the territory. */
export const detectionHouseholds = pgTable(
  "detection_households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    /** Generated (e.g. "M-7K3Q9X") or the legacy sheet's identifier; never a name. */
    code: text("code").notNull(),
    peopleCount: integer("people_count"),
    /** Where the household lives, when given (maps the situations); never finer than an area. */
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("detection_households_territory_code").on(t.territoryId, t.code),
    check("detection_households_people", sql`${t.peopleCount} is null or ${t.peopleCount} between 1 and 30`),
  ],
);

/**
 * The optional link of a household to a real identity (name, CAF/CPAM file number): one
 * AES-256-GCM payload bound to the household id, plus keyed hashes (HMAC) of the normalised name
 * and file numbers so that CCAS staff can find a household by them without decrypting every row.
 */
export const detectionHouseholdIdentities = pgTable(
  "detection_household_identities",
  {
    householdId: uuid("household_id").primaryKey().references(() => detectionHouseholds.id, { onDelete: "cascade" }),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    ciphertext: text("ciphertext").notNull(),
    lookupHashes: text("lookup_hashes").array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("detection_household_identities_territory").on(t.territoryId)],
);

/** One detected situation of non-recours (one benefit or one non-financial right). */
export const detectionSituations = pgTable(
  "detection_situations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    householdId: uuid("household_id").notNull().references(() => detectionHouseholds.id, { onDelete: "cascade" }),
    /**
     * Makes every write idempotent: "form:<uuid rendered with the form>" (a double click or a retry
     * finds the same situation), "import:<row hash>" (re-importing a file adds nothing),
     * "review:<callback request id>:<benefit>" (a rights review turned into a situation once).
     */
    idempotencyKey: text("idempotency_key").notNull(),
    /** 'form' | 'import' | 'review'. */
    source: text("source").notNull().default("form"),
    /** The rights review (callback request) this situation came from, when it did. */
    reviewRequestId: uuid("review_request_id").references(() => callbackRequests.id, { onDelete: "set null" }),
    detectedOn: date("detected_on", { mode: "string" }).notNull(),
    serviceId: uuid("service_id").notNull().references(() => detectionServices.id, { onDelete: "restrict" }),
    /** The signed-in worker who recorded it (null for imported rows or a removed account). */
    workerId: uuid("worker_id").references(() => users.id, { onDelete: "set null" }),
    /** The legacy sheet's worker code, for imported rows (never a name). */
    workerLabel: text("worker_label"),
    /** The worker's sector of intervention (an area of the territory) and site. */
    sectorId: uuid("sector_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    peopleConcerned: integer("people_concerned"),
    /** True: a financial benefit (benefit_code); false: a non-financial right (domain). Null: not said. */
    financial: boolean("financial"),
    benefitCode: text("benefit_code"),
    domain: text("domain"),
    actors: text("actors").array().notNull().default(sql`'{}'::text[]`),
    /** 'complete' | 'partial' | null. */
    intensity: text("intensity"),
    /** Caused by another situation of the same household (cumulative non-recours). */
    causedById: uuid("caused_by_id").references((): AnyPgColumn => detectionSituations.id, { onDelete: "set null" }),
    /** The legacy flag "entraînée par une autre" when the causing row is not known. */
    causedFlag: boolean("caused_flag").notNull().default(false),
    actions: text("actions").array().notNull().default(sql`'{}'::text[]`),
    timeMinutes: integer("time_minutes"),
    /** A legacy time class ("< ½ heure", …) when no minutes were given. */
    timeClass: text("time_class"),
    missedMonthly: numeric("missed_monthly", { precision: 10, scale: 2 }),
    missedMonths: integer("missed_months"),
    optionalAidRequested: boolean("optional_aid_requested"),
    optionalAidGranted: numeric("optional_aid_granted", { precision: 10, scale: 2 }),
    /** A short anonymised summary (the seed of a "fiche mémoire"). */
    summary: text("summary"),
    /** 'open' | 'in_progress' | 'resolved' (lib/detection/status.ts). */
    status: text("status").notNull().default("open"),
    /** When resolved: 'right_opened' | 'not_resolved' | 'lost' | 'not_non_recours'. */
    resolution: text("resolution"),
    resolvedOn: date("resolved_on", { mode: "string" }),
    openedMonthly: numeric("opened_monthly", { precision: 10, scale: 2 }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("detection_situations_idempotency").on(t.territoryId, t.idempotencyKey),
    index("detection_situations_territory_date").on(t.territoryId, t.detectedOn),
    // The rubriques' cache version (lib/detection/rubriques/cache.ts) reads it without the table.
    index("detection_situations_territory_updated").on(t.territoryId, t.updatedAt),
    index("detection_situations_household").on(t.householdId),
    index("detection_situations_worker_status").on(t.territoryId, t.workerId, t.status),
    check("detection_situations_people", sql`${t.peopleConcerned} is null or ${t.peopleConcerned} between 1 and 30`),
    check("detection_situations_minutes", sql`${t.timeMinutes} is null or ${t.timeMinutes} between 0 and 1440`),
    check("detection_situations_missed", sql`${t.missedMonthly} is null or ${t.missedMonthly} between 0 and 100000`),
    check("detection_situations_missed_months", sql`${t.missedMonths} is null or ${t.missedMonths} between 0 and 600`),
    check("detection_situations_granted", sql`${t.optionalAidGranted} is null or ${t.optionalAidGranted} between 0 and 100000`),
    check("detection_situations_opened", sql`${t.openedMonthly} is null or ${t.openedMonthly} between 0 and 100000`),
  ],
);

/** A forme of a situation with its reason and optional explanation level (several per situation). */
export const detectionSituationFormes = pgTable(
  "detection_situation_formes",
  {
    situationId: uuid("situation_id").notNull().references(() => detectionSituations.id, { onDelete: "cascade" }),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    /** 'non_connaissance' | 'non_proposition' | 'non_reception' | 'non_demande' | 'abandon'. */
    forme: text("forme").notNull(),
    reason: text("reason"),
    level: text("level"),
  },
  (t) => [primaryKey({ columns: [t.situationId, t.forme] }), index("detection_situation_formes_territory").on(t.territoryId, t.forme)],
);

/** The dated log of a situation's follow-up (who, what, next step, reminder). */
export const detectionFollowUps = pgTable(
  "detection_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    situationId: uuid("situation_id").notNull().references(() => detectionSituations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Same idempotency rule as situations ("form:<uuid>"). */
    idempotencyKey: text("idempotency_key").notNull(),
    note: text("note").notNull(),
    nextStep: text("next_step"),
    remindOn: date("remind_on", { mode: "string" }),
    /** The status the follow-up moved the situation to, when it did. */
    statusAfter: text("status_after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("detection_follow_ups_idempotency").on(t.territoryId, t.idempotencyKey),
    index("detection_follow_ups_situation").on(t.situationId, t.at),
  ],
);

/** An interpellation dossier: one institution (actor code), one period, its sending and answer. */
export const detectionInterpellations = pgTable(
  "detection_interpellations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    institution: text("institution").notNull(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    title: text("title").notNull(),
    /** The general part: why this institution, what the CCAS asks. */
    introduction: text("introduction"),
    sentOn: date("sent_on", { mode: "string" }),
    sentTo: text("sent_to"),
    answer: text("answer"),
    answeredOn: date("answered_on", { mode: "string" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("detection_interpellations_territory").on(t.territoryId, t.createdAt)],
);

/** The fiches mémoire a worker chose for a dossier (anonymised text, edited for the dossier). */
export const detectionInterpellationCases = pgTable(
  "detection_interpellation_cases",
  {
    interpellationId: uuid("interpellation_id").notNull().references(() => detectionInterpellations.id, { onDelete: "cascade" }),
    situationId: uuid("situation_id").notNull().references(() => detectionSituations.id, { onDelete: "cascade" }),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    memoryText: text("memory_text").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.interpellationId, t.situationId] })],
);
