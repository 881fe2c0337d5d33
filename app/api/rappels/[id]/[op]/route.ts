import { getDb } from "@/db/client";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import { HttpError, requirePermissionApi } from "@/lib/auth/session";
import {
  assignRequest, assignSchema, attemptSchema, claimRequest, closeReviewed, logAttempt, requestExists, type ChangeResult,
} from "@/lib/callbacks/handle-request";
import { outcomeProblem, outcomeSchema, recordOutcome } from "@/lib/callbacks/review";
import { DEFAULT_MAX_FAILED_ATTEMPTS } from "@/lib/callbacks/state-machine";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { isUuid } from "@/lib/validation/parsers";

const MESSAGE: Record<string, string> = {
  taken: "taken", closed: "closed", not_assigned: "notAssigned", not_reached: "notReached", unknown_agent: "unknownAgent", unknown_benefit: "unknownBenefit",
};

/** Changes to one request: claim (prendre), assign (attribuer), log a call (appel), review outcome (etude), close (cloturer). */
export const POST = staffFormHandler<{ id: string; op: string }>(async (request, form, { id, op }) => {
  const user = await requirePermissionApi("callbacks:handle");
  if (!isUuid(id)) throw new HttpError(404, "Demande introuvable.");
  const db = await getDb();
  const territory = await staffTerritoryApi(db, user, new URL(request.url).searchParams.get("t") ?? undefined);
  // Another territory's request is not found, before any input is even read.
  if (!(await requestExists(db, territory.id, id))) throw new HttpError(404, "Demande introuvable.");
  // Back to the section acted on (s= shows the message there, # keeps the agent's position).
  const section = op === "etude" || op === "cloturer" ? "review" : "actions";
  const page = (msg: string, extra = "") =>
    seeOther(request, `/staff/rappels/${id}?${user.role === "admin" ? `t=${territory.slug}&` : ""}msg=${msg}${extra}&s=${section}#${section}`);
  let result: ChangeResult;
  if (op === "prendre") result = await claimRequest(db, territory.id, id, user.id);
  else if (op === "attribuer") {
    const parsed = assignSchema.safeParse({ agentId: form.get("agentId") });
    if (!parsed.success) return page("invalidAgent");
    result = await assignRequest(db, territory.id, id, parsed.data.agentId, user.id);
  } else if (op === "appel") {
    const parsed = attemptSchema.safeParse({ outcome: form.get("outcome") ?? undefined, callBackOn: form.get("callBackOn") || undefined });
    if (!parsed.success) return page("invalid");
    result = await logAttempt(db, territory.id, id, user.id, parsed.data, territory.settings.callbackMaxFailedAttempts ?? DEFAULT_MAX_FAILED_ATTEMPTS);
  } else if (op === "etude") {
    const blank = (k: string) => form.get(k) || undefined;
    const parsed = outcomeSchema.safeParse({
      benefitCode: form.get("benefitCode"), outcome: form.get("outcome"), openedOn: blank("openedOn"),
      monthlyAmount: blank("monthlyAmount")?.replace(",", "."), partner: blank("partner"), note: blank("note"),
    });
    if (!parsed.success) return page(outcomeProblem(parsed.error.issues.map((i) => String(i.path[0]))));
    result = await recordOutcome(db, territory.id, id, user.id, parsed.data);
  } else if (op === "cloturer") {
    // Irreversible: the form's confirmation box must be ticked.
    if (form.get("confirm") !== "1") return page("confirmClose");
    result = await closeReviewed(db, territory.id, id, user.id);
  }
  else throw new HttpError(404, "Action inconnue.");
  if (result.ok) return page("saved");
  if (result.reason === "not_found") throw new HttpError(404, "Demande introuvable.");
  return page(MESSAGE[result.reason], result.reason === "taken" ? `&by=${encodeURIComponent(result.by)}` : "");
});
