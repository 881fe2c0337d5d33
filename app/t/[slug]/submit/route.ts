import { getStaffUser } from "@/lib/auth/session";
import { plainError, seeOther } from "@/lib/http/form";
import { engineFor } from "@/lib/respondent/context";
import { respondentHandler } from "@/lib/respondent/handler";
import { receiptCookieSeconds, RECEIPT_COOKIE, setFlowCookie, territoryPath } from "@/lib/respondent/session-cookies";
import { submitDraft } from "@/lib/respondent/submit";

/** Final submission. Idempotent: a double click or a retry lands on the same receipt. */
export const POST = respondentHandler(async ({ request, db, territory, draft }) => {
  const base = territoryPath(territory.slug);
  if (!draft) return seeOther(request, `${base}?session=expiree`);
  const toReceipt = (id: string) =>
    seeOther(request, `${base}/merci`, { cookies: (res) => setFlowCookie(res, territory.slug, RECEIPT_COOKIE, id, receiptCookieSeconds(draft.mode)) });
  if (draft.submittedResponseId) return toReceipt(draft.submittedResponseId);

  if (draft.mode === "assisted") {
    // Only the interviewer who started it may submit an assisted response in their name.
    const user = await getStaffUser();
    if (!user || user.id !== draft.interviewerId) {
      return plainError(403, "Ce questionnaire accompagné doit être envoyé par l'enquêteur qui l'a commencé.");
    }
  }
  const { flow, ctx, neighbourhoods } = await engineFor(db, territory.id, draft);
  const result = await submitDraft(db, flow, draft, ctx, neighbourhoods);
  if (!result.ok) return seeOther(request, `${base}/q/${result.firstInvalidSection}`);
  return toReceipt(result.responseId);
});
