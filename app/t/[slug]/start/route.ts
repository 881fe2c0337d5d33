import { eq } from "drizzle-orm";
import { drafts } from "@/db/schema";
import { getStaffUser } from "@/lib/auth/session";
import { can, canAccessTerritory } from "@/lib/auth/permissions";
import { plainError, seeOther } from "@/lib/http/form";
import { limitByAddress } from "@/lib/http/too-many";
import { LIMITS } from "@/lib/security/limits";
import { getLocale } from "@/lib/i18n/server";
import { createDraft, draftPath, purgeExpiredDrafts } from "@/lib/respondent/drafts";
import { respondentHandler } from "@/lib/respondent/handler";
import { clearFlowCookies, DRAFT_COOKIE, setFlowCookie, territoryPath } from "@/lib/respondent/session-cookies";
import { resolveVisibility } from "@/lib/questionnaire/flow";
import { currentVersionIds, loadFlow } from "@/lib/questionnaire/versions";
import { getSiteByCode, getSiteById } from "@/lib/territories/queries";
import { catalogueGridRows } from "@/lib/benefits/catalogue";
import { isUuid } from "@/lib/validation/parsers";

/** Starts a questionnaire: self (public link, optional site), kiosk (device cookie) or assisted. */
export const POST = respondentHandler(async ({ request, db, territory, draft, kiosk, form }) => {
  const base = territoryPath(territory.slug);
  let mode: "self" | "kiosk" | "assisted" = "self";
  let siteId: string | null = null;
  let interviewerId: string | null = null;
  if (kiosk) {
    mode = "kiosk";
    siteId = kiosk.siteId;
  } else if (form.get("mode") === "assisted") {
    const user = await getStaffUser();
    if (!user) return plainError(401, "Connectez-vous pour mener un questionnaire accompagné.");
    if (!can(user, "questionnaire:assist")) return plainError(403, "Votre rôle ne permet pas de mener un questionnaire accompagné.");
    if (!canAccessTerritory(user, territory.id)) return plainError(404, "Territoire inconnu.");
    mode = "assisted";
    interviewerId = user.id;
    const id = form.get("siteId");
    if (id) {
      if (!isUuid(id)) return plainError(400, "Lieu invalide.");
      const site = await getSiteById(db, territory.id, id);
      if (!site) return plainError(404, "Lieu inconnu.");
      siteId = site.id;
    }
  } else {
    // Self mode only: kiosks are registered devices and assisted starts need a staff session.
    const limited = await limitByAddress(db, request, LIMITS.questionnaireStart, base);
    if (limited) return limited;
    const code = form.get("site");
    if (code) {
      const site = code.length <= 100 ? await getSiteByCode(db, territory.id, code) : null;
      if (!site) return plainError(404, "Lieu inconnu.");
      siteId = site.id;
    }
  }

  // Input is checked above before anything changes; an open draft is kept unless restarting.
  if (draft && !draft.submittedResponseId && form.get("restart") !== "1") {
    return seeOther(request, draftPath(territory.slug, draft));
  }
  if (draft) await db.delete(drafts).where(eq(drafts.id, draft.id));

  // Abandoned drafts hold answers: sweep the expired ones now and then (indexed, cheap).
  if (Math.random() < 0.02) await purgeExpiredDrafts(db);
  const versions = await currentVersionIds(db, territory.id);
  const flow = await loadFlow(db, versions.commonVersionId, versions.moduleVersionId, await catalogueGridRows(db, territory.id));
  const first = resolveVisibility(flow, {}).sections[0];
  const { token } = await createDraft(db, {
    territoryId: territory.id, ...versions, mode, locale: await getLocale(), siteId, interviewerId,
    kioskDeviceId: kiosk?.id ?? null, idleSeconds: kiosk?.idleSeconds, currentSection: first.id,
  });
  return seeOther(request, `${base}/q/${first.id}`, {
    cookies: (res) => {
      clearFlowCookies(res, territory.slug);
      setFlowCookie(res, territory.slug, DRAFT_COOKIE, token);
    },
  });
});
