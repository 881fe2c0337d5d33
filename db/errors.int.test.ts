import { inspect } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, sqlState } from "@/db/client";
import { drafts } from "@/db/schema";
import { describeError, logger, setLogSink } from "@/lib/log/logger";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { DatabaseError } from "./errors";

/** Issue 10, item 6: a failed query writes no answer, no parameter, no value to the logs. */
describe.each(ENGINES)("database errors in the logs on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await openTestDatabase(engine); });
  afterAll(async () => t?.dispose());

  const PLANTED = "Réponse-plantée-7731 (motif d'absence)";

  async function failure(run: () => Promise<unknown>): Promise<unknown> {
    try {
      await run();
    } catch (err) {
      return err;
    }
    throw new Error("the query did not fail");
  }

  /** Everything a log line could show of the error: what Next prints, its string, our logger's line. */
  function everything(err: unknown): string {
    const lines: string[] = [];
    const prev = setLogSink((l) => lines.push(l));
    try {
      logger.error("test", describeError(err));
    } finally {
      setLogSink(prev);
    }
    return [inspect(err, { depth: 10, showHidden: true }), String(err), (err as Error).stack ?? "", JSON.stringify(err), ...lines].join("\n");
  }

  it("an ORM query: neither the answers (parameters) nor the value in PostgreSQL's message", async () => {
    const err = await failure(() => t.db.update(drafts).set({ answers: { q__reason: PLANTED } }).where(eq(drafts.id, `pas-un-uuid ${PLANTED}`)));
    expect(err).toBeInstanceOf(DatabaseError);
    expect(sqlState(err)).toBe("22P02");
    const out = everything(err);
    expect(out).not.toContain("Réponse-plantée-7731");
    expect(out).toContain("22P02");
    expect(out).toContain("update drafts");
  });

  it("a raw SQL statement, and a constraint violation keep their code and constraint", async () => {
    const raw = await failure(() => rows(t.db, sql`select ${PLANTED}::int as n`));
    expect(everything(raw)).not.toContain("Réponse-plantée-7731");
    expect(sqlState(raw)).toBe("22P02");
    const fk = await failure(() => t.db.insert(drafts).values({
      territoryId: "00000000-0000-4000-8000-000000000000", tokenHash: PLANTED, commonVersionId: "00000000-0000-4000-8000-000000000000",
      mode: "self", locale: "fr", expiresAt: new Date(), answers: { q__reason: PLANTED },
    } as typeof drafts.$inferInsert));
    expect(sqlState(fk)).toBe("23503");
    const out = everything(fk);
    expect(out).not.toContain("Réponse-plantée-7731");
    expect(out).toContain("insert drafts");
  });

  it("a route handler that meets it answers 500 in French and logs only codes", async () => {
    const lines: string[] = [];
    const prev = setLogSink((l) => lines.push(l));
    try {
      const handler = staffFormHandler<Record<string, never>>(async () => {
        await t.db.update(drafts).set({ answers: { q__reason: PLANTED } }).where(eq(drafts.id, `pas-un-uuid ${PLANTED}`));
        throw new Error("unreachable");
      });
      const res = await handler(new Request("http://localhost/api/x", {
        method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" }, body: `reason=${encodeURIComponent(PLANTED)}`,
      }), { params: Promise.resolve({}) });
      expect(res.status).toBe(500);
      expect(await res.text()).toMatch(/Une erreur est survenue/);
    } finally {
      setLogSink(prev);
    }
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: "error", event: "route_handler_failed", route: "/api/x", code: "22P02", queryName: "update drafts" });
    expect(lines[0]).not.toContain("Réponse-plantée-7731");
  });
});
