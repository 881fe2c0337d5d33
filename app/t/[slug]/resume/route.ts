import { z } from "zod";
import { seeOther } from "@/lib/http/form";
import { limitByAddress } from "@/lib/http/too-many";
import { LIMITS } from "@/lib/security/limits";
import { draftPath, resumeDraft } from "@/lib/respondent/drafts";
import { respondentHandler } from "@/lib/respondent/handler";
import { clearFlowCookies, DRAFT_COOKIE, setFlowCookie, territoryPath } from "@/lib/respondent/session-cookies";

const resumeSchema = z.object({ code: z.string().trim().min(4).max(40) });

/** Exchanges a resume code for the draft, on any device. */
export const POST = respondentHandler(async ({ request, db, territory, form }) => {
  const base = territoryPath(territory.slug);
  const limited = await limitByAddress(db, request, LIMITS.resumeCode, `${base}/reprendre`);
  if (limited) return limited;
  const parsed = resumeSchema.safeParse({ code: form.get("code") ?? "" });
  const resumed = parsed.success ? await resumeDraft(db, territory.id, parsed.data.code) : null;
  if (!resumed || resumed.draft.submittedResponseId) return seeOther(request, `${base}/reprendre?erreur=code`);
  return seeOther(request, draftPath(territory.slug, resumed.draft), {
    cookies: (res) => {
      clearFlowCookies(res, territory.slug);
      setFlowCookie(res, territory.slug, DRAFT_COOKIE, resumed.token);
    },
  });
});
