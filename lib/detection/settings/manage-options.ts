import type { Db } from "@/db/client";
import { detectionOptions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadLists, type DetectionEntry, type OptionList } from "../options";
import { BENEFIT_GROUPS, FORME_CODES } from "../reference";
import { sameLabel, uniqueCode } from "./option-code";

/**
 * A territory's own entries of the detection lists: add, rename, archive / restore — a default
 * entry is relabelled or archived by a row with its code (lib/detection/options.ts merges them).
 * Nothing is ever deleted: old situations still name every code.
 */
export type OptionWrite = { ok: true; code: string } | { ok: false; reason: "not_found" | "parent" | "conflict" };

/** The lists whose entries sit under a parent, and the parents allowed. */
export const PARENTS: Partial<Record<OptionList, string[]>> = {
  reason: FORME_CODES,
  benefit: BENEFIT_GROUPS.map((g) => g.code),
};

export async function addOption(db: Db, territoryId: string, actorUserId: string, list: OptionList, input: { label: string; parent?: string }): Promise<OptionWrite> {
  const parents = PARENTS[list];
  const parent = parents ? input.parent : undefined;
  if (parents && (!parent || !parents.includes(parent))) return { ok: false, reason: "parent" };
  const entries = (await loadLists(db, territoryId))[list];
  // The same label again under the same parent (a double submit, a retry): the entry already there.
  const twin = entries.find((e) => sameLabel(e.label, input.label) && (e.parent ?? undefined) === parent);
  if (twin) return twin.archived ? setOptionArchived(db, territoryId, actorUserId, list, twin.code, false) : { ok: true, code: twin.code };
  const code = uniqueCode(input.label, entries.map((e) => e.code));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(detectionOptions).values({
      territoryId, list, code, label: input.label, parentCode: parent ?? null, position: entries.filter((e) => e.own).length,
    }).onConflictDoNothing().returning({ id: detectionOptions.id });
    if (!row) return { ok: false, reason: "conflict" } as const;
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "detection.option.add", entity: "detection_option", entityId: row.id, details: { list, code } });
    return { ok: true, code } as const;
  });
}

async function findEntry(db: Db, territoryId: string, list: OptionList, code: string): Promise<DetectionEntry | undefined> {
  return (await loadLists(db, territoryId))[list].find((e) => e.code === code);
}

/** Writes the row that carries an entry's label and state (inserted for a default or catalogue entry). */
async function upsertRow(db: Db, territoryId: string, actorUserId: string, list: OptionList, entry: DetectionEntry, set: { label: string; archivedAt: Date | null }, action: string): Promise<OptionWrite> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(detectionOptions)
      .values({ territoryId, list, code: entry.code, label: set.label, parentCode: entry.parent ?? null, archivedAt: set.archivedAt })
      .onConflictDoUpdate({ target: [detectionOptions.territoryId, detectionOptions.list, detectionOptions.code], set })
      .returning({ id: detectionOptions.id });
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action, entity: "detection_option", entityId: row.id, details: { list, code: entry.code } });
    return { ok: true, code: entry.code } as const;
  });
}

/** A new label; the code stays (situations and imports keep reading it). */
export async function renameOption(db: Db, territoryId: string, actorUserId: string, list: OptionList, code: string, label: string): Promise<OptionWrite> {
  const entry = await findEntry(db, territoryId, list, code);
  if (!entry) return { ok: false, reason: "not_found" };
  return upsertRow(db, territoryId, actorUserId, list, entry, { label, archivedAt: entry.archived ? new Date() : null }, "detection.option.rename");
}

/** An archived entry leaves the forms; the situations that name it keep it, and it can come back. */
export async function setOptionArchived(db: Db, territoryId: string, actorUserId: string, list: OptionList, code: string, archived: boolean, now = new Date()): Promise<OptionWrite> {
  const entry = await findEntry(db, territoryId, list, code);
  if (!entry) return { ok: false, reason: "not_found" };
  return upsertRow(db, territoryId, actorUserId, list, entry, { label: entry.label, archivedAt: archived ? now : null }, archived ? "detection.option.archive" : "detection.option.restore");
}

