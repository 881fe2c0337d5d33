import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { territories, type TerritorySettings } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";

/** The footer's pages, one URL segment each (the same under /t/<slug>/ and at the root). */
export const PUBLIC_PAGES = ["accessibilite", "mentions-legales", "donnees-personnelles"] as const;
export type PublicPage = (typeof PUBLIC_PAGES)[number];

export type PublicPagesSettings = NonNullable<TerritorySettings["publicPages"]>;
export type Compliance = NonNullable<PublicPagesSettings["compliance"]>;

/** What the footer and the pages show: the territory's settings, or null where a default text applies. */
export type PublicInfo = {
  helpPhone: string | null;
  helpHours: string | null;
  compliance: Compliance;
  accessibility: string | null;
  legalNotice: string | null;
  personalData: string | null;
};

/** Pure: the settings read with their defaults (RGAA: "partially compliant" until an audit says otherwise). */
export function publicInfo(settings: TerritorySettings | null | undefined): PublicInfo {
  const p = settings?.publicPages ?? {};
  return {
    helpPhone: p.helpPhone?.trim() || null,
    helpHours: p.helpHours?.trim() || null,
    compliance: p.compliance ?? "partial",
    accessibility: p.accessibility?.trim() || null,
    legalNotice: p.legalNotice?.trim() || null,
    personalData: p.personalData?.trim() || null,
  };
}

/** Paragraphs of an edited text: blank lines separate them. */
export function paragraphs(text: string): string[] {
  return text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().max(max, "too_long").optional());

/** The settings form (strings from a form post; messages are keys of publicPages.errors). */
export const publicPagesSchema = z.object({
  helpPhone: z.preprocess(blankToUndefined, z.string().regex(/^\+?[0-9][0-9 .()-]{3,24}$/, "phone").optional()),
  helpHours: text(200),
  compliance: z.enum(["full", "partial", "none"], { message: "compliance" }),
  accessibility: text(10_000),
  legalNotice: text(10_000),
  personalData: text(10_000),
});
export type PublicPagesInput = z.output<typeof publicPagesSchema>;

/** Replaces the territory's footer pages settings, with its audit row, in one transaction. */
export async function savePublicPages(db: Db, territoryId: string, actorUserId: string, s: PublicPagesInput) {
  const value: PublicPagesSettings = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    await tx.update(territories).set({
      settings: sql`${territories.settings} || ${JSON.stringify({ publicPages: value })}::jsonb`,
    }).where(eq(territories.id, territoryId));
    await writeAudit(tx, {
      territoryId, actorUserId, actorKind: "staff", action: "public_pages.settings", entity: "territory", entityId: territoryId,
      // Which fields are set, not their (public) texts: the log stays short.
      details: { helpPhone: value.helpPhone ?? null, compliance: value.compliance ?? null, texts: ["accessibility", "legalNotice", "personalData"].filter((k) => k in value).join(",") },
    });
  });
}
