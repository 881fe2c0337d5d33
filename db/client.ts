import fs from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { scrubQueryErrors } from "./errors";

/**
 * One database API over two engines: PostgreSQL through postgres.js when DATABASE_URL is set,
 * embedded PGlite (a data folder) otherwise. Migrations run once, on first use.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Engine = "postgres" | "pglite";

export type Handle = { db: Db; engine: Engine; close: () => Promise<void> };

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

export function databaseEngine(): Engine {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

export function pgliteDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR || ".data/pglite");
}

/** Opens (and migrates) a database: PostgreSQL when `url` is given, PGlite in `dataDir` otherwise. */
export async function openDatabase(opts: { url?: string; dataDir?: string; poolSize?: number }): Promise<Handle> {
  // Query errors never carry their parameters (see db/errors.ts).
  scrubQueryErrors();
  const url = opts.url;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(url, {
      max: opts.poolSize ?? 10,
      onnotice: () => {},
    });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    return { db, engine: "postgres", close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dataDir = opts.dataDir ?? pgliteDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  // Single-object form: the two-argument form silently ignores the options.
  const client = new PGlite({ dataDir, extensions: { btree_gist } });
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, engine: "pglite", close: () => client.close() };
}

// Kept on globalThis so that Next's module reloading in dev never opens a second PGlite.
const g = globalThis as unknown as { __barometreDb?: Promise<Handle> };

export function getHandle(): Promise<Handle> {
  g.__barometreDb ??= openDatabase({
    url: process.env.DATABASE_URL,
    poolSize: Number(process.env.DATABASE_POOL_SIZE || 10),
  }).catch((err) => {
    g.__barometreDb = undefined;
    throw err;
  });
  return g.__barometreDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export async function closeDb(): Promise<void> {
  const h = g.__barometreDb;
  g.__barometreDb = undefined;
  if (h) await (await h).close();
}

/** Raw SQL rows, whichever engine: PGlite returns `{ rows }`, postgres.js an array. */
export async function rows<T = Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

export async function migrationLevel(db: Db): Promise<number> {
  const r = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(r[0]?.n ?? 0);
}

/** SQLSTATE of a driver error, wherever drizzle wrapped it. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}
