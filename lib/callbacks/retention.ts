import { and, eq, inArray, isNotNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, callbackRequests, reviewOutcomes } from "@/db/schema";

export type RetentionRules = { monthsAfterClosure: number; daysAfterUnreachable: number };
export const DEFAULT_RETENTION: RetentionRules = { monthsAfterClosure: 12, daysAfterUnreachable: 30 };

/** The rules in force: BAROMETRE_RETENTION_MONTHS and BAROMETRE_RETENTION_UNREACHABLE_DAYS override the defaults. */
export function retentionFromEnv(env = process.env): RetentionRules {
  const n = (v: string | undefined, d: number) => (v && /^\d{1,4}$/.test(v) ? Number(v) : d);
  return {
    monthsAfterClosure: n(env.BAROMETRE_RETENTION_MONTHS, DEFAULT_RETENTION.monthsAfterClosure),
    daysAfterUnreachable: n(env.BAROMETRE_RETENTION_UNREACHABLE_DAYS, DEFAULT_RETENTION.daysAfterUnreachable),
  };
}

let lastRun = 0;
/** Runs the purge at most once an hour per server process (called from the CCAS pages). */
export async function purgeContactDataThrottled(db: Db, now = new Date()) {
  if (now.getTime() - lastRun < 3_600_000) return 0;
  lastRun = now.getTime();
  return purgeContactData(db, now, retentionFromEnv());
}

/** The instants before which a closure makes contact data due for erasure (pure). */
export function retentionCutoffs(now: Date, rules: RetentionRules) {
  const closure = new Date(now);
  closure.setUTCMonth(closure.getUTCMonth() - rules.monthsAfterClosure);
  return { closure, unreachable: new Date(now.getTime() - rules.daysAfterUnreachable * 86_400_000) };
}

/**
 * Erases contact data (and review notes) that has outlived its purpose: a configurable time after
 * closure (default 12 months), sooner after an unreachable closure (default 30 days, time to write
 * to the person). Keeps the request, its status and its outcome counts. Idempotent: a second run
 * finds nothing. One transaction, one audit row per request.
 */
export async function purgeContactData(db: Db, now = new Date(), rules = retentionFromEnv()) {
  const { closure, unreachable } = retentionCutoffs(now, rules);
  return db.transaction(async (tx) => {
    const purged = await tx
      .update(callbackRequests)
      .set({ contactCiphertext: null, contactErasedAt: now, updatedAt: now })
      .where(and(
        isNotNull(callbackRequests.contactCiphertext),
        or(
          and(eq(callbackRequests.status, "closed_reviewed"), lt(callbackRequests.closedAt, closure)),
          and(eq(callbackRequests.status, "closed_unreachable"), lt(callbackRequests.closedAt, unreachable)),
        ),
      ))
      .returning({ id: callbackRequests.id, territoryId: callbackRequests.territoryId });
    if (purged.length) {
      await tx.update(reviewOutcomes).set({ noteCiphertext: null }).where(inArray(reviewOutcomes.requestId, purged.map((p) => p.id)));
      await tx.insert(auditLog).values(purged.map((p) => ({
        territoryId: p.territoryId, actorKind: "system", action: "callback.retention_purge", entity: "callback_request", entityId: p.id, at: now,
      })));
    }
    return purged.length;
  });
}

