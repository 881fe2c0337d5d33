import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { detectionServices } from "@/db/schema";
import { DEFAULT_SERVICES } from "./reference";

export type DetectionService = { id: string; code: string; label: string; instructsOptionalAid: boolean; archived: boolean };

/**
 * The territory's detecting services, the two seeded ones written on first use (so that every
 * territory, old or new, has them without a data migration). Archived ones are listed last.
 */
export async function listServices(db: Db | Tx, territoryId: string, opts: { includeArchived?: boolean } = {}): Promise<DetectionService[]> {
  const read = () => db.select().from(detectionServices)
    .where(opts.includeArchived ? eq(detectionServices.territoryId, territoryId) : and(eq(detectionServices.territoryId, territoryId), isNull(detectionServices.archivedAt)))
    .orderBy(asc(detectionServices.position), asc(detectionServices.code));
  let rows = await read();
  if (!rows.length) {
    await db.insert(detectionServices)
      .values(DEFAULT_SERVICES.map((s, position) => ({ territoryId, code: s.code, label: s.label, instructsOptionalAid: s.instructsOptionalAid, position })))
      .onConflictDoNothing();
    rows = await read();
  }
  return rows.map((r) => ({ id: r.id, code: r.code, label: r.label, instructsOptionalAid: r.instructsOptionalAid, archived: r.archivedAt !== null }));
}
