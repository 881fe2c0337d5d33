import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sites } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { finestAreaLocator } from "@/lib/territories/upsert-territory";
import type { SiteInput } from "./site-schema";

/** Every site of a territory, archived ones last (the staff list). */
export async function listSitesForAdmin(db: Db, territoryId: string) {
  return db.select().from(sites).where(eq(sites.territoryId, territoryId))
    .orderBy(sql`${sites.archivedAt} is not null`, asc(sites.name));
}

/** A site's columns, with the area that contains it (as the seed and boundaries import attach sites). */
const columns = (s: SiteInput, areaAt: (lon?: number | null, lat?: number | null) => string | null) => ({
  code: s.code, name: s.name, kind: s.kind, address: s.address ?? null, phone: s.phone ?? null, lon: s.lon ?? null, lat: s.lat ?? null,
  neighbourhoodId: areaAt(s.lon, s.lat),
});

export type SiteWrite = { ok: true; id: string } | { ok: false; reason: "duplicate_code" | "not_found" };

export async function createSite(db: Db, territoryId: string, actorUserId: string, s: SiteInput): Promise<SiteWrite> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(sites).values({ territoryId, ...columns(s, await finestAreaLocator(tx, territoryId)) }).onConflictDoNothing().returning({ id: sites.id });
    if (!row) return { ok: false, reason: "duplicate_code" } as const;
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "site.create", entity: "site", entityId: row.id });
    return { ok: true, id: row.id } as const;
  });
}

export async function updateSite(db: Db, territoryId: string, actorUserId: string, id: string, s: SiteInput): Promise<SiteWrite> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.territoryId, territoryId), eq(sites.code, s.code)));
    if (clash && clash.id !== id) return { ok: false, reason: "duplicate_code" } as const;
    const [row] = await tx.update(sites).set(columns(s, await finestAreaLocator(tx, territoryId))).where(and(eq(sites.territoryId, territoryId), eq(sites.id, id))).returning({ id: sites.id });
    if (!row) return { ok: false, reason: "not_found" } as const;
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "site.update", entity: "site", entityId: id });
    return { ok: true, id } as const;
  });
}

/** Archived sites leave respondents' choices, links and QR sheets; their responses keep them. */
export async function setSiteArchived(db: Db, territoryId: string, actorUserId: string, id: string, archived: boolean, now = new Date()): Promise<SiteWrite> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(sites).set({ archivedAt: archived ? now : null })
      .where(and(eq(sites.territoryId, territoryId), eq(sites.id, id))).returning({ id: sites.id });
    if (!row) return { ok: false, reason: "not_found" } as const;
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: archived ? "site.archive" : "site.restore", entity: "site", entityId: id, at: now });
    return { ok: true, id } as const;
  });
}

/**
 * Imports a whole file of sites in one transaction: a known code updates its site (and brings it
 * back from the archive), a new code creates one. Either every row is written or none.
 */
export async function importSites(db: Db, territoryId: string, actorUserId: string, list: SiteInput[], format: "csv" | "geojson") {
  return db.transaction(async (tx) => {
    const existing = new Map((await tx.select({ id: sites.id, code: sites.code }).from(sites).where(eq(sites.territoryId, territoryId))).map((s) => [s.code, s.id]));
    const areaAt = await finestAreaLocator(tx, territoryId);
    let created = 0;
    let updated = 0;
    for (const s of list) {
      const id = existing.get(s.code);
      if (id) {
        await tx.update(sites).set({ ...columns(s, areaAt), archivedAt: null }).where(eq(sites.id, id));
        updated++;
      } else {
        await tx.insert(sites).values({ territoryId, ...columns(s, areaAt) });
        created++;
      }
    }
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "site.import", entity: "territory", entityId: territoryId, details: { format, created, updated } });
    return { created, updated };
  });
}

export const activeSite = isNull(sites.archivedAt);
