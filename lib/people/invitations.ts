import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { staffInvitations, territories, users, ROLES, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { publicBaseUrl } from "@/lib/booking/notify";
import { hashToken, isTokenShape } from "@/lib/booking/tokens";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueueMessage } from "@/lib/notifications/outbox";
import { safeText } from "@/lib/validation/parsers";
import { canSeePerson, checkInvite, managesPeople, type Actor, type Refusal } from "./rules";

/** How long an invitation link stays valid. */
export const INVITATION_HOURS = 72;

export const inviteSchema = z.object({
  name: safeText(120).pipe(z.string().min(1, { error: "name" })),
  email: z.string().trim().toLowerCase().max(200, { error: "email" }).pipe(z.email({ error: "email" })),
  role: z.enum(ROLES, { error: "role" }),
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const invitationUrl = (token: string) => `${publicBaseUrl()}/connexion/invitation?jeton=${token}`;

export type InviteResult = { ok: true; userId: string } | { ok: false; reason: Refusal | "exists" };

/**
 * Creates the account (no password yet) and its one-time link, and queues the e-mail, in one
 * transaction with its audit row. `territoryId` is the new account's territory (null for a
 * platform admin); `contextTerritoryId` the territory the actor works on (for the outbox and
 * the audit log, which belong to a territory).
 */
export async function inviteStaff(db: Db, actor: Actor, input: InviteInput, territoryId: string | null, contextTerritoryId: string, now = new Date()): Promise<InviteResult> {
  const verdict = checkInvite(actor, input.role, territoryId);
  if (!verdict.ok) return verdict;
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing) return { ok: false, reason: "exists" } as const;
    const [created] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, territoryId })
      .onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    if (!created) return { ok: false, reason: "exists" } as const;
    await sendLink(tx, actor, { id: created.id, ...input, territoryId }, contextTerritoryId, now);
    await writeAudit(tx, {
      territoryId: contextTerritoryId, actorUserId: actor.id, actorKind: "staff", action: "user.invite", entity: "user", entityId: created.id,
      details: { role: input.role }, at: now,
    });
    return { ok: true, userId: created.id } as const;
  });
}

/** A new one-time link for an account, and its e-mail through the outbox (in the caller's transaction). */
async function sendLink(tx: Tx, actor: Actor, person: { id: string; name: string; email: string; role: Role; territoryId: string | null }, contextTerritoryId: string, now: Date) {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(staffInvitations).values({
    userId: person.id, tokenHash: hashToken(token), invitedBy: actor.id, expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3_600_000),
  });
  const [territory] = await tx.select({ name: territories.name }).from(territories).where(eq(territories.id, person.territoryId ?? contextTerritoryId));
  const t = translatorFor("fr");
  await enqueueMessage(tx, {
    territoryId: contextTerritoryId, appointmentId: null, kind: "invitation", dedupeKey: `invitation:${hashToken(token)}`,
    payload: {
      to: person.email,
      subject: t("people.mail.subject"),
      text: [
        t("people.mail.hello", { name: person.name }), "",
        t("people.mail.intro", { role: t(`roles.${person.role}`), territory: territory?.name ?? "" }), "",
        t("people.mail.link", { hours: INVITATION_HOURS }), invitationUrl(token), "",
        t("people.mail.ignore"),
      ].join("\n"),
    },
  });
}

/**
 * A new link for someone invited who has not set a password yet (the earlier links stop
 * working): for an expired or lost invitation. Audited.
 */
export async function resendInvitation(db: Db, actor: Actor, userId: string, contextTerritoryId: string, now = new Date()): Promise<{ ok: true } | { ok: false; reason: Refusal | "not_invited" }> {
  if (!managesPeople(actor)) return { ok: false, reason: "forbidden" };
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for("update");
    if (!u || !canSeePerson(actor, u)) return { ok: false, reason: "not_found" } as const;
    if (u.passwordHash || u.disabledAt) return { ok: false, reason: "not_invited" } as const;
    await tx.update(staffInvitations).set({ usedAt: now }).where(and(eq(staffInvitations.userId, u.id), isNull(staffInvitations.usedAt)));
    await sendLink(tx, actor, u, contextTerritoryId, now);
    await writeAudit(tx, { territoryId: u.territoryId ?? contextTerritoryId, actorUserId: actor.id, actorKind: "staff", action: "user.reinvite", entity: "user", entityId: u.id, at: now });
    return { ok: true } as const;
  });
}

/** The invitation a link opens, if it is still usable: unused, unexpired, account not disabled. */
export async function readInvitation(db: Db, token: string, now = new Date()) {
  if (!isTokenShape(token)) return null;
  const [row] = await db.select({ id: staffInvitations.id, userId: users.id, name: users.name, email: users.email })
    .from(staffInvitations).innerJoin(users, eq(users.id, staffInvitations.userId))
    .where(and(eq(staffInvitations.tokenHash, hashToken(token)), isNull(staffInvitations.usedAt), gt(staffInvitations.expiresAt, now), isNull(users.disabledAt)))
    .limit(1);
  return row ?? null;
}

/**
 * Sets the password through the link, once: the invitation is marked used by a conditional
 * update, so two parallel posts cannot both succeed. Audited as the person themself.
 */
export async function acceptInvitation(db: Db, token: string, password: string, now = new Date()): Promise<{ ok: true; email: string } | { ok: false }> {
  const invitation = await readInvitation(db, token, now);
  if (!invitation) return { ok: false };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [used] = await tx.update(staffInvitations).set({ usedAt: now })
      .where(and(eq(staffInvitations.id, invitation.id), isNull(staffInvitations.usedAt), gt(staffInvitations.expiresAt, now)))
      .returning({ id: staffInvitations.id });
    if (!used) return { ok: false } as const;
    const [u] = await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.id, invitation.userId), isNull(users.disabledAt)))
      .returning({ territoryId: users.territoryId, email: users.email });
    if (!u) throw new Error("invitation_account_gone");
    // Any other pending link of the account stops working too.
    await tx.update(staffInvitations).set({ usedAt: now }).where(and(eq(staffInvitations.userId, invitation.userId), isNull(staffInvitations.usedAt)));
    const auditTerritory = u.territoryId ?? (await tx.select({ id: territories.id }).from(territories).limit(1))[0]?.id;
    if (auditTerritory) {
      await writeAudit(tx, { territoryId: auditTerritory, actorUserId: invitation.userId, actorKind: "staff", action: "user.invitation_accepted", entity: "user", entityId: invitation.userId, at: now });
    }
    return { ok: true, email: u.email } as const;
  });
}
