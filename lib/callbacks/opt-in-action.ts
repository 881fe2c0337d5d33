import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { responses } from "@/db/schema";
import { resolveRespondent } from "@/lib/respondent/context";
import {
  clearFlowCookiesInAction, DONE_COOKIE, DONE_SECONDS, flowCookieOptions, isSharedDevice, RECEIPT_COOKIE,
} from "@/lib/respondent/session-cookies";
import { and, eq } from "drizzle-orm";
import { fieldErrors } from "@/lib/http/field-errors";
import { optInInput, optInSchema } from "./opt-in-schema";
import { createCallbackRequest } from "./requests";
import { isUuid } from "@/lib/validation/parsers";

export type OptInState = { errors: Record<string, string>; values: Record<string, string | string[]> };

/**
 * Body of the opt-in server action: the response is the one of this browser's receipt cookie
 * (never an id from the form), the input is validated by zod, nothing is stored on error.
 */
export async function submitOptIn(slug: string, form: FormData): Promise<OptInState> {
  const db = await getDb();
  const resolved = await resolveRespondent(db, slug);
  const responseId = (await cookies()).get(RECEIPT_COOKIE)?.value;
  const values = Object.fromEntries(
    ["firstName", "phone", "email", "channel", "language", "companion", "accessibility", "consent"].map((k) => [k, String(form.get(k) ?? "").slice(0, 300)]),
  ) as Record<string, string | string[]>;
  values.days = form.getAll("days").map(String).slice(0, 7);
  values.times = form.getAll("times").map(String).slice(0, 3);
  if (!resolved || !responseId || !isUuid(responseId)) return { errors: { form: "form" }, values };
  const [response] = await db
    .select({ id: responses.id, territoryId: responses.territoryId, neighbourhoodId: responses.neighbourhoodId, mode: responses.mode })
    .from(responses)
    .where(and(eq(responses.id, responseId), eq(responses.territoryId, resolved.territory.id)))
    .limit(1);
  if (!response) return { errors: { form: "form" }, values };
  const parsed = optInSchema.safeParse(optInInput(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { mode, ...target } = response;
  await createCallbackRequest(db, target, parsed.data, new Date(), resolved.territory.settings.callbackDeadlineWorkingDays ?? 5);
  if (isSharedDevice(mode)) {
    // An assisted or kiosk questionnaire ends here: the next person on this device must find
    // nothing of this one (no booking prefill, no access to the request, no receipt code).
    await clearFlowCookiesInAction(resolved.territory.slug, [DONE_COOKIE]);
    (await cookies()).set(DONE_COOKIE, "1", flowCookieOptions(resolved.territory.slug, DONE_SECONDS));
  }
  redirect(`/t/${resolved.territory.slug}/etude-de-droits`);
}
