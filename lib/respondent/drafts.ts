import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts, kioskDevices, type Answers, type DraftFlash, type Mode } from "@/db/schema";
import { hashSecret, newResumeCode, newToken, normalizeCode } from "./codes";

export type Draft = typeof drafts.$inferSelect;

/** Self and assisted drafts can be resumed for 30 days; kiosk drafts die when idle. */
export const DRAFT_DAYS = 30;
export const DEFAULT_KIOSK_IDLE_SECONDS = 120;

export function draftExpiry(mode: Mode, now: Date, idleSeconds = DEFAULT_KIOSK_IDLE_SECONDS): Date {
  return new Date(now.getTime() + (mode === "kiosk" ? idleSeconds * 1000 : DRAFT_DAYS * 86_400_000));
}

export type NewDraft = {
  territoryId: string; commonVersionId: string; moduleVersionId: string | null; mode: Mode; locale: string;
  siteId: string | null; interviewerId: string | null; kioskDeviceId: string | null; idleSeconds?: number;
  currentSection: string;
};

/** Where a draft continues: its next section, or the review once every section is done. */
export function draftPath(slug: string, d: Pick<Draft, "currentSection">): string {
  return d.currentSection === "verifier" || !d.currentSection ? `/t/${slug}/verifier` : `/t/${slug}/q/${d.currentSection}`;
}

export async function createDraft(db: Db, input: NewDraft, now = new Date()): Promise<{ draft: Draft; token: string }> {
  const token = newToken();
  const { idleSeconds, ...values } = input;
  const [draft] = await db
    .insert(drafts)
    .values({ ...values, tokenHash: hashSecret(token), startedAt: now, updatedAt: now, expiresAt: draftExpiry(input.mode, now, idleSeconds) })
    .returning();
  return { draft, token };
}

/** The draft behind a cookie, only in its own territory and only while alive. */
export async function findDraft(db: Db, territoryId: string, token: string | undefined, now = new Date()): Promise<Draft | null> {
  if (!token) return null;
  const [d] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.tokenHash, hashSecret(token)), eq(drafts.territoryId, territoryId)))
    .limit(1);
  if (!d) return null;
  if (d.expiresAt.getTime() <= now.getTime()) {
    await db.delete(drafts).where(eq(drafts.id, d.id));
    return null;
  }
  return d;
}

async function kioskIdle(db: Db, d: Draft) {
  if (d.mode !== "kiosk" || !d.kioskDeviceId) return undefined;
  const [k] = await db.select({ idle: kioskDevices.idleSeconds }).from(kioskDevices).where(eq(kioskDevices.id, d.kioskDeviceId));
  return k?.idle;
}

/** Stores a section's valid answers (already merged and pruned by the engine). */
export async function saveAnswers(db: Db, d: Draft, answers: Answers, currentSection: string, now = new Date()) {
  await db
    .update(drafts)
    .set({ answers, currentSection, flash: null, updatedAt: now, expiresAt: draftExpiry(d.mode, now, await kioskIdle(db, d)) })
    .where(and(eq(drafts.id, d.id), eq(drafts.territoryId, d.territoryId)));
}

export async function saveFlash(db: Db, d: Draft, flash: DraftFlash, now = new Date()) {
  await db
    .update(drafts)
    .set({ flash, updatedAt: now, expiresAt: draftExpiry(d.mode, now, await kioskIdle(db, d)) })
    .where(and(eq(drafts.id, d.id), eq(drafts.territoryId, d.territoryId)));
}

/** A new resume code replaces any earlier one (only its hash is kept). */
export async function issueResumeCode(db: Db, d: Draft, now = new Date()): Promise<string> {
  const code = newResumeCode();
  await db
    .update(drafts)
    .set({ resumeCodeHash: hashSecret(normalizeCode(code)), updatedAt: now, expiresAt: draftExpiry(d.mode, now) })
    .where(and(eq(drafts.id, d.id), eq(drafts.territoryId, d.territoryId)));
  return code;
}

/**
 * Resuming on another device: the code stays valid until submission (people switch devices
 * more than once), but the cookie token is renewed, so the previous device loses the draft.
 */
export async function resumeDraft(db: Db, territoryId: string, code: string, now = new Date()) {
  const [d] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.resumeCodeHash, hashSecret(normalizeCode(code))), eq(drafts.territoryId, territoryId)))
    .limit(1);
  if (!d || d.expiresAt.getTime() <= now.getTime()) return null;
  const token = newToken();
  await db
    .update(drafts)
    .set({ tokenHash: hashSecret(token), updatedAt: now })
    .where(eq(drafts.id, d.id));
  return { draft: d, token };
}

export async function deleteDraft(db: Db, territoryId: string, id: string) {
  await db.delete(drafts).where(and(eq(drafts.id, id), eq(drafts.territoryId, territoryId)));
}

export async function purgeExpiredDrafts(db: Db, now = new Date()) {
  await db.delete(drafts).where(lt(drafts.expiresAt, now));
}
