import { z } from "zod";
import { LOOKUP_SECONDS } from "@/lib/callbacks/my-request";
import { findRequestByReceipt } from "@/lib/callbacks/requests";
import { seeOther } from "@/lib/http/form";
import { limitByAddress } from "@/lib/http/too-many";
import { LIMITS } from "@/lib/security/limits";
import { respondentHandler } from "@/lib/respondent/handler";
import { LOOKUP_COOKIE, setFlowCookie, territoryPath } from "@/lib/respondent/session-cookies";

const schema = z.object({ receipt: z.string().trim().min(6).max(20) });

/** The receipt code opens the person's request for a few minutes in this browser (LOOKUP_SECONDS). */
export const POST = respondentHandler(async ({ request, db, territory, form }) => {
  const base = `${territoryPath(territory.slug)}/ma-demande`;
  const limited = await limitByAddress(db, request, LIMITS.receiptLookup, base);
  if (limited) return limited;
  const parsed = schema.safeParse({ receipt: form.get("receipt") ?? "" });
  const found = parsed.success ? await findRequestByReceipt(db, territory.id, parsed.data.receipt) : null;
  if (!found) return seeOther(request, `${base}?erreur=code`);
  return seeOther(request, base, { cookies: (res) => setFlowCookie(res, territory.slug, LOOKUP_COOKIE, found.responseId, LOOKUP_SECONDS) });
});
