import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { queryName } from "@/lib/log/logger";

/**
 * A failed query, without its values. Drizzle's own error puts every parameter in its message
 * ("Failed query: … params: <a draft's answers, an absence reason>") and the driver's error puts
 * values in its message and detail; whoever logs them (Next logs every uncaught error) writes
 * personal data to the server logs. This one keeps the SQLSTATE, the constraint and table names
 * and the query's name; its `cause` carries only those, so `sqlState()` still works.
 */
export class DatabaseError extends Error {
  readonly code: string | undefined;
  readonly queryName: string | undefined;
  readonly safe = true;
  constructor(query: string | undefined, driverError: unknown) {
    const d = (driverError ?? {}) as { code?: unknown; constraint_name?: unknown; constraint?: unknown; table_name?: unknown; table?: unknown; routine?: unknown };
    const code = typeof d.code === "string" ? d.code : undefined;
    const name = queryName(query);
    super(`Database query failed: ${name ?? "sql"}${code ? ` (SQLSTATE ${code})` : ""}`);
    this.name = "DatabaseError";
    this.code = code;
    this.queryName = name;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    this.cause = {
      code, constraint_name: str(d.constraint_name ?? d.constraint), table_name: str(d.table_name ?? d.table), routine: str(d.routine),
    };
  }
}

const g = globalThis as unknown as { __barometreQueryErrorsScrubbed?: boolean };

/**
 * Makes every query error of drizzle (both drivers share PgPreparedQuery) a DatabaseError.
 * Idempotent; called when a database is opened.
 */
export function scrubQueryErrors() {
  if (g.__barometreQueryErrorsScrubbed) return;
  g.__barometreQueryErrorsScrubbed = true;
  const proto = PgPreparedQuery.prototype as unknown as {
    queryWithCache: (queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
  };
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (err) {
      const driverError = (err as { cause?: unknown })?.cause ?? err;
      throw new DatabaseError(queryString, driverError);
    }
  };
}
