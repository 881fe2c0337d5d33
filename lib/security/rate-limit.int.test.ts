import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { clearLimit, hitLimit, peekLimit, purgeExpiredLimits, type LimitRule } from "./rate-limit";

describe.each(ENGINES)("rate limiter on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => t?.dispose());

  it("counts a burst of parallel hits exactly: max allowed, every other one refused", async () => {
    const rule: LimitRule = { name: "burst", max: 10, windowSeconds: 60 };
    const now = new Date("2026-05-01T10:00:00Z");
    const decisions = await Promise.all(Array.from({ length: 50 }, () => hitLimit(t.db, rule, "subject-a", now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.filter((d) => !d.allowed)).toHaveLength(40);
    expect(new Set(decisions.map((d) => d.count)).size).toBe(50); // every hit saw its own count
    expect(decisions.find((d) => !d.allowed)!.retryAfterSeconds).toBe(60);
    // Another subject has its own counter; the window's end starts afresh.
    expect((await hitLimit(t.db, rule, "subject-b", now)).allowed).toBe(true);
    expect((await hitLimit(t.db, rule, "subject-a", new Date(now.getTime() + 60_000))).count).toBe(1);
  });

  it("blocks from the first refused hit, reads without counting, forgets and purges", async () => {
    const rule: LimitRule = { name: "block", max: 2, windowSeconds: 60, blockSeconds: 900 };
    const now = new Date("2026-05-01T11:00:00Z");
    for (let i = 0; i < 3; i++) await hitLimit(t.db, rule, "s", now);
    const peek = await peekLimit(t.db, rule, "s", new Date(now.getTime() + 120_000));
    expect(peek).toMatchObject({ allowed: false, count: 3, retryAfterSeconds: 780 });
    expect((await peekLimit(t.db, rule, "s", new Date(now.getTime() + 120_000))).count).toBe(3);
    await clearLimit(t.db, rule, "s");
    expect((await peekLimit(t.db, rule, "s", now)).allowed).toBe(true);
    await hitLimit(t.db, rule, "old", now);
    await purgeExpiredLimits(t.db, new Date(now.getTime() + 3600_000));
    expect(await t.db.select().from(rateLimits)).toHaveLength(0);
  });
});
