import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { detectionServices, detectionSituations } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { listServices } from "../services";
import { sameLabel, uniqueCode } from "./option-code";

/**
 * The territory's detecting services: add, rename, archive / restore, the optional-aid flag, and
 * delete — only a service no situation names (the others are archived: the rubriques still count them).
 */
export type ServiceWrite = { ok: true; id: string } | { ok: false; reason: "not_found" | "in_use" | "conflict" };

export async function addService(db: Db, territoryId: string, actorUserId: string, input: { label: string; instructsOptionalAid: boolean }): Promise<ServiceWrite> {
  const all = await listServices(db, territoryId, { includeArchived: true });
  // The same label again (a double submit): the service already there, brought back if archived.
  const twin = all.find((s) => sameLabel(s.label, input.label));
  if (twin) return twin.archived ? setServiceArchived(db, territoryId, actorUserId, twin.id, false) : { ok: true, id: twin.id };
  const code = uniqueCode(input.label, all.map((s) => s.code));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(detectionServices)
      .values({ territoryId, code, label: input.label, instructsOptionalAid: input.instructsOptionalAid, position: all.length })
      .onConflictDoNothing().returning({ id: detectionServices.id });
    if (!row) return { ok: false, reason: "conflict" } as const;
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "detection.service.add", entity: "detection_service", entityId: row.id, details: { code } });
    return { ok: true, id: row.id } as const;
  });
}

type ServiceChange = { label?: string; archivedAt?: Date | null; instructsOptionalAid?: boolean };

async function changeService(db: Db, territoryId: string, actorUserId: string, id: string, set: ServiceChange, action: string): Promise<ServiceWrite> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(detectionServices).set(set)
      .where(and(eq(detectionServices.territoryId, territoryId), eq(detectionServices.id, id))).returning({ id: detectionServices.id });
    if (!row) return { ok: false, reason: "not_found" } as const;
    const details: Record<string, boolean> = set.instructsOptionalAid === undefined ? {} : { instructsOptionalAid: set.instructsOptionalAid };
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action, entity: "detection_service", entityId: id, details });
    return { ok: true, id } as const;
  });
}

export const renameService = (db: Db, territoryId: string, actorUserId: string, id: string, label: string) =>
  changeService(db, territoryId, actorUserId, id, { label }, "detection.service.rename");

export const setServiceArchived = (db: Db, territoryId: string, actorUserId: string, id: string, archived: boolean, now = new Date()) =>
  changeService(db, territoryId, actorUserId, id, { archivedAt: archived ? now : null }, archived ? "detection.service.archive" : "detection.service.restore");

export const setServiceInstructsAid = (db: Db, territoryId: string, actorUserId: string, id: string, instructsOptionalAid: boolean) =>
  changeService(db, territoryId, actorUserId, id, { instructsOptionalAid }, "detection.service.flag");

/** How many situations name each service of the territory (a service in use cannot be deleted). */
export async function serviceUsage(db: Db, territoryId: string): Promise<Map<string, number>> {
  const rows = await db.select({ serviceId: detectionSituations.serviceId, n: count() }).from(detectionSituations)
    .where(eq(detectionSituations.territoryId, territoryId)).groupBy(detectionSituations.serviceId);
  return new Map(rows.map((r) => [r.serviceId, Number(r.n)]));
}

export async function deleteService(db: Db, territoryId: string, actorUserId: string, id: string): Promise<ServiceWrite> {
  return db.transaction(async (tx) => {
    const [used] = await tx.select({ n: count() }).from(detectionSituations)
      .where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.serviceId, id)));
    if (Number(used.n) > 0) return { ok: false, reason: "in_use" } as const;
    const [row] = await tx.delete(detectionServices)
      .where(and(eq(detectionServices.territoryId, territoryId), eq(detectionServices.id, id))).returning({ id: detectionServices.id });
    if (!row) return { ok: false, reason: "not_found" } as const;
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "detection.service.delete", entity: "detection_service", entityId: id });
    return { ok: true, id } as const;
  });
}
