import { NextResponse } from "next/server";
import { NO_STORE, seeOther } from "@/lib/http/form";
import { deleteDraft } from "@/lib/respondent/drafts";
import { respondentHandler } from "@/lib/respondent/handler";
import { clearFlowCookies, territoryPath } from "@/lib/respondent/session-cookies";

/**
 * Ends a session and erases it: the draft row and the flow cookies. POST only (the receipt's
 * "start again" button, the kiosk's end button and its inactivity timer submit a form): a link
 * from anywhere must not end someone's questionnaire.
 */
export const POST = respondentHandler(async ({ request, db, territory, draft }) => {
  if (draft) await deleteDraft(db, territory.id, draft.id);
  return seeOther(request, territoryPath(territory.slug), { cookies: (res) => clearFlowCookies(res, territory.slug) });
});

/**
 * A GET changes nothing: it only leads back to the start page. A kiosk without JavaScript lands
 * here from its <noscript> refresh; its draft has died on the server by then (kiosk drafts
 * expire after the idle delay) and its receipt cookie is short-lived.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = /^[a-z0-9-]{1,60}$/.test(slug) ? territoryPath(slug) : "/";
  const res = NextResponse.redirect(new URL(path, request.url), 303);
  res.headers.set("Cache-Control", NO_STORE);
  return res;
}
