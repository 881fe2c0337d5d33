import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { benefitCatalogue, territoryBenefits } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Option } from "@/lib/questionnaire/definition-schema";
import { COMMON_CODES, gridRows, mergeCatalogue, moveEntry, type CatalogueEntry } from "./catalogue-rules";
import type { z } from "zod";
import type { newBenefitSchema } from "./catalogue-rules";

async function stored(db: Db | Tx, territoryId: string): Promise<CatalogueEntry[]> {
  return db.select({
    id: territoryBenefits.id, code: territoryBenefits.code, kind: territoryBenefits.kind, labelFr: territoryBenefits.labelFr,
    labelEn: territoryBenefits.labelEn, position: territoryBenefits.position, archivedAt: territoryBenefits.archivedAt,
  }).from(territoryBenefits).where(eq(territoryBenefits.territoryId, territoryId));
}

/** The territory's whole catalogue, in order (the common benefits always in it). */
export async function listCatalogue(db: Db, territoryId: string): Promise<CatalogueEntry[]> {
  return mergeCatalogue(await stored(db, territoryId));
}

/**
 * The rows of the territory's benefit grid, or null when the territory never edited its
 * catalogue (the questionnaire's own rows then apply unchanged).
 */
export async function catalogueGridRows(db: Db, territoryId: string): Promise<Option[] | null> {
  const rows = await stored(db, territoryId);
  return rows.length ? gridRows(mergeCatalogue(rows)) : null;
}

/** Writes the merged catalogue's rows so that positions can be changed (first edit of a territory). */
async function materialise(tx: Tx, territoryId: string): Promise<CatalogueEntry[]> {
  const merged = mergeCatalogue(await stored(tx, territoryId));
  const missing = merged.filter((e) => e.id === null);
  if (missing.length) {
    await tx.insert(territoryBenefits).values(missing.map((e) => ({
      territoryId, code: e.code, kind: e.kind, labelFr: e.labelFr, labelEn: e.labelEn, position: e.position,
    }))).onConflictDoNothing();
  }
  return mergeCatalogue(await stored(tx, territoryId));
}

export type CatalogueResult = { ok: true } | { ok: false; reason: "duplicate_code" | "not_found" | "mandatory" | "end" };

export async function addBenefit(db: Db, territoryId: string, actorUserId: string, input: z.infer<typeof newBenefitSchema>): Promise<CatalogueResult> {
  return db.transaction(async (tx) => {
    const list = await materialise(tx, territoryId);
    if (COMMON_CODES.includes(input.code) || list.some((e) => e.code === input.code)) return { ok: false, reason: "duplicate_code" } as const;
    const [row] = await tx.insert(territoryBenefits).values({
      territoryId, code: input.code, kind: "extra", labelFr: input.labelFr, labelEn: input.labelEn, position: Math.max(-1, ...list.map((e) => e.position)) + 1,
    }).returning({ id: territoryBenefits.id });
    // The CCAS can record a rights review's outcome for it too (an aid of the territory).
    await tx.insert(benefitCatalogue).values({ territoryId, code: input.code, name: input.labelFr, optionalAid: true, sort: 100 + list.length }).onConflictDoNothing();
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "benefit.add", entity: "territory_benefit", entityId: row.id, details: { code: input.code } });
    return { ok: true } as const;
  });
}

/** Moves, archives or restores one entry (by its code); common benefits cannot be archived. */
export async function changeBenefit(db: Db, territoryId: string, actorUserId: string, code: string, action: "up" | "down" | "archive" | "restore", now = new Date()): Promise<CatalogueResult> {
  return db.transaction(async (tx) => {
    const list = await materialise(tx, territoryId);
    const entry = list.find((e) => e.code === code);
    if (!entry?.id) return { ok: false, reason: "not_found" } as const;
    if (action === "archive" || action === "restore") {
      if (entry.kind === "common") return { ok: false, reason: "mandatory" } as const;
      await tx.update(territoryBenefits).set({ archivedAt: action === "archive" ? now : null }).where(eq(territoryBenefits.id, entry.id));
    } else {
      const order = moveEntry(list, code, action);
      if (!order) return { ok: false, reason: "end" } as const;
      for (const o of order) {
        await tx.update(territoryBenefits).set({ position: o.position }).where(and(eq(territoryBenefits.territoryId, territoryId), eq(territoryBenefits.code, o.code)));
      }
    }
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: `benefit.${action}`, entity: "territory_benefit", entityId: entry.id, details: { code }, at: now });
    return { ok: true } as const;
  });
}
