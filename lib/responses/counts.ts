import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { responses } from "@/db/schema";

/** Collection counts of a territory (aggregates only), with the share of one interviewer. */
export async function collectionCounts(db: Db, territoryId: string, interviewerId: string) {
  const [r] = await db
    .select({
      total: sql<number>`count(*)::int`,
      mine: sql<number>`(count(*) filter (where ${responses.interviewerId} = ${interviewerId}))::int`,
    })
    .from(responses)
    .where(and(eq(responses.territoryId, territoryId), eq(responses.synthetic, false)));
  return { total: r?.total ?? 0, mine: r?.mine ?? 0 };
}
