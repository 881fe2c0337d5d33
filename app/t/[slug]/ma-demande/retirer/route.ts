import { cookies } from "next/headers";
import { findRequestForResponse, withdrawCallbackRequest } from "@/lib/callbacks/requests";
import { seeOther } from "@/lib/http/form";
import { respondentHandler } from "@/lib/respondent/handler";
import { LOOKUP_COOKIE, territoryPath } from "@/lib/respondent/session-cookies";
import { isUuid } from "@/lib/validation/parsers";

/** Withdraws consent and erases the contact data of the request opened in this browser. */
export const POST = respondentHandler(async ({ request, db, territory, form }) => {
  const base = `${territoryPath(territory.slug)}/ma-demande`;
  const jar = await cookies();
  // Only a request opened by typing its receipt code (never the receipt cookie of the questionnaire).
  const responseId = jar.get(LOOKUP_COOKIE)?.value;
  const found = responseId && isUuid(responseId) ? await findRequestForResponse(db, territory.id, responseId) : null;
  if (!found) return seeOther(request, base);
  // Irreversible: the confirmation box of the form must be ticked.
  if (form.get("confirm") !== "1") return seeOther(request, `${base}?confirmer=1`);
  await withdrawCallbackRequest(db, territory.id, found.id);
  return seeOther(request, `${base}?retire=1`);
});
