import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { detectionFollowUps, detectionSituations, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { calendarDate, safeText } from "@/lib/validation/parsers";
import { LIMITS, STATUSES, type SituationStatus } from "./reference";
import { applyStatusChange, RESOLUTION_CODES, type ResolutionCode, type StatusProblem } from "./status";

/**
 * The follow-up log of a situation: who, what, next step, reminder, and optionally a status
 * change (lib/detection/status.ts). One transaction with the status update and the audit row;
 * the form's key makes a double submit add one entry.
 */
const blank = (v: unknown) => (v === "" ? undefined : v);
export const followUpSchema = z.object({
  note: safeText(LIMITS.followUpMax, { multiline: true, message: `Note : ${LIMITS.followUpMax} caractères au plus.` }).min(1, { error: "Écrivez ce qui a été fait." }),
  nextStep: z.preprocess(blank, safeText(300, { message: "Prochaine étape : 300 caractères au plus." }).optional()),
  remindOn: z.preprocess(blank, calendarDate("Date de rappel invalide (AAAA-MM-JJ).").optional()),
  status: z.preprocess(blank, z.enum(STATUSES, { error: "Statut inconnu." }).optional()),
  resolution: z.preprocess(blank, z.enum(RESOLUTION_CODES, { error: "Issue inconnue." }).optional()),
  resolvedOn: z.preprocess(blank, calendarDate("Date d'ouverture du droit invalide (AAAA-MM-JJ).").optional()),
  openedMonthly: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.replace(/[\s\u00a0€]/g, "").replace(",", ".")) : v),
    z.coerce.number({ error: "Montant mensuel : un nombre de 0 à 100000 €." }).min(0, { error: "Montant mensuel : un nombre de 0 à 100000 €." }).max(LIMITS.euroMax, { error: "Montant mensuel : un nombre de 0 à 100000 €." }).optional(),
  ),
});
export type FollowUpInput = z.infer<typeof followUpSchema>;

export const STATUS_MESSAGES: Record<StatusProblem, string> = {
  same_status: "Ce changement de statut n'est pas possible depuis le statut actuel.",
  resolution_required: "Choisissez l'issue de la situation résolue.",
  right_opened_details: "Un droit ouvert demande sa date d'ouverture et son montant mensuel.",
  resolved_on_future: "La date de résolution ne peut pas être dans le futur.",
};

export type FollowUpResult = { ok: true; created: boolean } | { ok: false; problem: "not_found" | StatusProblem };

export async function addFollowUp(db: Db, args: { territoryId: string; situationId: string; authorId: string; idempotencyKey: string; input: FollowUpInput; today: string; now?: Date }): Promise<FollowUpResult> {
  const { territoryId, situationId, authorId, input } = args;
  const now = args.now ?? new Date();
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(detectionSituations)
      .where(and(eq(detectionSituations.id, situationId), eq(detectionSituations.territoryId, territoryId))).for("update");
    if (!s) return { ok: false as const, problem: "not_found" as const };
    const [done] = await tx.select({ id: detectionFollowUps.id }).from(detectionFollowUps)
      .where(and(eq(detectionFollowUps.territoryId, territoryId), eq(detectionFollowUps.idempotencyKey, args.idempotencyKey)));
    if (done) return { ok: true as const, created: false };
    let statusAfter: SituationStatus | null = null;
    let reopened = false;
    if (input.status && input.status !== s.status) {
      const r = applyStatusChange(
        { status: s.status as SituationStatus, resolution: s.resolution as ResolutionCode | null, resolvedOn: s.resolvedOn, openedMonthly: s.openedMonthly === null ? null : Number(s.openedMonthly) },
        { status: input.status, resolution: input.resolution, resolvedOn: input.resolvedOn, openedMonthly: input.openedMonthly }, args.today,
      );
      if (!r.ok) return { ok: false as const, problem: r.problem };
      statusAfter = r.next.status;
      reopened = r.reopened;
      await tx.update(detectionSituations).set({
        status: r.next.status, resolution: r.next.resolution, resolvedOn: r.next.resolvedOn,
        openedMonthly: r.next.openedMonthly === null ? null : r.next.openedMonthly.toFixed(2), updatedAt: now,
      }).where(eq(detectionSituations.id, situationId));
    }
    const [row] = await tx.insert(detectionFollowUps).values({
      territoryId, situationId, authorId, idempotencyKey: args.idempotencyKey, note: input.note, nextStep: input.nextStep ?? null,
      remindOn: input.remindOn ?? null, statusAfter, at: now,
    }).onConflictDoNothing().returning({ id: detectionFollowUps.id });
    if (!row) return { ok: true as const, created: false };
    await writeAudit(tx, {
      territoryId, actorUserId: authorId, actorKind: "staff", action: reopened ? "detection.situation.reopen" : "detection.follow_up", entity: "detection_situation", entityId: situationId, at: now,
      details: { status: statusAfter, resolution: statusAfter === "resolved" ? input.resolution ?? null : null },
    });
    return { ok: true as const, created: true };
  });
}

export async function listFollowUps(db: Db, territoryId: string, situationId: string) {
  return db.select({
    id: detectionFollowUps.id, at: detectionFollowUps.at, note: detectionFollowUps.note, nextStep: detectionFollowUps.nextStep,
    remindOn: detectionFollowUps.remindOn, statusAfter: detectionFollowUps.statusAfter, author: users.name,
  }).from(detectionFollowUps).leftJoin(users, eq(users.id, detectionFollowUps.authorId))
    .where(and(eq(detectionFollowUps.territoryId, territoryId), eq(detectionFollowUps.situationId, situationId)))
    .orderBy(asc(detectionFollowUps.at));
}
