import { cookies } from "next/headers";
import { contactCorrectionSchema, correctContact, LOOKUP_SECONDS } from "@/lib/callbacks/my-request";
import { findRequestForResponse } from "@/lib/callbacks/requests";
import { seeOther } from "@/lib/http/form";
import { respondentHandler } from "@/lib/respondent/handler";
import { LOOKUP_COOKIE, setFlowCookie, territoryPath } from "@/lib/respondent/session-cookies";
import { isUuid } from "@/lib/validation/parsers";

/**
 * Corrects the contact details of the request opened with its receipt code (re-encrypted,
 * audited); back to the correction section with the outcome. The marker is renewed on success:
 * the person is acting, not leaving.
 */
export const POST = respondentHandler(async ({ request, db, territory, form }) => {
  const base = `${territoryPath(territory.slug)}/ma-demande`;
  const responseId = (await cookies()).get(LOOKUP_COOKIE)?.value;
  const found = responseId && isUuid(responseId) ? await findRequestForResponse(db, territory.id, responseId) : null;
  if (!found) return seeOther(request, `${base}?expire=1`);
  const one = (k: string) => form.get(k)?.trim() || undefined;
  const parsed = contactCorrectionSchema.safeParse({ firstName: one("firstName") ?? "", phone: one("phone"), email: one("email"), channel: one("channel") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return seeOther(request, `${base}?corr=${encodeURIComponent(issue.message)}&champ=${encodeURIComponent(String(issue.path[0] ?? ""))}#corriger`);
  }
  const ok = await correctContact(db, territory.id, found.id, parsed.data);
  return seeOther(request, `${base}?corr=${ok ? "ok" : "closed"}#corriger`, {
    cookies: (res) => setFlowCookie(res, territory.slug, LOOKUP_COOKIE, responseId!, LOOKUP_SECONDS),
  });
});
