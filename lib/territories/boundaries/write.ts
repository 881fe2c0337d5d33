import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { neighbourhoodLevels, neighbourhoods, territories } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { diffImport, type ImportDiff, type StoredArea } from "./diff";
import type { ImportPlan } from "./types";

export type ImportActor = { kind: "staff" | "system"; userId?: string | null };

/** The territory's stored areas (with parent codes) and current level keys, for a diff. */
export async function loadStoredAreas(db: Db | Tx, territoryId: string) {
  const levelRows = await db.select().from(neighbourhoodLevels).where(eq(neighbourhoodLevels.territoryId, territoryId));
  const areaRows = await db
    .select({ id: neighbourhoods.id, levelId: neighbourhoods.levelId, code: neighbourhoods.code, name: neighbourhoods.name, geometry: neighbourhoods.geometry, parentId: neighbourhoods.parentId, retiredAt: neighbourhoods.retiredAt })
    .from(neighbourhoods).where(eq(neighbourhoods.territoryId, territoryId));
  const levelKeyById = new Map(levelRows.map((l) => [l.id, l.key]));
  const codeById = new Map(areaRows.map((a) => [a.id, a.code]));
  const stored: StoredArea[] = areaRows.map((a) => ({
    levelKey: levelKeyById.get(a.levelId) ?? "", code: a.code, name: a.name, geometry: a.geometry,
    parentCode: a.parentId ? codeById.get(a.parentId) ?? null : null, retired: a.retiredAt !== null,
  }));
  const current = levelRows.filter((l) => l.retiredAt === null).sort((a, b) => a.rank - b.rank).map((l) => l.key);
  return { levelRows, areaRows, stored, current };
}

/** What saving the plan would change, without writing anything (the preview). */
export async function previewImport(db: Db, territoryId: string, plan: ImportPlan): Promise<ImportDiff> {
  const { stored, current } = await loadStoredAreas(db, territoryId);
  return diffImport(stored, current, plan);
}

/**
 * Writes a validated plan in ONE transaction: levels upserted in order, areas upserted by code
 * (name, geometry and parent updated in place, a retired code brought back), areas and levels the
 * import no longer has retired (never deleted: responses stay attached to them). Writes one audit
 * row when anything changed (or always for a staff import). Returns what changed.
 */
export async function applyImport(
  db: Db, territoryId: string, plan: ImportPlan, actor: ImportActor, now = new Date(),
): Promise<ImportDiff> {
  return db.transaction(async (tx) => {
    // Serialises concurrent imports of one territory (a row lock on the territory).
    await tx.select({ id: territories.id }).from(territories).where(eq(territories.id, territoryId)).for("update");
    const { levelRows, areaRows, stored, current } = await loadStoredAreas(tx, territoryId);
    const diff = diffImport(stored, current, plan);

    const planKeys = new Set(plan.levels.map((l) => l.key));
    const gone = levelRows.filter((l) => !planKeys.has(l.key) && l.retiredAt === null);
    if (gone.length > 0) {
      const ids = gone.map((l) => l.id);
      // Ranks out of the way so the imported levels can take 0..n-1.
      for (const [i, l] of gone.entries()) {
        await tx.update(neighbourhoodLevels).set({ retiredAt: now, rank: 1000 + i }).where(eq(neighbourhoodLevels.id, l.id));
      }
      await tx.update(neighbourhoods).set({ retiredAt: now })
        .where(and(inArray(neighbourhoods.levelId, ids), isNull(neighbourhoods.retiredAt)));
    }

    let parentIds = new Map<string, string>();
    for (const [rank, level] of plan.levels.entries()) {
      const [lvl] = await tx.insert(neighbourhoodLevels)
        .values({ territoryId, key: level.key, name: level.name, rank })
        .onConflictDoUpdate({ target: [neighbourhoodLevels.territoryId, neighbourhoodLevels.key], set: { name: level.name, rank, retiredAt: null } })
        .returning({ id: neighbourhoodLevels.id });
      const existing = new Map(areaRows.filter((a) => a.levelId === lvl.id).map((a) => [a.code, a]));
      const ids = new Map<string, string>();
      for (const area of level.areas) {
        const parentId = area.parentCode ? parentIds.get(area.parentCode) ?? null : null;
        const old = existing.get(area.code);
        if (old) {
          const unchanged = old.retiredAt === null && old.name === area.name && old.parentId === parentId
            && diff.levels[rank].reshaped.every((r) => r.code !== area.code);
          if (!unchanged) {
            await tx.update(neighbourhoods).set({ name: area.name, parentId, geometry: area.geometry, retiredAt: null }).where(eq(neighbourhoods.id, old.id));
          }
          ids.set(area.code, old.id);
        } else {
          const [row] = await tx.insert(neighbourhoods)
            .values({ territoryId, levelId: lvl.id, code: area.code, name: area.name, parentId, geometry: area.geometry })
            .returning({ id: neighbourhoods.id });
          ids.set(area.code, row.id);
        }
      }
      const retire = [...existing.values()].filter((a) => a.retiredAt === null && !ids.has(a.code)).map((a) => a.id);
      if (retire.length > 0) await tx.update(neighbourhoods).set({ retiredAt: now }).where(inArray(neighbourhoods.id, retire));
      parentIds = ids;
    }

    if (diff.changed || actor.kind === "staff") {
      const count = (f: (l: ImportDiff["levels"][number]) => unknown[]) => diff.levels.reduce((n, l) => n + f(l).length, 0);
      await writeAudit(tx, {
        territoryId, actorUserId: actor.userId ?? null, actorKind: actor.kind, action: "territory.boundaries_import",
        entity: "territory", entityId: territoryId, at: now,
        details: {
          levels: plan.levels.map((l) => `${l.key}:${l.areas.length}`).join(","),
          added: count((l) => l.added), retired: count((l) => l.retired), renamed: count((l) => l.renamed),
          reshaped: count((l) => l.reshaped), reparented: count((l) => l.reparented),
          unchanged: diff.levels.reduce((n, l) => n + l.unchanged, 0), retiredLevels: diff.retiredLevels.join(","),
        },
      });
    }
    return diff;
  });
}
