import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { detectionHouseholds, detectionSituationFormes, detectionSituations, neighbourhoods } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadLists } from "../options";
import { listServices } from "../services";
import { parseLegacyRows, type LegacySituation, type ParseResult } from "./parse-rows";
import type { ImportProblem } from "./problems";
import { LegacyFileError, readLegacySheet } from "./read-sheet";
import { buildTemplate } from "./template";

export type ImportOptions = {
  /** True: only list what would happen; nothing is written. */
  dryRun: boolean;
  /** Import the valid rows even when other rows are refused (the page's second button; the CLI's --skip-invalid). */
  allowRefusals?: boolean;
  actorUserId?: string | null;
  /** Where the import came from, for the audit row. */
  via: "page" | "command" | "seed";
  now: Date;
  onProgress?: (done: number, total: number) => void;
};

export type ImportResult = {
  /** False when nothing was (or, on a dry run, would be) written because of errors. */
  accepted: boolean;
  dryRun: boolean;
  dataRows: number;
  added: number;
  alreadyPresent: number;
  refused: number;
  householdsCreated: number;
  problems: ImportProblem[];
};

const CHUNK = 250;
const chunks = <V>(items: V[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The legacy Excel sheet → the territory's situations. A dry run reads, checks and counts what
 * is already present; a real run writes everything in one transaction with its audit row.
 * Households are matched by code (created when new); each situation is keyed by its row hash
 * (`import:<sha256>`), so importing the same file twice adds nothing.
 */
export async function importLegacyFile(db: Db, territoryId: string, bytes: Uint8Array, opts: ImportOptions): Promise<ImportResult> {
  let rows: string[][];
  try {
    rows = await readLegacySheet(bytes);
  } catch (err) {
    if (err instanceof LegacyFileError) return refused(opts, 0, err.problems);
    throw err;
  }
  const parsed = await parseForTerritory(db, territoryId, rows, opts.now);
  const blocking = parsed.problems.some((p) => p.level === "error" && (p.row === null || p.row === 1));
  const hasErrors = parsed.problems.some((p) => p.level === "error");
  if (blocking || (hasErrors && !opts.allowRefusals && !opts.dryRun)) return refused(opts, parsed.dataRows, parsed.problems);

  if (opts.dryRun) {
    const present = await existingKeys(db, territoryId, parsed.situations.map((s) => s.idempotencyKey));
    opts.onProgress?.(parsed.dataRows, parsed.dataRows);
    return {
      accepted: !hasErrors, dryRun: true, dataRows: parsed.dataRows, added: parsed.situations.length - present.size, alreadyPresent: present.size,
      refused: parsed.refusedRows, householdsCreated: 0, problems: parsed.problems,
    };
  }
  return db.transaction(async (tx) => {
    const written = await writeSituations(tx, territoryId, parsed.situations, opts);
    const result: ImportResult = {
      accepted: true, dryRun: false, dataRows: parsed.dataRows, added: written.added, alreadyPresent: parsed.situations.length - written.added,
      refused: parsed.refusedRows, householdsCreated: written.householdsCreated, problems: parsed.problems,
    };
    await writeAudit(tx, {
      territoryId, actorUserId: opts.actorUserId ?? null, actorKind: opts.actorUserId ? "staff" : "system", action: "detection.import",
      entity: "detection_import", entityId: randomUUID(),
      details: { via: opts.via, rows: result.dataRows, added: result.added, alreadyPresent: result.alreadyPresent, refused: result.refused, householdsCreated: result.householdsCreated },
    });
    return result;
  });
}

function refused(opts: ImportOptions, dataRows: number, problems: ImportProblem[]): ImportResult {
  return { accepted: false, dryRun: opts.dryRun, dataRows, added: 0, alreadyPresent: 0, refused: dataRows, householdsCreated: 0, problems };
}

async function parseForTerritory(db: Db, territoryId: string, rows: string[][], now: Date): Promise<ParseResult> {
  return parseLegacyRows(rows, { ...(await territoryContext(db, territoryId)), today: now.toISOString().slice(0, 10) });
}

/** What a sheet is checked against: the territory's lists, services and areas. */
async function territoryContext(db: Db, territoryId: string) {
  const [lists, services, areas] = await Promise.all([
    loadLists(db, territoryId),
    listServices(db, territoryId),
    db.select({ id: neighbourhoods.id, code: neighbourhoods.code, name: neighbourhoods.name }).from(neighbourhoods)
      .where(and(eq(neighbourhoods.territoryId, territoryId), isNull(neighbourhoods.retiredAt))),
  ]);
  return { lists, services, areas };
}

/** The downloadable template, its "Listes" sheet from the territory's own lists. */
export async function territoryTemplate(db: Db, territoryId: string): Promise<Uint8Array> {
  return buildTemplate(await territoryContext(db, territoryId));
}

async function existingKeys(db: Db | Tx, territoryId: string, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(keys)) {
    const found = await db.select({ key: detectionSituations.idempotencyKey }).from(detectionSituations)
      .where(and(eq(detectionSituations.territoryId, territoryId), inArray(detectionSituations.idempotencyKey, part)));
    for (const f of found) out.add(f.key);
  }
  return out;
}

async function writeSituations(tx: Tx, territoryId: string, situations: LegacySituation[], opts: ImportOptions) {
  // Households by code: reuse the territory's, create the new ones.
  const codes = [...new Set(situations.map((s) => s.householdCode))];
  const householdId = new Map<string, string>();
  let householdsCreated = 0;
  for (const part of chunks(codes)) {
    const created = await tx.insert(detectionHouseholds).values(part.map((code) => ({ territoryId, code, createdBy: opts.actorUserId ?? null })))
      .onConflictDoNothing().returning({ id: detectionHouseholds.id });
    householdsCreated += created.length;
    const rows = await tx.select({ id: detectionHouseholds.id, code: detectionHouseholds.code }).from(detectionHouseholds)
      .where(and(eq(detectionHouseholds.territoryId, territoryId), inArray(detectionHouseholds.code, part)));
    for (const r of rows) householdId.set(r.code, r.id);
  }

  const addedByKey = new Map<string, string>();
  let done = 0;
  for (const part of chunks(situations)) {
    const inserted = await tx.insert(detectionSituations).values(part.map((s) => ({
      territoryId, householdId: householdId.get(s.householdCode)!, idempotencyKey: s.idempotencyKey, source: "import",
      detectedOn: s.detectedOn, serviceId: s.serviceId, workerLabel: s.workerLabel, sectorId: s.sectorId, peopleConcerned: s.peopleConcerned,
      financial: s.financial, benefitCode: s.benefitCode, domain: s.domain, actors: s.actors, intensity: s.intensity,
      causedFlag: s.causedFlag, actions: s.actions, timeMinutes: s.timeMinutes, timeClass: s.timeClass, missedMonthly: s.missedMonthly,
      missedMonths: s.missedMonths, optionalAidRequested: s.optionalAidRequested, optionalAidGranted: s.optionalAidGranted, summary: s.summary,
      createdBy: opts.actorUserId ?? null,
    }))).onConflictDoNothing().returning({ id: detectionSituations.id, key: detectionSituations.idempotencyKey });
    for (const r of inserted) addedByKey.set(r.key, r.id);
    const formes = part.filter((s) => addedByKey.has(s.idempotencyKey))
      .flatMap((s) => s.formes.map((f) => ({ situationId: addedByKey.get(s.idempotencyKey)!, territoryId, forme: f.forme, reason: f.reason, level: f.level })));
    for (const fp of chunks(formes)) await tx.insert(detectionSituationFormes).values(fp);
    done += part.length;
    opts.onProgress?.(done, situations.length);
  }

  // Cumulative links: a new row naming its causing row points at that row's situation (new or
  // already imported); the flag then stays only where the causing row is unknown.
  const keyOfRow = new Map(situations.map((s) => [s.row, s.idempotencyKey]));
  const linked = situations.filter((s) => s.originRow !== null && addedByKey.has(s.idempotencyKey) && keyOfRow.has(s.originRow));
  const originIds = new Map<string, string>(addedByKey);
  const missing = linked.map((s) => keyOfRow.get(s.originRow!)!).filter((k) => !originIds.has(k));
  for (const part of chunks(missing)) {
    const found = await tx.select({ id: detectionSituations.id, key: detectionSituations.idempotencyKey }).from(detectionSituations)
      .where(and(eq(detectionSituations.territoryId, territoryId), inArray(detectionSituations.idempotencyKey, part)));
    for (const f of found) originIds.set(f.key, f.id);
  }
  for (const s of linked) {
    const origin = originIds.get(keyOfRow.get(s.originRow!)!);
    if (!origin) continue;
    await tx.update(detectionSituations).set({ causedById: origin, causedFlag: false })
      .where(and(eq(detectionSituations.territoryId, territoryId), eq(detectionSituations.id, addedByKey.get(s.idempotencyKey)!)));
  }
  return { added: addedByKey.size, householdsCreated };
}
