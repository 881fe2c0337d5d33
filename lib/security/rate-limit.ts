import { lt, sql } from "drizzle-orm";
import { rows, type Db, type Tx } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * A rate limiter shared by every app process: fixed-window counters in PostgreSQL (table
 * `rate_limits`), one atomic `insert … on conflict do update … returning` per hit, so that
 * parallel requests on several processes each see their own, exact count.
 * Why this design: docs/decisions/0008-rate-limits.md.
 */
export type LimitRule = {
  /** Prefix of the key, e.g. "signin-addr". */
  name: string;
  /** Hits allowed per window; the next ones are refused until the window (or block) ends. */
  max: number;
  windowSeconds: number;
  /** Once the limit is passed, refuse for this long from that moment (default: until the window ends). */
  blockSeconds?: number;
};

export type LimitState = { count: number; resetAt: Date };
export type LimitDecision = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Pure: the decision for a counter state at `now`. */
export function decide(rule: LimitRule, state: LimitState | null, now: Date): LimitDecision {
  if (!state || state.resetAt.getTime() <= now.getTime()) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  const allowed = state.count <= rule.max;
  return { allowed, count: state.count, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((state.resetAt.getTime() - now.getTime()) / 1000)) };
}

/** Pure: the counter after one more hit at `now` (what the upsert computes in SQL; used by the tests). */
export function nextState(rule: LimitRule, state: LimitState | null, now: Date): LimitState {
  const windowEnd = new Date(now.getTime() + rule.windowSeconds * 1000);
  if (!state || state.resetAt.getTime() <= now.getTime()) return { count: 1, resetAt: windowEnd };
  const count = state.count + 1;
  if (count === rule.max + 1 && rule.blockSeconds) {
    const blockEnd = new Date(now.getTime() + rule.blockSeconds * 1000);
    return { count, resetAt: blockEnd > state.resetAt ? blockEnd : state.resetAt };
  }
  return { count, resetAt: state.resetAt };
}

const keyOf = (rule: LimitRule, subject: string) => `${rule.name}:${subject}`.slice(0, 200);

/** Counts one hit for `subject` and says whether it is allowed (atomic across processes). */
export async function hitLimit(db: Db | Tx, rule: LimitRule, subject: string, now: Date = new Date()): Promise<LimitDecision> {
  const key = keyOf(rule, subject);
  const nowIso = now.toISOString();
  const windowEnd = new Date(now.getTime() + rule.windowSeconds * 1000).toISOString();
  const blockEnd = new Date(now.getTime() + (rule.blockSeconds ?? 0) * 1000).toISOString();
  const [r] = await rows<{ count: number; reset_at: string | Date }>(db, sql`
    insert into rate_limits as l (key, count, reset_at) values (${key}, 1, ${windowEnd}::timestamptz)
    on conflict (key) do update set
      count = case when l.reset_at <= ${nowIso}::timestamptz then 1 else l.count + 1 end,
      reset_at = case
        when l.reset_at <= ${nowIso}::timestamptz then ${windowEnd}::timestamptz
        when l.count + 1 = ${rule.max + 1}::int and ${rule.blockSeconds ?? 0}::int > 0 then greatest(l.reset_at, ${blockEnd}::timestamptz)
        else l.reset_at end
    returning count, reset_at`);
  // Expired counters are swept now and then (indexed on reset_at, cheap).
  if (Math.random() < 0.01) await purgeExpiredLimits(db, now);
  return decide(rule, { count: Number(r.count), resetAt: new Date(r.reset_at) }, now);
}

/** Reads a counter without counting (e.g. "is this e-mail locked?"). */
export async function peekLimit(db: Db | Tx, rule: LimitRule, subject: string, now: Date = new Date()): Promise<LimitDecision> {
  const [r] = await rows<{ count: number; reset_at: string | Date }>(db, sql`
    select count, reset_at from rate_limits where key = ${keyOf(rule, subject)}`);
  return decide(rule, r ? { count: Number(r.count), resetAt: new Date(r.reset_at) } : null, now);
}

/** Forgets a counter (e.g. after a successful sign-in). */
export async function clearLimit(db: Db | Tx, rule: LimitRule, subject: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${keyOf(rule, subject)}`);
}

export async function purgeExpiredLimits(db: Db | Tx, now: Date = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.resetAt, now));
}
