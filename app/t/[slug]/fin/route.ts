import { seeOther } from "@/lib/http/form";
import { deleteDraft } from "@/lib/respondent/drafts";
import { respondentHandler } from "@/lib/respondent/handler";
import { clearFlowCookies, territoryPath } from "@/lib/respondent/session-cookies";

/**
 * Ends a session and erases it: the draft row and the flow cookies. Kiosks call it after the
 * receipt or when idle (by a timer, or a <noscript> refresh when JavaScript is off).
 */
const end = respondentHandler(async ({ request, db, territory, draft }) => {
  if (draft) await deleteDraft(db, territory.id, draft.id);
  return seeOther(request, territoryPath(territory.slug), { cookies: (res) => clearFlowCookies(res, territory.slug) });
});

export const GET = end;
export const POST = end;
