import { createHmac, hkdfSync } from "node:crypto";
import { and, arrayOverlaps, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { detectionHouseholdIdentities, detectionHouseholds } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { contactKeyFromEnv, decryptJson, encryptJson, type ContactKey } from "@/lib/crypto/contact-cipher";
import { safeText } from "@/lib/validation/parsers";

/**
 * The private identity of a household (name, CAF and CPAM file numbers): one encrypted payload
 * bound to the household id, plus keyed hashes so that staff find a household by a name or a file
 * number without decrypting every row. The hash key is derived from the contact-data key (HKDF),
 * so a database dump alone cannot test guesses. Every read and every write is audited; the
 * identity is never listed, logged or exported.
 */
export type Identity = { name?: string; caf?: string; cpam?: string };

export const identitySchema = z.object({
  name: z.preprocess((v) => (v === "" ? undefined : v), safeText(120, { message: "Nom : 120 caractères au plus." }).optional()),
  caf: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().regex(/^[0-9A-Za-z\s.-]{1,20}$/, { error: "Numéro CAF : chiffres et lettres, 20 caractères au plus." }).optional()),
  cpam: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().regex(/^[0-9A-Za-z\s.-]{1,25}$/, { error: "Numéro de sécurité sociale : chiffres et lettres, 25 caractères au plus." }).optional()),
});

export const identityAad = (householdId: string) => `detection-household:${householdId}`;

/** Names compare without accents, case, punctuation or word order ("Dupont  Marie" = "marie DUPONT"). */
export function normaliseName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean).sort().join(" ");
}
/** File numbers compare on their letters and digits only. */
export function normaliseFileNumber(n: string): string {
  return n.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

function lookupKey(k: ContactKey): Buffer {
  return Buffer.from(hkdfSync("sha256", k.key, Buffer.alloc(0), "barometre/detection-identity-lookup/v1", 32));
}

/** The keyed hash of one normalised value; the territory is in the message so hashes never link territories. */
export function lookupHash(territoryId: string, kind: "name" | "caf" | "cpam", value: string, k: ContactKey = contactKeyFromEnv()): string {
  return createHmac("sha256", lookupKey(k)).update(`${territoryId}\u0000${kind}\u0000${value}`).digest("base64url");
}

export function identityHashes(territoryId: string, id: Identity, k?: ContactKey): string[] {
  const out: string[] = [];
  if (id.name && normaliseName(id.name)) out.push(lookupHash(territoryId, "name", normaliseName(id.name), k));
  if (id.caf && normaliseFileNumber(id.caf)) out.push(lookupHash(territoryId, "caf", normaliseFileNumber(id.caf), k));
  if (id.cpam && normaliseFileNumber(id.cpam)) out.push(lookupHash(territoryId, "cpam", normaliseFileNumber(id.cpam), k));
  return out;
}

/** The hashes a search text could match: as a name, or as either file number. */
export function queryHashes(territoryId: string, query: string, k?: ContactKey): string[] {
  const hashes: string[] = [];
  const name = normaliseName(query), file = normaliseFileNumber(query);
  if (name) hashes.push(lookupHash(territoryId, "name", name, k));
  if (file) hashes.push(lookupHash(territoryId, "caf", file, k), lookupHash(territoryId, "cpam", file, k));
  return hashes;
}

/** Sets (or clears, when empty) the identity of a household of the territory; audited. */
export async function setIdentity(db: Db, territoryId: string, householdId: string, actorId: string, identity: Identity, now = new Date()) {
  return db.transaction(async (tx) => {
    const [h] = await tx.select({ id: detectionHouseholds.id }).from(detectionHouseholds)
      .where(and(eq(detectionHouseholds.id, householdId), eq(detectionHouseholds.territoryId, territoryId)));
    if (!h) return false;
    const clean: Identity = Object.fromEntries(Object.entries(identity).filter(([, v]) => typeof v === "string" && v.trim() !== "")) as Identity;
    if (Object.keys(clean).length === 0) {
      await tx.delete(detectionHouseholdIdentities).where(eq(detectionHouseholdIdentities.householdId, householdId));
    } else {
      const values = { ciphertext: encryptJson(clean, identityAad(householdId)), lookupHashes: identityHashes(territoryId, clean), updatedAt: now };
      await tx.insert(detectionHouseholdIdentities).values({ householdId, territoryId, ...values })
        .onConflictDoUpdate({ target: detectionHouseholdIdentities.householdId, set: values });
    }
    await writeAudit(tx, {
      territoryId, actorUserId: actorId, actorKind: "staff", action: "detection.identity.set", entity: "detection_household", entityId: householdId, at: now,
      details: { fields: Object.keys(clean).sort().join(",") || "cleared" },
    });
    return true;
  });
}

/** Reads the identity for display; the read itself is audited (even when there is none). */
export async function viewIdentity(db: Db, territoryId: string, householdId: string, actorId: string, now = new Date()): Promise<Identity | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ ciphertext: detectionHouseholdIdentities.ciphertext }).from(detectionHouseholdIdentities)
      .where(and(eq(detectionHouseholdIdentities.householdId, householdId), eq(detectionHouseholdIdentities.territoryId, territoryId)));
    await writeAudit(tx, {
      territoryId, actorUserId: actorId, actorKind: "staff", action: "detection.identity.view", entity: "detection_household", entityId: householdId, at: now,
      details: { present: !!row },
    });
    return row ? decryptJson<Identity>(row.ciphertext, identityAad(householdId)) : null;
  });
}

/** Household codes whose identity matches a name or file number; the search is audited, never its text. */
export async function findHouseholdsByIdentity(db: Db, territoryId: string, query: string, actorId: string, now = new Date()) {
  const hashes = queryHashes(territoryId, query);
  if (!hashes.length) return [];
  const rows = await db.select({ id: detectionHouseholds.id, code: detectionHouseholds.code }).from(detectionHouseholdIdentities)
    .innerJoin(detectionHouseholds, eq(detectionHouseholds.id, detectionHouseholdIdentities.householdId))
    .where(and(eq(detectionHouseholdIdentities.territoryId, territoryId), arrayOverlaps(detectionHouseholdIdentities.lookupHashes, hashes)))
    .orderBy(sql`${detectionHouseholds.code}`).limit(20);
  await writeAudit(db, {
    territoryId, actorUserId: actorId, actorKind: "staff", action: "detection.identity.search", entity: "territory", entityId: territoryId, at: now,
    details: { matches: rows.length },
  });
  return rows;
}
