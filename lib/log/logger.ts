/**
 * The server's structured logger: one JSON object per line on stderr.
 *
 * Why our own and not pino: what we log is deliberately tiny (an event name, error codes, query
 * names, ids), the redaction rule is "nothing that is not on the allow-list of safe fields" rather
 * than pino's "everything but these paths", and pino's transports run in worker threads that
 * Turbopack bundling breaks. Twenty lines we can test are enough.
 *
 * Rules: never a query's parameters, a request's body, answers, contact data, an error message
 * from the database (PostgreSQL puts values in them: "invalid input syntax for type uuid: …",
 * "Key (email)=(…) already exists") or a query string. Fields are checked by name and by type.
 */
export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Tests capture the output here. Returns the previous sink. */
export function setLogSink(next: (line: string) => void): (line: string) => void {
  const prev = sink;
  sink = next;
  return prev;
}

/** Field names whose values are never written, whatever they hold. */
const REDACTED = /param|body|answer|contact|email|phone|name|reason|note|detail|value|message|query_?string|token|cookie|password|secret/i;
const MAX_STRING = 200;

function clean(fields: LogFields): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (REDACTED.test(k) && k !== "queryName" && k !== "errorName") out[k] = "[redacted]";
    else if (typeof v === "string") out[k] = v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
    else if (typeof v === "number" || typeof v === "boolean" || v === null) out[k] = v;
  }
  return out;
}

export function log(level: LogLevel, event: string, fields: LogFields = {}) {
  try {
    sink(JSON.stringify({ time: new Date().toISOString(), level, event, ...clean(fields) }));
  } catch {
    // A logger never breaks the request it reports on.
  }
}

export const logger = {
  info: (event: string, fields?: LogFields) => log("info", event, fields),
  warn: (event: string, fields?: LogFields) => log("warn", event, fields),
  error: (event: string, fields?: LogFields) => log("error", event, fields),
};

/**
 * "insert drafts", "update callback_requests", "select responses": what a query did and to
 * which table, from its SQL text (parameters are never part of it, values are not either).
 */
export function queryName(sqlText: string | undefined): string | undefined {
  if (!sqlText) return undefined;
  const s = sqlText.replace(/\s+/g, " ").trim();
  const verb = /^(with|select|insert|update|delete)\b/i.exec(s)?.[1]?.toLowerCase();
  if (!verb) return "sql";
  const table =
    verb === "insert" ? /^insert into "?([a-z_][a-z0-9_]*)"?/i.exec(s)?.[1]
      : verb === "update" ? /^update "?([a-z_][a-z0-9_]*)"?/i.exec(s)?.[1]
        : / from "?([a-z_][a-z0-9_]*)"?/i.exec(s)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/** SQLSTATE and names of a database error, wherever it is wrapped: never its message or detail. */
function dbFields(err: unknown): LogFields {
  const e = err as { code?: unknown; constraint?: unknown; constraint_name?: unknown; table?: unknown; table_name?: unknown; routine?: unknown; severity?: unknown };
  const str = (v: unknown) => (typeof v === "string" && /^[A-Za-z0-9_.]{1,80}$/.test(v) ? v : undefined);
  return {
    code: str(e.code), constraint: str(e.constraint_name ?? e.constraint), table: str(e.table_name ?? e.table), routine: str(e.routine),
  };
}

/**
 * What may be logged of an error: its class, its code (SQLSTATE for the database), the query
 * name, and the stack frames (file and function names) without the first line, which carries
 * the message. The message itself only for our own errors, which are written to be safe.
 */
export function describeError(err: unknown): LogFields {
  if (!(err instanceof Error)) return { errorName: typeof err };
  const e = err as Error & { queryName?: string; safe?: boolean; cause?: unknown };
  const frames = (e.stack ?? "").split("\n").slice(1, 6).map((l) => l.trim()).join(" | ");
  return {
    errorName: e.name,
    ...(e.cause ? dbFields(e.cause) : {}),
    ...dbFields(e),
    queryName: e.queryName,
    safeText: e.safe ? e.message : undefined,
    stack: frames || undefined,
  };
}
