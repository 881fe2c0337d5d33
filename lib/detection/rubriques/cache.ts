import { sql } from "drizzle-orm";
import { rows, type Db } from "@/db/client";

/**
 * The rubriques' SQL reads every situation of the territory (about 1 s at 100,000 situations on
 * PostgreSQL, BENCHMARKS.md); the data changes far less often than the page is read (a committee
 * meeting reloads it with every filter). So each process keeps the last results per territory,
 * reader and filters, valid as long as the territory's detection data is unchanged: a cheap
 * version (situations counted, their update times summed — every write touches updated_at — and
 * households counted) is read on every request, so a write in any process shows at once.
 */
export async function detectionVersion(db: Db, territoryId: string): Promise<string> {
  const [r] = await rows<{ n: string; s: string | null; h: string }>(db, sql`
    select (select count(*) from detection_situations where territory_id = ${territoryId}::uuid)::text as n,
      (select sum(extract(epoch from updated_at))::text from detection_situations where territory_id = ${territoryId}::uuid) as s,
      (select count(*) from detection_households where territory_id = ${territoryId}::uuid)::text as h`);
  return `${r.n}:${r.s ?? ""}:${r.h}`;
}

const MAX_ENTRIES = 64;
type Entry = { version: string; value: Promise<unknown> };
const entries = new Map<string, Entry>();

/** `load()` once per (key, version); the least recently used entries go beyond MAX_ENTRIES. */
export async function cachedByVersion<T>(db: Db, territoryId: string, key: string, load: () => Promise<T>): Promise<T> {
  const version = await detectionVersion(db, territoryId);
  const full = `${territoryId}|${key}`;
  const hit = entries.get(full);
  if (hit && hit.version === version) {
    entries.delete(full);
    entries.set(full, hit); // most recently used last
    return hit.value as Promise<T>;
  }
  const value = load();
  entries.set(full, { version, value });
  value.catch(() => entries.delete(full)); // never keep a failure
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

/** For benchmarks measuring the cold path. */
export function clearRubriquesCache() {
  entries.clear();
}
