import { and, arrayContains, asc, between, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { detectionInterpellationCases, detectionInterpellations, detectionSituationFormes, detectionSituations } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { active, loadLists } from "../options";
import type { DossierSituation } from "./assemble";
import type { AnswerInput, CaseInput, DossierInput, SendingInput } from "./schema";

/**
 * Interpellation dossiers (decision 0017). Every function takes the territory and filters by it:
 * another territory's dossier or situation is simply not found. Writes run in one transaction
 * with their audit row; audit details never hold text typed by the worker.
 */
export type Dossier = typeof detectionInterpellations.$inferSelect;
export type Write = { ok: true; id: string } | { ok: false; reason: "not_found" | "institution" | "not_sent" | "answered_before_sent" | "unknown_case" };

export async function listDossiers(db: Db, territoryId: string): Promise<Dossier[]> {
  return db.select().from(detectionInterpellations).where(eq(detectionInterpellations.territoryId, territoryId))
    .orderBy(desc(detectionInterpellations.createdAt));
}

export async function getDossier(db: Db | Tx, territoryId: string, id: string): Promise<Dossier | null> {
  const [row] = await db.select().from(detectionInterpellations)
    .where(and(eq(detectionInterpellations.territoryId, territoryId), eq(detectionInterpellations.id, id)));
  return row ?? null;
}

/**
 * Creates a dossier whose id is the uuid rendered into the form: a double submit or a retry finds
 * the same dossier instead of a second one (the table has no idempotency column; its key is that).
 */
export async function createDossier(db: Db, territoryId: string, actorUserId: string, formId: string, d: DossierInput): Promise<Write> {
  const actors = active((await loadLists(db, territoryId)).actor).map((a) => a.code);
  if (!actors.includes(d.institution)) return { ok: false, reason: "institution" };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(detectionInterpellations).values({
      id: formId, territoryId, institution: d.institution, periodFrom: d.periodFrom, periodTo: d.periodTo,
      title: d.title, introduction: d.introduction ?? null, createdBy: actorUserId,
    }).onConflictDoNothing().returning({ id: detectionInterpellations.id });
    if (!row) return (await getDossier(tx, territoryId, formId)) ? { ok: true, id: formId } as const : { ok: false, reason: "not_found" } as const;
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "interpellation.create", entity: "interpellation", entityId: row.id, details: { institution: d.institution } });
    return { ok: true, id: row.id } as const;
  });
}

/** The situations a dossier covers: the territory's, detected in the period, whose actors include the institution. */
function coveredBy(d: Pick<Dossier, "territoryId" | "institution" | "periodFrom" | "periodTo">) {
  return and(
    eq(detectionSituations.territoryId, d.territoryId),
    between(detectionSituations.detectedOn, d.periodFrom, d.periodTo),
    arrayContains(detectionSituations.actors, [d.institution]),
  );
}

const num = (v: string | null) => (v === null ? null : Number(v));

/** The covered situations as the pure assembly reads them (no household, no worker: nothing that names). */
export async function dossierSituations(db: Db | Tx, d: Dossier): Promise<DossierSituation[]> {
  const rows = await db.select({
    id: detectionSituations.id, detectedOn: detectionSituations.detectedOn, financial: detectionSituations.financial,
    benefitCode: detectionSituations.benefitCode, domain: detectionSituations.domain, intensity: detectionSituations.intensity,
    status: detectionSituations.status, resolution: detectionSituations.resolution, openedMonthly: detectionSituations.openedMonthly,
    timeMinutes: detectionSituations.timeMinutes, missedMonthly: detectionSituations.missedMonthly, missedMonths: detectionSituations.missedMonths,
    optionalAidRequested: detectionSituations.optionalAidRequested, optionalAidGranted: detectionSituations.optionalAidGranted,
    summary: detectionSituations.summary,
  }).from(detectionSituations).where(coveredBy(d)).orderBy(asc(detectionSituations.detectedOn), asc(detectionSituations.createdAt));
  const formes = await db.select({ situationId: detectionSituationFormes.situationId, forme: detectionSituationFormes.forme, reason: detectionSituationFormes.reason })
    .from(detectionSituationFormes).innerJoin(detectionSituations, eq(detectionSituations.id, detectionSituationFormes.situationId))
    .where(and(eq(detectionSituationFormes.territoryId, d.territoryId), coveredBy(d)));
  const bySituation = new Map<string, { forme: string; reason: string | null }[]>();
  for (const f of formes) {
    if (!bySituation.has(f.situationId)) bySituation.set(f.situationId, []);
    bySituation.get(f.situationId)!.push({ forme: f.forme, reason: f.reason });
  }
  return rows.map((r) => ({
    ...r, openedMonthly: num(r.openedMonthly), missedMonthly: num(r.missedMonthly), optionalAidGranted: num(r.optionalAidGranted),
    formes: bySituation.get(r.id) ?? [],
  }));
}

/** The fiches mémoire chosen for a dossier, in their order. */
export async function listCases(db: Db | Tx, territoryId: string, dossierId: string) {
  return db.select({ situationId: detectionInterpellationCases.situationId, memoryText: detectionInterpellationCases.memoryText })
    .from(detectionInterpellationCases)
    .where(and(eq(detectionInterpellationCases.territoryId, territoryId), eq(detectionInterpellationCases.interpellationId, dossierId)))
    .orderBy(asc(detectionInterpellationCases.position));
}

/**
 * Replaces the dossier's fiches mémoire with the ones chosen: each must be a covered situation
 * that has a summary (a forged id of another territory or period is refused, nothing stored).
 */
export async function saveCases(db: Db, territoryId: string, actorUserId: string, dossierId: string, cases: CaseInput[]): Promise<Write> {
  return db.transaction(async (tx) => {
    const d = await getDossier(tx, territoryId, dossierId);
    if (!d) return { ok: false, reason: "not_found" } as const;
    const ids = [...new Set(cases.map((c) => c.situationId))];
    if (ids.length !== cases.length) return { ok: false, reason: "unknown_case" } as const;
    if (ids.length) {
      const ok = await tx.select({ id: detectionSituations.id }).from(detectionSituations)
        .where(and(coveredBy(d), inArray(detectionSituations.id, ids), isNotNull(detectionSituations.summary), ne(detectionSituations.summary, "")));
      if (ok.length !== ids.length) return { ok: false, reason: "unknown_case" } as const;
    }
    await tx.delete(detectionInterpellationCases)
      .where(and(eq(detectionInterpellationCases.territoryId, territoryId), eq(detectionInterpellationCases.interpellationId, dossierId)));
    if (cases.length) {
      await tx.insert(detectionInterpellationCases).values(cases.map((c, position) => ({
        interpellationId: dossierId, situationId: c.situationId, territoryId, memoryText: c.text, position,
      })));
    }
    await touch(tx, territoryId, dossierId);
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "interpellation.cases", entity: "interpellation", entityId: dossierId, details: { cases: cases.length } });
    return { ok: true, id: dossierId } as const;
  });
}

export async function recordSending(db: Db, territoryId: string, actorUserId: string, dossierId: string, s: SendingInput): Promise<Write> {
  return db.transaction(async (tx) => {
    const d = await getDossier(tx, territoryId, dossierId);
    if (!d) return { ok: false, reason: "not_found" } as const;
    if (d.answeredOn && s.sentOn > d.answeredOn) return { ok: false, reason: "answered_before_sent" } as const;
    await tx.update(detectionInterpellations).set({ sentOn: s.sentOn, sentTo: s.sentTo, updatedAt: sql`now()` })
      .where(and(eq(detectionInterpellations.territoryId, territoryId), eq(detectionInterpellations.id, dossierId)));
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "interpellation.sent", entity: "interpellation", entityId: dossierId, details: { sentOn: s.sentOn } });
    return { ok: true, id: dossierId } as const;
  });
}

export async function recordAnswer(db: Db, territoryId: string, actorUserId: string, dossierId: string, a: AnswerInput): Promise<Write> {
  return db.transaction(async (tx) => {
    const d = await getDossier(tx, territoryId, dossierId);
    if (!d) return { ok: false, reason: "not_found" } as const;
    if (!d.sentOn) return { ok: false, reason: "not_sent" } as const;
    if (a.answeredOn < d.sentOn) return { ok: false, reason: "answered_before_sent" } as const;
    await tx.update(detectionInterpellations).set({ answer: a.answer, answeredOn: a.answeredOn, updatedAt: sql`now()` })
      .where(and(eq(detectionInterpellations.territoryId, territoryId), eq(detectionInterpellations.id, dossierId)));
    await writeAudit(tx, { territoryId, actorUserId, actorKind: "staff", action: "interpellation.answer", entity: "interpellation", entityId: dossierId, details: { answeredOn: a.answeredOn } });
    return { ok: true, id: dossierId } as const;
  });
}

async function touch(tx: Tx, territoryId: string, id: string) {
  await tx.update(detectionInterpellations).set({ updatedAt: sql`now()` })
    .where(and(eq(detectionInterpellations.territoryId, territoryId), eq(detectionInterpellations.id, id)));
}
