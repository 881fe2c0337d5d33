import { seeOther } from "@/lib/http/form";
import { respondentHandler } from "@/lib/respondent/handler";
import { flowCookieOptions, LOOKUP_COOKIE, territoryPath } from "@/lib/respondent/session-cookies";

/** "J'ai terminé": closes the request opened in this browser (the next person must type a code). */
export const POST = respondentHandler(async ({ request, territory }) => {
  const base = `${territoryPath(territory.slug)}/ma-demande`;
  return seeOther(request, `${base}?termine=1`, { cookies: (res) => res.cookies.set(LOOKUP_COOKIE, "", flowCookieOptions(territory.slug, 0)) });
});
