import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window counters of the rate limiter (lib/security/rate-limit.ts), shared by every app
 * process through the database: one row per key (e.g. "signin-addr:<hash>"), incremented by one
 * atomic upsert. Keys never hold personal data in clear (addresses and e-mails are keyed hashes).
 * See docs/decisions/0008-rate-limits.md.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    /** End of the current window (or of the block, once the limit was reached). */
    resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_reset").on(t.resetAt)],
);
