import {
  boolean, check, date, doublePrecision, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { callbackRequests } from "./callbacks";
import { neighbourhoods, territories } from "./territories";
import { users } from "./users";

/**
 * Appointment booking, modelled on "Rendez-vous service public": places (lieux), motives
 * (motifs), agents' weekly opening slots (plages d'ouverture), absences, appointments.
 * No two non-cancelled appointments of one agent overlap: an exclusion constraint written
 * by hand in the migration (drizzle cannot express it), see docs/decisions/0005.
 */
export const bookingPlaces = pgTable(
  "booking_places",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull(),
    phone: text("phone"),
    accessNotes: text("access_notes"),
    /** English version of the access notes, shown on English pages and e-mails (French if empty). */
    accessNotesEn: text("access_notes_en"),
    lon: doublePrecision("lon"),
    lat: doublePrecision("lat"),
    neighbourhoodId: uuid("neighbourhood_id").references(() => neighbourhoods.id, { onDelete: "set null" }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("booking_places_territory_name").on(t.territoryId, t.name)],
);

export const LOCATION_TYPES = ["on_site", "phone"] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const bookingMotives = pgTable(
  "booking_motives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** English name, shown on English pages and e-mails (the French one if empty). */
    nameEn: text("name_en"),
    durationMinutes: integer("duration_minutes").notNull(),
    locationType: text("location_type").$type<LocationType>().notNull().default("on_site"),
    /** Earliest booking: now + this many minutes. */
    minDelayMinutes: integer("min_delay_minutes").notNull().default(120),
    /** Latest booking: now + this many days. */
    maxDelayDays: integer("max_delay_days").notNull().default(42),
    /** The person may cancel up to this many minutes before the start. */
    cancelDeadlineMinutes: integer("cancel_deadline_minutes").notNull().default(240),
    /** The person may move up to this many minutes before the start. */
    moveDeadlineMinutes: integer("move_deadline_minutes").notNull().default(2880),
    /** False: only staff may book it (e.g. a follow-up). */
    bookableOnline: boolean("bookable_online").notNull().default(true),
    /** Shown after booking and in the e-mails ("what to bring"). */
    instructions: text("instructions"),
    /** English "what to bring" (the French text if empty). */
    instructionsEn: text("instructions_en"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("booking_motives_territory_name").on(t.territoryId, t.name)],
);

/** An agent's recurring weekly opening at a place, for some motives, in Paris wall-clock time. */
export const openingSlots = pgTable(
  "opening_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    placeId: uuid("place_id").notNull().references(() => bookingPlaces.id, { onDelete: "cascade" }),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: smallint("weekdays").array().notNull(),
    /** "HH:MM", Europe/Paris. */
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    motiveIds: uuid("motive_ids").array().notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("opening_slots_territory").on(t.territoryId), index("opening_slots_place").on(t.placeId)],
);

export const agentAbsences = pgTable(
  "agent_absences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agent_absences_agent").on(t.agentId, t.startsAt)],
);

export const APPOINTMENT_STATUSES = ["upcoming", "seen", "excused", "revoked", "noshow"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** Statuses that free the slot (the exclusion constraint ignores them). */
export const CANCELLED_STATUSES: AppointmentStatus[] = ["excused", "revoked"];

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").notNull().references(() => users.id),
    motiveId: uuid("motive_id").notNull().references(() => bookingMotives.id),
    placeId: uuid("place_id").notNull().references(() => bookingPlaces.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status").$type<AppointmentStatus>().notNull().default("upcoming"),
    /** Name, phone, e-mail: one AES-256-GCM payload bound to the row (lib/crypto). */
    contactCiphertext: text("contact_ciphertext"),
    /**
     * Keyed hashes (HMAC with the contact key) of the normalised phone and e-mail, to cap the
     * upcoming appointments per contact without decrypting; erased with the contact data.
     */
    contactKeys: text("contact_keys").array(),
    /** sha256 of the person's view/cancel/move link token. */
    tokenHash: text("token_hash").notNull(),
    /** The booking form's key: a double click or a retry finds the first appointment. */
    idempotencyKey: text("idempotency_key").notNull(),
    locale: text("locale").notNull().default("fr"),
    /** 'online' (the person) or 'staff' (booked on behalf, prescriber flow). */
    source: text("source").$type<"online" | "staff">().notNull(),
    bookedBy: uuid("booked_by").references(() => users.id, { onDelete: "set null" }),
    callbackRequestId: uuid("callback_request_id").references(() => callbackRequests.id, { onDelete: "set null" }),
    /** Bumped on each move, so each change gets its own notifications. */
    revision: integer("revision").notNull().default(0),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("appointments_token").on(t.tokenHash),
    uniqueIndex("appointments_idempotency").on(t.territoryId, t.idempotencyKey),
    index("appointments_agent_start").on(t.agentId, t.startsAt),
    index("appointments_territory_start").on(t.territoryId, t.startsAt),
  ],
);

/** An agent's private calendar feed (ICS); only the token's hash is stored. */
export const calendarFeeds = pgTable("calendar_feeds", {
  agentId: uuid("agent_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** "receipt": the receipt code of a rights-review request, by SMS to a phone-only person (no appointment); "invitation": a staff member's one-time link to set a password. */
export const MESSAGE_KINDS = ["confirmation", "change", "cancellation", "reminder", "receipt", "invitation"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type AppointmentMessageKind = Exclude<MessageKind, "receipt" | "invitation">;
export const MESSAGE_CHANNELS = ["email", "sms"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/**
 * Transactional outbox: a message is written in the transaction of the change it announces,
 * then delivered by the worker (lib/notifications). Recipient and body are encrypted.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id").notNull().references(() => territories.id, { onDelete: "cascade" }),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    kind: text("kind").$type<MessageKind>().notNull(),
    /** How it is delivered: e-mail (SMTP) or SMS (the provider of lib/notifications/sms.ts). */
    channel: text("channel").$type<MessageChannel>().notNull().default("email"),
    /** One message per appointment, kind and revision: a retried change never sends twice. */
    dedupeKey: text("dedupe_key").notNull(),
    /** { to, subject, text, html?, ics? } encrypted (lib/crypto), bound to the row id. */
    payloadCiphertext: text("payload_ciphertext"),
    /** pending → sent | failed | skipped (reminder of a cancelled or past appointment). */
    status: text("status").$type<"pending" | "sent" | "failed" | "skipped">().notNull().default("pending"),
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull().defaultNow(),
    /** For reminders: never sent after this instant (the appointment's start). */
    notAfter: timestamp("not_after", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbox_messages_dedupe").on(t.dedupeKey),
    index("outbox_messages_due").on(t.status, t.nextAttemptAt),
    check("outbox_messages_channel", sql`${t.channel} in ('email', 'sms')`),
    index("outbox_messages_territory").on(t.territoryId, t.createdAt),
  ],
);
