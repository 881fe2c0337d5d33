import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { territories } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The dashboard settings a territory lead can change (form strings, coerced). */
export const dashboardSettingsSchema = z.object({
  suppressionThreshold: z.coerce.number({ message: "Le seuil doit être un nombre entier entre 3 et 100." })
    .int("Le seuil doit être un nombre entier entre 3 et 100.").min(3, "Le seuil doit être un nombre entier entre 3 et 100.")
    .max(100, "Le seuil doit être un nombre entier entre 3 et 100."),
  collectionTarget: z.preprocess(blankToUndefined, z.coerce.number({ message: "L'objectif doit être un nombre entier positif." })
    .int("L'objectif doit être un nombre entier positif.").min(1, "L'objectif doit être un nombre entier positif.").max(10_000_000).optional()),
});

/** Saves the threshold and target into the territory's settings, with its audit row, in one transaction. */
export async function saveDashboardSettings(db: Db, territoryId: string, actorUserId: string, s: z.infer<typeof dashboardSettingsSchema>) {
  await db.transaction(async (tx) => {
    await tx.update(territories).set({
      settings: sql`(${territories.settings} - 'collectionTarget') || ${JSON.stringify({
        suppressionThreshold: s.suppressionThreshold, ...(s.collectionTarget ? { collectionTarget: s.collectionTarget } : {}),
      })}::jsonb`,
    }).where(eq(territories.id, territoryId));
    await writeAudit(tx, {
      territoryId, actorUserId, actorKind: "staff", action: "dashboard.settings", entity: "territory", entityId: territoryId,
      details: { suppressionThreshold: s.suppressionThreshold, collectionTarget: s.collectionTarget ?? null },
    });
  });
}
