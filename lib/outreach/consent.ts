import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { neighbourhoods, outreachActions } from "@/db/schema";
import { insertCallbackRequest } from "@/lib/callbacks/requests";
import { parisWallClock } from "@/lib/validation/parsers";
import { STAND_CONSENT_VERSION, type StandConsent } from "./consent-schema";
import { consentAllowed, type Actor } from "./state-machine";
import type { Result } from "./store";

/**
 * Records a consent to be called back taken at the stand of a validated (or reported) action:
 * a callback request with no response, pointing to the action, written by the same function as
 * the questionnaire's opt-in (encryption, antenna routing, due date, audit). The form's one-time
 * key makes a double click or a retry find the first request. Returns no contact data.
 */
export async function takeStandConsent(
  db: Db, territoryId: string, actor: Actor, actionId: string, c: StandConsent, today: string, now = new Date(), deadlineWorkingDays = 5,
): Promise<Result<{ created: boolean }>> {
  return db.transaction(async (tx) => {
    const [a] = await tx.select({ status: outreachActions.status, proposedBy: outreachActions.proposedBy, heldOn: outreachActions.heldOn, neighbourhoodId: outreachActions.neighbourhoodId })
      .from(outreachActions).where(and(eq(outreachActions.id, actionId), eq(outreachActions.territoryId, territoryId))).for("share");
    if (!a) return { ok: false, problem: "not_found" };
    const allowed = consentAllowed(a, actor, today);
    if (!allowed.ok) return { ok: false, problem: allowed.reason === "forbidden" ? "not_found" : allowed.reason };
    let neighbourhoodId = a.neighbourhoodId;
    if (c.neighbourhoodId) {
      const [n] = await tx.select({ id: neighbourhoods.id }).from(neighbourhoods).where(and(eq(neighbourhoods.id, c.neighbourhoodId), eq(neighbourhoods.territoryId, territoryId)));
      if (!n) return { ok: false, problem: "neighbourhood" };
      neighbourhoodId = n.id;
    }
    // A paper form counts from the day it was signed (noon, Paris); a tablet consent from now.
    const consentedAt = c.captureMode === "paper_form" ? parisWallClock(c.signedOn, "12:00") ?? now : now;
    const r = await insertCallbackRequest(tx, { territoryId, neighbourhoodId }, {
      kind: "stand", outreachActionId: actionId, captureMode: c.captureMode, submissionKey: c.submissionKey, actorUserId: actor.userId, consentVersion: STAND_CONSENT_VERSION,
    }, c.contact, consentedAt, now, deadlineWorkingDays);
    return { ok: true, created: r.created };
  });
}
