import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { calendarDate, safeText } from "@/lib/validation/parsers";
import type { Db } from "@/db/client";
import { benefitCatalogue, callbackRequests, reviewOutcomes } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { decryptJson, encryptJson } from "@/lib/crypto/contact-cipher";
import { CLOSED, type Status } from "./state-machine";

export const REVIEW_OUTCOMES = ["already_received", "potentially_eligible", "application_started", "right_opened", "not_eligible", "declined"] as const;
export const PARTNERS = ["caf", "cpam", "carsat", "france_travail", "mdph", "msa", "ccas", "other"] as const;

/** The catalogue seeded for every territory; a territory adds its own optional aids. */
export const DEFAULT_CATALOGUE: { code: string; name: string; optionalAid?: boolean }[] = [
  { code: "rsa", name: "RSA" }, { code: "prime_activite", name: "Prime d'activité" },
  { code: "c2s", name: "Complémentaire santé solidaire (C2S)" }, { code: "aides_logement", name: "Aides au logement" },
  { code: "aspa", name: "ASPA (minimum vieillesse)" }, { code: "aah", name: "AAH" },
  { code: "allocations_familiales", name: "Allocations familiales" }, { code: "cheque_energie", name: "Chèque énergie" },
  { code: "retraite_reversion", name: "Retraite / pension de réversion" },
  { code: "aide_facultative_ccas", name: "Aides facultatives du CCAS", optionalAid: true },
];

export async function seedCatalogue(db: Db, territoryId: string) {
  await db
    .insert(benefitCatalogue)
    .values(DEFAULT_CATALOGUE.map((b, i) => ({ territoryId, code: b.code, name: b.name, optionalAid: !!b.optionalAid, sort: i })))
    .onConflictDoNothing();
}

export async function listCatalogue(db: Db, territoryId: string) {
  return db.select().from(benefitCatalogue).where(eq(benefitCatalogue.territoryId, territoryId)).orderBy(asc(benefitCatalogue.sort));
}

export const outcomeSchema = z
  .object({
    benefitCode: z.string().regex(/^[a-z0-9_]{1,40}$/),
    outcome: z.enum(REVIEW_OUTCOMES),
    openedOn: calendarDate().optional(),
    monthlyAmount: z.coerce.number().min(0).max(100_000).optional(),
    partner: z.enum(PARTNERS).optional(),
    note: safeText(1000, { multiline: true }).optional(),
  })
  .refine((v) => v.outcome !== "right_opened" || !!v.openedOn, { path: ["openedOn"], message: "opened_on" });

/** The message key of a refused review outcome: the field that is wrong, not a generic one. */
export function outcomeProblem(paths: string[]): "invalidAmount" | "invalidOpenedOn" | "invalidOutcome" {
  if (paths.includes("monthlyAmount")) return "invalidAmount";
  if (paths.includes("openedOn")) return "invalidOpenedOn";
  return "invalidOutcome";
}

const noteAad = (requestId: string, benefitCode: string) => `review:${requestId}:${benefitCode}`;

/**
 * Records (or corrects) the outcome for one benefit, for a request whose person was reached.
 * A closed request is refused.
 */
export async function recordOutcome(db: Db, territoryId: string, requestId: string, agentId: string, input: z.infer<typeof outcomeSchema>, now = new Date()) {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select({ status: callbackRequests.status })
      .from(callbackRequests)
      .where(and(eq(callbackRequests.id, requestId), eq(callbackRequests.territoryId, territoryId)))
      .for("update");
    if (!r) return { ok: false as const, reason: "not_found" as const };
    if (CLOSED.includes(r.status as Status)) return { ok: false as const, reason: "closed" as const };
    if (r.status !== "reached") return { ok: false as const, reason: "not_reached" as const };
    const [known] = await tx
      .select({ code: benefitCatalogue.code })
      .from(benefitCatalogue)
      .where(and(eq(benefitCatalogue.territoryId, territoryId), eq(benefitCatalogue.code, input.benefitCode)));
    if (!known) return { ok: false as const, reason: "unknown_benefit" as const };
    const values = {
      outcome: input.outcome, openedOn: input.outcome === "right_opened" ? input.openedOn ?? null : null,
      monthlyAmount: input.monthlyAmount !== undefined ? input.monthlyAmount.toFixed(2) : null, partner: input.partner ?? null,
      noteCiphertext: input.note ? encryptJson(input.note, noteAad(requestId, input.benefitCode)) : null, agentId, updatedAt: now,
    };
    await tx
      .insert(reviewOutcomes)
      .values({ territoryId, requestId, benefitCode: input.benefitCode, ...values })
      .onConflictDoUpdate({ target: [reviewOutcomes.requestId, reviewOutcomes.benefitCode], set: values });
    await writeAudit(tx, {
      territoryId, actorUserId: agentId, actorKind: "staff", action: "callback.review_outcome", entity: "callback_request", entityId: requestId, at: now,
      details: { benefit: input.benefitCode, outcome: input.outcome },
    });
    return { ok: true as const };
  });
}

export async function listOutcomes(db: Db, territoryId: string, requestId: string) {
  const rows = await db
    .select()
    .from(reviewOutcomes)
    .where(and(eq(reviewOutcomes.territoryId, territoryId), eq(reviewOutcomes.requestId, requestId)))
    .orderBy(asc(reviewOutcomes.benefitCode));
  return rows.map(({ noteCiphertext, ...r }) => ({ ...r, note: noteCiphertext ? decryptJson<string>(noteCiphertext, noteAad(requestId, r.benefitCode)) : null }));
}
