import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { bookingMotives } from "@/db/schema/booking";
import { helpPoints } from "@/db/schema/places";
import { writeAudit } from "@/lib/audit/write-audit";
import { finestAreaLocator } from "@/lib/territories/upsert-territory";
import { territoryBenefitLabels } from "./benefits";
import { FIELD_COLUMN, rawFromFlatRow, type DiFlatRow } from "./data-inclusion";
import { helpPointInputSchema, type HelpPointInput } from "./help-point-schema";
import type { HelpPointView } from "./queries";

/** Writes of help points (staff form, import, seed): territory-scoped, audited, transactional. */
type Actor = { userId: string | null; kind: "staff" | "system" };

export type StaffHelpPoint = HelpPointView & { sourceKey: string; source: string; archivedAt: Date | null };

export async function listStaffHelpPoints(db: Db, territoryId: string): Promise<StaffHelpPoint[]> {
  const rows = await db.select().from(helpPoints).where(eq(helpPoints.territoryId, territoryId)).orderBy(asc(helpPoints.name), asc(helpPoints.id));
  return rows.map((r) => ({ ...r, neighbourhoodName: null }));
}

export async function getStaffHelpPoint(db: Db, territoryId: string, id: string): Promise<StaffHelpPoint | null> {
  const [r] = await db.select().from(helpPoints).where(and(eq(helpPoints.territoryId, territoryId), eq(helpPoints.id, id))).limit(1);
  return r ? { ...r, neighbourhoodName: null } : null;
}

/** Checks the ids and codes an input refers to belong to the territory; returns field → message. */
async function foreignRefs(db: Db | Tx, territoryId: string, inputs: HelpPointInput[]) {
  const codes = await territoryBenefitLabels(db, territoryId);
  const motives = new Set((await db.select({ id: bookingMotives.id }).from(bookingMotives)
    .where(eq(bookingMotives.territoryId, territoryId))).map((m) => m.id));
  return inputs.map((i) => {
    const e: Record<string, string> = {};
    const unknown = i.benefitCodes.filter((c) => !codes.has(c));
    if (unknown.length) e.benefitCodes = `Prestations inconnues dans ce territoire : ${unknown.join(", ")}.`;
    if (i.bookingMotiveId && !motives.has(i.bookingMotiveId)) e.bookingMotiveId = "Motif de rendez-vous inconnu.";
    return e;
  });
}

export type SaveResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/** Creates (id null) or updates one place from the form. Another territory's id → not found. */
export async function saveHelpPoint(db: Db, territoryId: string, id: string | null, raw: unknown, actor: Actor, formKey?: string): Promise<SaveResult> {
  const parsed = helpPointInputSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) errors[String(i.path[0] ?? "form")] ??= i.message;
    return { ok: false, errors };
  }
  const [refErrors] = await foreignRefs(db, territoryId, [parsed.data]);
  if (Object.keys(refErrors).length) return { ok: false, errors: refErrors };
  const locate = await finestAreaLocator(db, territoryId);
  const values = { ...parsed.data, neighbourhoodId: locate(parsed.data.lon, parsed.data.lat), updatedAt: new Date() };
  return db.transaction(async (tx) => {
    if (id) {
      const [row] = await tx.update(helpPoints).set(values).where(and(eq(helpPoints.territoryId, territoryId), eq(helpPoints.id, id))).returning({ id: helpPoints.id });
      if (!row) return { ok: false as const, errors: { form: "Lieu introuvable." } };
      await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: actor.kind, action: "help_point.update", entity: "help_point", entityId: row.id });
      return { ok: true as const, id: row.id };
    }
    // The form's one-time key is the source key: a double submit hits the unique index and changes nothing.
    const sourceKey = formKey ? `local:${formKey}` : `local:${randomUUID()}`;
    const [row] = await tx.insert(helpPoints).values({ ...values, territoryId, sourceKey, source: "local" })
      .onConflictDoNothing({ target: [helpPoints.territoryId, helpPoints.sourceKey] }).returning({ id: helpPoints.id });
    if (!row) {
      const [existing] = await tx.select({ id: helpPoints.id }).from(helpPoints).where(and(eq(helpPoints.territoryId, territoryId), eq(helpPoints.sourceKey, sourceKey)));
      return { ok: true as const, id: existing.id };
    }
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: actor.kind, action: "help_point.create", entity: "help_point", entityId: row.id });
    return { ok: true as const, id: row.id };
  });
}

/** Archives (hidden from every public list) or restores one place. */
export async function setHelpPointArchived(db: Db, territoryId: string, id: string, archived: boolean, actor: Actor, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(helpPoints).set({ archivedAt: archived ? now : null, updatedAt: now })
      .where(and(eq(helpPoints.territoryId, territoryId), eq(helpPoints.id, id))).returning({ id: helpPoints.id });
    if (!row) return false;
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: actor.kind, action: archived ? "help_point.archive" : "help_point.restore", entity: "help_point", entityId: id, at: now });
    return true;
  });
}

export type ImportIssue = { row: number; column: string; message: string };
export type ImportReport = { ok: boolean; created: number; updated: number; issues: ImportIssue[]; applied: boolean };

const SOURCE_KEY = /^[A-Za-z0-9][A-Za-z0-9._:\-]{0,119}$/;
export const MAX_IMPORT_ROWS = 2000;

/**
 * Checks every row (row numbers as in the file: the header is line 1 in CSV, the first
 * structure is 1 in JSON), then — unless `dryRun` or any issue — writes them all in one
 * transaction: a known `id` (source key) updates its place, a new one creates it.
 */
export async function importHelpPoints(
  db: Db, territoryId: string, rows: DiFlatRow[], opts: { dryRun: boolean; firstRowNumber: number; source: string; actor: Actor },
): Promise<ImportReport> {
  const issues: ImportIssue[] = [];
  if (rows.length === 0) issues.push({ row: 0, column: "—", message: "Le fichier ne contient aucun lieu." });
  if (rows.length > MAX_IMPORT_ROWS) issues.push({ row: 0, column: "—", message: `${MAX_IMPORT_ROWS} lieux au plus par import.` });
  const seen = new Map<string, number>();
  const good: { n: number; sourceKey: string; input: HelpPointInput }[] = [];
  rows.slice(0, MAX_IMPORT_ROWS).forEach((row, i) => {
    const n = i + opts.firstRowNumber;
    const { sourceKey, raw, typologyError } = rawFromFlatRow(row);
    if (!SOURCE_KEY.test(sourceKey)) issues.push({ row: n, column: "id", message: "Identifiant manquant ou invalide (lettres, chiffres, . _ : -)." });
    else if (seen.has(sourceKey)) issues.push({ row: n, column: "id", message: `Identifiant déjà utilisé ligne ${seen.get(sourceKey)}.` });
    else seen.set(sourceKey, n);
    if (typologyError) issues.push({ row: n, column: "typologie", message: `Typologie inconnue : ${String(row.typologie).slice(0, 40)}.` });
    const parsed = helpPointInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "category" && typologyError) continue;
        const message = field === "access" ? "Accessibilité : « type:niveau » avec physical, hearing, visual, cognitive, psychic et yes, partial, no, unknown." : issue.message;
        issues.push({ row: n, column: FIELD_COLUMN[field] ?? field, message });
      }
    } else if (SOURCE_KEY.test(sourceKey)) good.push({ n, sourceKey, input: parsed.data });
  });
  const refs = await foreignRefs(db, territoryId, good.map((g) => g.input));
  good.forEach((g, i) => { for (const [field, message] of Object.entries(refs[i])) issues.push({ row: g.n, column: FIELD_COLUMN[field] ?? field, message }); });
  issues.sort((a, b) => a.row - b.row);

  const existing = new Set((await db.select({ k: helpPoints.sourceKey }).from(helpPoints).where(eq(helpPoints.territoryId, territoryId))).map((r) => r.k));
  const updated = good.filter((g) => existing.has(g.sourceKey)).length;
  const report = { ok: issues.length === 0, created: good.length - updated, updated, issues };
  if (!report.ok || opts.dryRun) return { ...report, applied: false };

  const locate = await finestAreaLocator(db, territoryId);
  await db.transaction(async (tx) => {
    const now = new Date();
    for (const g of good) {
      const values = { ...g.input, neighbourhoodId: locate(g.input.lon, g.input.lat), source: opts.source, updatedAt: now };
      // The file never carries our booking motive or site link: a re-import keeps them.
      const { bookingMotiveId: _motive, siteId: _site, ...updates } = values as typeof values & { siteId?: string | null };
      await tx.insert(helpPoints).values({ ...values, territoryId, sourceKey: g.sourceKey })
        .onConflictDoUpdate({ target: [helpPoints.territoryId, helpPoints.sourceKey], set: updates });
    }
    await writeAudit(tx, { territoryId, actorUserId: opts.actor.userId, actorKind: opts.actor.kind, action: "help_point.import", entity: "help_point", entityId: territoryId, details: { created: report.created, updated } });
  });
  return { ...report, applied: true };
}
