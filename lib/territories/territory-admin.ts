import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { benefitCatalogue, territories } from "@/db/schema";
import { DEFAULT_CATALOGUE } from "@/lib/callbacks/review";
import { writeAudit } from "@/lib/audit/write-audit";
import { safeText } from "@/lib/validation/parsers";
import { slugProblem } from "./slug";

/** The new territory form: errors are message keys of `territoryAdmin.errors`. */
export const newTerritorySchema = z.object({
  name: safeText(120, { message: "name" }).pipe(z.string().min(2, { error: "name" })),
  slug: z.string().trim().max(60, { error: "slug_format" }).superRefine((s, ctx) => {
    const p = slugProblem(s);
    if (p) ctx.addIssue({ code: "custom", message: p === "reserved" ? "slug_reserved" : "slug_format" });
  }),
});

/** Creates a territory (no areas, sites or staff yet) with the default rights-review catalogue, audited in the same transaction. */
export async function createTerritory(db: Db, actorUserId: string, input: z.infer<typeof newTerritorySchema>): Promise<{ ok: true; id: string } | { ok: false; reason: "slug_taken" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(territories).values({ slug: input.slug, name: input.name }).onConflictDoNothing({ target: territories.slug }).returning({ id: territories.id });
    if (!row) return { ok: false, reason: "slug_taken" } as const;
    // The benefits its CCAS examines in a rights review, as for every territory.
    await tx.insert(benefitCatalogue).values(DEFAULT_CATALOGUE.map((b, i) => ({ territoryId: row.id, code: b.code, name: b.name, optionalAid: !!b.optionalAid, sort: i })));
    await writeAudit(tx, { territoryId: row.id, actorUserId, actorKind: "staff", action: "territory.create", entity: "territory", entityId: row.id });
    return { ok: true, id: row.id } as const;
  });
}

const int = (min: number, max: number, key: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().regex(/^\d{1,9}$/, { error: key }).transform(Number).pipe(z.number().int().min(min, { error: key }).max(max, { error: key })));
const optionalInt = (min: number, max: number, key: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), int(min, max, key).optional());

/**
 * The territory's settings, once scattered in JSON, in one validated form. Errors are message
 * keys of `territoryAdmin.errors`. Retention delays are the platform's (environment), not here.
 */
export const territorySettingsSchema = z.object({
  name: safeText(120, { message: "name" }).pipe(z.string().min(2, { error: "name" })),
  suppressionThreshold: int(3, 100, "threshold"),
  collectionTarget: optionalInt(1, 10_000_000, "target"),
  callbackDeadlineWorkingDays: int(1, 30, "deadline"),
  callbackMaxFailedAttempts: int(1, 10, "attempts"),
  bookingReminderHours: int(1, 168, "reminder"),
  kioskIdleSeconds: int(15, 1800, "idle"),
  kioskReceiptSeconds: int(5, 300, "receipt"),
});
export type TerritorySettingsInput = z.infer<typeof territorySettingsSchema>;
export const SETTINGS_FIELDS = Object.keys(territorySettingsSchema.shape) as (keyof TerritorySettingsInput)[];

/** Saves the name and settings (other settings keys stay), with an audit row of what changed (numbers only). */
export async function saveTerritorySettings(db: Db, territoryId: string, actorUserId: string, s: TerritorySettingsInput) {
  const { name, collectionTarget, ...numbers } = s;
  await db.transaction(async (tx) => {
    await tx.update(territories).set({
      name,
      settings: sql`(${territories.settings} - 'collectionTarget') || ${JSON.stringify({ ...numbers, ...(collectionTarget ? { collectionTarget } : {}) })}::jsonb`,
    }).where(eq(territories.id, territoryId));
    await writeAudit(tx, {
      territoryId, actorUserId, actorKind: "staff", action: "territory.settings", entity: "territory", entityId: territoryId,
      details: { ...numbers, collectionTarget: collectionTarget ?? null },
    });
  });
}
