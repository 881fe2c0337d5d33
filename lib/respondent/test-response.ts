import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts } from "@/db/schema";
import { resolveVisibility } from "@/lib/questionnaire/flow";
import { currentVersionIds, loadFlow } from "@/lib/questionnaire/versions";
import { listNeighbourhoodChoices } from "@/lib/territories/queries";
import { createDraft, saveAnswers } from "./drafts";
import { submitDraft } from "./submit";
import { completeAnswers } from "./test-answers";

/**
 * For integration tests: a complete questionnaire submitted through the real draft and
 * submission code, in the given neighbourhood (index among the territory's choices).
 */
export async function submitTestResponse(db: Db, territoryId: string, opts: { seed: number; neighbourhood?: number }) {
  const versions = await currentVersionIds(db, territoryId);
  const flow = await loadFlow(db, versions.commonVersionId, versions.moduleVersionId);
  const choices = await listNeighbourhoodChoices(db, territoryId);
  const area = choices.filter((c) => !c.whole)[opts.neighbourhood ?? 0]; // a finest area (not a whole quartier)
  const { draft } = await createDraft(db, {
    territoryId, ...versions, mode: "self", locale: "fr", siteId: null, interviewerId: null, kioskDeviceId: null,
    currentSection: resolveVisibility(flow, {}).sections[0].id,
  });
  const answers = completeAnswers(flow, area.code, opts.seed);
  await saveAnswers(db, draft, answers, "verifier");
  const saved = (await db.select().from(drafts).where(eq(drafts.id, draft.id)))[0];
  const r = await submitDraft(db, flow, saved, { neighbourhoodCodes: choices.map((c) => c.code), now: new Date() }, choices);
  if (!r.ok) throw new Error("submission failed");
  return { responseId: r.responseId, receiptCode: r.receiptCode, answers, neighbourhoodId: area.id };
}
