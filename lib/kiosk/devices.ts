import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { safeText, uuid } from "@/lib/validation/parsers";
import type { Db } from "@/db/client";
import { kioskDevices, sites } from "@/db/schema";
import { hashSecret, newToken } from "@/lib/respondent/codes";

export const registerKioskSchema = z.object({
  name: safeText(80, { message: "Nom trop long (80 caractères au plus), sans caractères de contrôle." }).pipe(z.string().min(1, "Donnez un nom à la borne.")),
  siteId: uuid("Choisissez un lieu."),
  idleSeconds: z.coerce.number().int().min(15, "Au moins 15 secondes.").max(1800, "Au plus 1 800 secondes."),
});

export async function registerKiosk(db: Db, territoryId: string, createdBy: string, input: z.infer<typeof registerKioskSchema>) {
  const [site] = await db.select({ id: sites.id }).from(sites)
    .where(and(eq(sites.id, input.siteId), eq(sites.territoryId, territoryId), isNull(sites.archivedAt))).limit(1);
  if (!site) return null; // another territory's (or an archived) site is simply not found
  const token = newToken();
  const [device] = await db
    .insert(kioskDevices)
    .values({ territoryId, siteId: site.id, name: input.name, idleSeconds: input.idleSeconds, tokenHash: hashSecret(token), createdBy })
    .returning({ id: kioskDevices.id });
  return { id: device.id, token };
}

/** The live kiosk behind a device cookie, with its site. */
export async function findKiosk(db: Db, token: string | undefined) {
  if (!token) return null;
  const [k] = await db
    .select({ id: kioskDevices.id, territoryId: kioskDevices.territoryId, siteId: kioskDevices.siteId, idleSeconds: kioskDevices.idleSeconds, name: kioskDevices.name, siteName: sites.name })
    .from(kioskDevices)
    .innerJoin(sites, eq(sites.id, kioskDevices.siteId))
    .where(and(eq(kioskDevices.tokenHash, hashSecret(token)), isNull(kioskDevices.revokedAt)))
    .limit(1);
  return k ?? null;
}

export async function listKiosks(db: Db, territoryId: string) {
  return db
    .select({ id: kioskDevices.id, name: kioskDevices.name, siteName: sites.name, idleSeconds: kioskDevices.idleSeconds, createdAt: kioskDevices.createdAt })
    .from(kioskDevices)
    .innerJoin(sites, eq(sites.id, kioskDevices.siteId))
    .where(and(eq(kioskDevices.territoryId, territoryId), isNull(kioskDevices.revokedAt)))
    .orderBy(asc(kioskDevices.name));
}

export async function revokeKiosk(db: Db, territoryId: string, id: string, now = new Date()) {
  const r = await db
    .update(kioskDevices)
    .set({ revokedAt: now })
    .where(and(eq(kioskDevices.id, id), eq(kioskDevices.territoryId, territoryId), isNull(kioskDevices.revokedAt)))
    .returning({ id: kioskDevices.id });
  return r.length > 0;
}
