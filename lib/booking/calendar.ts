import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, bookingMotives, bookingPlaces, calendarFeeds, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { appointmentAad } from "./notify";
import { hashToken } from "./tokens";

/**
 * An agent's (or the whole territory's) appointments between two instants, for the calendar.
 * Without personal data: the names of the people expected come from calendarNames (audited),
 * phone numbers and e-mails are on the appointment page, whose every view is audited.
 */
export async function listCalendar(db: Db, territoryId: string, from: Date, to: Date, agentId: string | null) {
  return db.select({
    id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt, status: appointments.status, source: appointments.source,
    agentId: appointments.agentId, agentName: users.name, motive: bookingMotives.name, locationType: bookingMotives.locationType, place: bookingPlaces.name,
  })
    .from(appointments)
    .innerJoin(bookingMotives, eq(bookingMotives.id, appointments.motiveId))
    .innerJoin(bookingPlaces, eq(bookingPlaces.id, appointments.placeId))
    .innerJoin(users, eq(users.id, appointments.agentId))
    .where(and(eq(appointments.territoryId, territoryId), gte(appointments.startsAt, from), lt(appointments.startsAt, to),
      agentId ? eq(appointments.agentId, agentId) : undefined))
    .orderBy(asc(appointments.startsAt));
}

/** Creates (or replaces) the agent's private ICS feed token; returns it once. */
export async function rotateFeedToken(db: Db, territoryId: string, agentId: string) {
  const token = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.insert(calendarFeeds).values({ agentId, territoryId, tokenHash: hashToken(token) })
      .onConflictDoUpdate({ target: calendarFeeds.agentId, set: { tokenHash: hashToken(token), createdAt: new Date() } });
    await writeAudit(tx, { territoryId, actorKind: "staff", actorUserId: agentId, action: "calendar_feed.rotate", entity: "user", entityId: agentId });
  });
  return token;
}

export async function hasFeed(db: Db, agentId: string) {
  const [f] = await db.select({ agentId: calendarFeeds.agentId }).from(calendarFeeds).where(eq(calendarFeeds.agentId, agentId)).limit(1);
  return !!f;
}

/** The feed's agent and territory, or null for an unknown token or a disabled account. */
export async function feedOwner(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const [f] = await db.select({ agentId: calendarFeeds.agentId, territoryId: calendarFeeds.territoryId, disabledAt: users.disabledAt })
    .from(calendarFeeds).innerJoin(users, eq(users.id, calendarFeeds.agentId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token))).limit(1);
  return f && !f.disabledAt ? f : null;
}

/**
 * Who is expected, for the agents' calendar: the names of the appointments listed, and nothing
 * else of their contact. One audit row per calendar view, with how many names were shown.
 */
export async function calendarNames(db: Db, territoryId: string, ids: string[], actorUserId: string) {
  const names = new Map<string, string>();
  if (!ids.length) return names;
  await db.transaction(async (tx) => {
    const rows = await tx.select({ id: appointments.id, territoryId: appointments.territoryId, contactCiphertext: appointments.contactCiphertext })
      .from(appointments).where(and(eq(appointments.territoryId, territoryId), inArray(appointments.id, ids)));
    for (const r of rows) {
      const c = r.contactCiphertext ? decryptJson<{ name?: string }>(r.contactCiphertext, appointmentAad(r)) : null;
      if (c?.name) names.set(r.id, c.name);
    }
    if (names.size) {
      await writeAudit(tx, {
        territoryId, actorKind: "staff", actorUserId, action: "appointment.calendar_names_view", entity: "territory", entityId: territoryId,
        details: { shown: names.size },
      });
    }
  });
  return names;
}
