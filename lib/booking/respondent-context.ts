import { and, eq, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { rows, type Db } from "@/db/client";
import { callbackRequests, neighbourhoods, responses } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { contactAad } from "@/lib/callbacks/requests";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { centroid, type PolygonGeometry } from "@/lib/geo/geometry";
import { RECEIPT_COOKIE } from "@/lib/respondent/session-cookies";
import { isUuid } from "@/lib/validation/parsers";

/**
 * What this browser's questionnaire receipt brings to a booking: the person's neighbourhood
 * (to sort places), the rights-review request to link and, only when `withContact` is asked for
 * (the contact step, where they are shown), their contact details to prefill: decrypted and
 * audited there and nowhere else.
 */
export async function bookingContextFromReceipt(db: Db, territoryId: string, opts: { withContact?: boolean } = {}) {
  const id = (await cookies()).get(RECEIPT_COOKIE)?.value;
  if (!id || !isUuid(id)) return null;
  const [row] = await db.select({ neighbourhoodId: responses.neighbourhoodId, request: callbackRequests })
    .from(responses)
    .leftJoin(callbackRequests, eq(callbackRequests.responseId, responses.id))
    .where(and(eq(responses.id, id), eq(responses.territoryId, territoryId))).limit(1);
  if (!row) return null;
  const request = row.request?.contactCiphertext && !row.request.withdrawnAt ? row.request : null;
  let prefill: { name: string; phone: string; email: string } | null = null;
  if (request && opts.withContact) {
    const c = decryptJson<{ firstName: string; phone: string | null; email: string | null }>(request.contactCiphertext!, contactAad(request));
    prefill = { name: c.firstName, phone: c.phone ?? "", email: c.email ?? "" };
    await writeAudit(db, { territoryId, actorKind: "respondent", action: "callback.contact_prefill", entity: "callback_request", entityId: request.id });
  }
  return { neighbourhoodId: row.neighbourhoodId, prefill, callbackRequestId: request?.id ?? null };
}

/** A neighbourhood's centre, to sort places nearest first. */
export async function neighbourhoodPoint(db: Db, territoryId: string, neighbourhoodId: string | null | undefined): Promise<[number, number] | null> {
  if (!neighbourhoodId || !isUuid(neighbourhoodId)) return null;
  const [n] = await db.select({ geometry: neighbourhoods.geometry }).from(neighbourhoods)
    .where(and(eq(neighbourhoods.id, neighbourhoodId), eq(neighbourhoods.territoryId, territoryId))).limit(1);
  return n?.geometry ? centroid(n.geometry as PolygonGeometry) : null;
}

/** The coarsest area containing a neighbourhood (IRIS → its quartier), to preselect it in a list. */
export async function coarsestAncestor(db: Db, territoryId: string, neighbourhoodId: string | null): Promise<string | null> {
  if (!neighbourhoodId) return null;
  const found = await rows<{ id: string }>(db, sql`
    with recursive up as (
      select id, parent_id from ${neighbourhoods} where id = ${neighbourhoodId}::uuid and territory_id = ${territoryId}::uuid
      union all
      select n.id, n.parent_id from ${neighbourhoods} n join up on n.id = up.parent_id
    )
    select id from up where parent_id is null limit 1`);
  return found[0]?.id ?? null;
}
