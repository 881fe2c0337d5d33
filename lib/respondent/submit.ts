import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts, responseAnswers, responses } from "@/db/schema";
import { flattenAnswers } from "@/lib/questionnaire/flatten";
import type { Flow } from "@/lib/questionnaire/flow";
import { validateAll, type EngineContext } from "@/lib/questionnaire/validate";
import type { NeighbourhoodChoice } from "@/lib/territories/queries";
import { newReceiptCode } from "./codes";
import type { Draft } from "./drafts";

export type SubmitResult =
  | { ok: true; responseId: string; receiptCode: string; created: boolean }
  | { ok: false; firstInvalidSection: string };

/**
 * Turns a draft into a response, in one transaction: the response, its answer rows and the
 * draft's closing happen together or not at all. The draft id is the idempotency key, so a
 * double click or a retried post finds the response already stored and stores nothing more.
 */
export async function submitDraft(
  db: Db, flow: Flow, draft: Draft, ctx: EngineContext, neighbourhoods: NeighbourhoodChoice[], now = new Date(),
): Promise<SubmitResult> {
  const checked = validateAll(flow, draft.answers, ctx);
  if (checked.errors.length) return { ok: false, firstInvalidSection: checked.errors[0].section };
  const neighbourhoodAnswer = checked.answers.neighbourhood;
  const neighbourhoodId = neighbourhoods.find((n) => n.code === neighbourhoodAnswer)?.id ?? null;

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(responses)
      .values({
        territoryId: draft.territoryId,
        receiptCode: newReceiptCode(),
        idempotencyKey: draft.id,
        commonVersionId: draft.commonVersionId,
        moduleVersionId: draft.moduleVersionId,
        mode: draft.mode,
        locale: draft.locale,
        siteId: draft.siteId,
        interviewerId: draft.interviewerId,
        kioskDeviceId: draft.kioskDeviceId,
        neighbourhoodId,
        answers: checked.answers,
        startedAt: draft.startedAt,
        submittedAt: now,
      })
      .onConflictDoNothing({ target: responses.idempotencyKey })
      .returning({ id: responses.id, receiptCode: responses.receiptCode });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({ id: responses.id, receiptCode: responses.receiptCode })
        .from(responses)
        .where(eq(responses.idempotencyKey, draft.id));
      return { ok: true, responseId: existing.id, receiptCode: existing.receiptCode, created: false };
    }
    const [response] = inserted;
    // One JSON parameter expanded by the database: building a 50-row insert in the ORM cost
    // more CPU than the rest of the submission (measured with bench:respondent).
    const rows = flattenAnswers(flow, checked.answers).map((r) => ({
      question_id: r.questionId, item: r.item, field: r.field, value: r.value, num: r.num,
    }));
    if (rows.length) {
      await tx.execute(sql`
        insert into ${responseAnswers} (response_id, territory_id, question_id, item, field, value, num)
        select ${response.id}::uuid, ${draft.territoryId}::uuid, x.question_id, x.item, x.field, x.value, x.num
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x(question_id text, item text, field text, value text, num numeric)`);
    }
    await tx
      .update(drafts)
      .set({ submittedResponseId: response.id, answers: {}, flash: null, resumeCodeHash: null, expiresAt: new Date(now.getTime() + 86_400_000) })
      .where(eq(drafts.id, draft.id));
    return { ok: true, responseId: response.id, receiptCode: response.receiptCode, created: true };
  });
}

export async function findResponseById(db: Db, territoryId: string, id: string) {
  const [r] = await db
    .select({ id: responses.id, receiptCode: responses.receiptCode, territoryId: responses.territoryId, mode: responses.mode })
    .from(responses)
    .where(eq(responses.id, id))
    .limit(1);
  return r && r.territoryId === territoryId ? r : null;
}
