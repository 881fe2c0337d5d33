import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { getSiteById } from "@/lib/territories/queries";

/**
 * Who accompanies an assisted questionnaire and where: for the banner "Questionnaire accompagné
 * par …" (the interviewer's display name only, never the e-mail). Null for other modes.
 */
export async function assistedContext(db: Db, territoryId: string, draft: { mode: string; interviewerId: string | null; siteId: string | null } | null) {
  if (!draft || draft.mode !== "assisted") return null;
  const [u] = draft.interviewerId ? await db.select({ name: users.name }).from(users).where(eq(users.id, draft.interviewerId)).limit(1) : [];
  const site = draft.siteId ? await getSiteById(db, territoryId, draft.siteId) : null;
  return { interviewerName: u?.name ?? null, siteName: site?.name ?? null };
}
