import { and, desc, eq } from "drizzle-orm";
import { sqlState, type Db } from "@/db/client";
import { benefitGuideVersions, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { listCatalogue } from "@/lib/benefits/catalogue";
import { SEEDED_GUIDES } from "./content";
import type { BenefitGuide, Localized } from "./guide-schema";

/**
 * A guide as a territory shows it: its latest saved version, else the seeded sheet (version 0,
 * "to_check"), else null for a benefit of the catalogue nobody has written a sheet for yet.
 */
export type TerritoryGuide = {
  code: string;
  /** The catalogue's name of the benefit (the sheet's title when there is one). */
  label: Localized;
  guide: BenefitGuide | null;
  /** 0 for the seeded sheet or no sheet; 1, 2, … for the territory's saved versions. */
  version: number;
  status: BenefitGuide["status"] | null;
  source: "territory" | "seed" | "none";
  /** "extra": the territory's own benefit; "common": the questionnaire's; "kit": a seeded sheet outside the grid. */
  kind: "common" | "extra" | "kit";
  updatedAt: Date | null;
};

const SEEDED = new Map(SEEDED_GUIDES.map((g) => [g.code, g]));

async function latestVersions(db: Db, territoryId: string, code?: string) {
  const rows = await db
    .select({ code: benefitGuideVersions.code, version: benefitGuideVersions.version, content: benefitGuideVersions.content, createdAt: benefitGuideVersions.createdAt })
    .from(benefitGuideVersions)
    .where(code ? and(eq(benefitGuideVersions.territoryId, territoryId), eq(benefitGuideVersions.code, code)) : eq(benefitGuideVersions.territoryId, territoryId))
    .orderBy(desc(benefitGuideVersions.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
  return latest;
}

/** The catalogue's active benefits (in order), then the seeded sheets outside it (pension d'invalidité, aide facultative). */
async function entries(db: Db, territoryId: string) {
  const catalogue = (await listCatalogue(db, territoryId)).filter((e) => !e.archivedAt);
  const list: { code: string; label: Localized; kind: TerritoryGuide["kind"] }[] = catalogue.map((e) => ({
    code: e.code, label: { fr: e.labelFr, en: e.labelEn || e.labelFr }, kind: e.kind,
  }));
  for (const g of SEEDED_GUIDES) if (!list.some((e) => e.code === g.code)) list.push({ code: g.code, label: g.title, kind: "kit" });
  return list;
}

function compose(entry: { code: string; label: Localized; kind: TerritoryGuide["kind"] }, saved: { version: number; content: BenefitGuide; createdAt: Date } | undefined): TerritoryGuide {
  const guide = saved?.content ?? SEEDED.get(entry.code) ?? null;
  return {
    code: entry.code,
    label: guide?.title ?? entry.label,
    guide,
    version: saved?.version ?? 0,
    status: guide?.status ?? null,
    source: saved ? "territory" : guide ? "seed" : "none",
    kind: entry.kind,
    updatedAt: saved?.createdAt ?? null,
  };
}

/** Every guide of the territory: one per active catalogue benefit, plus the kit's extra sheets. */
export async function listTerritoryGuides(db: Db, territoryId: string): Promise<TerritoryGuide[]> {
  const [list, latest] = await Promise.all([entries(db, territoryId), latestVersions(db, territoryId)]);
  return list.map((e) => compose(e, latest.get(e.code)));
}

/** One guide, or null when the code is neither in the territory's catalogue nor a seeded sheet (→ 404). */
export async function getTerritoryGuide(db: Db, territoryId: string, code: string): Promise<TerritoryGuide | null> {
  const entry = (await entries(db, territoryId)).find((e) => e.code === code);
  if (!entry) return null;
  return compose(entry, (await latestVersions(db, territoryId, code)).get(code));
}

export type GuideVersionRow = { version: number; status: BenefitGuide["status"]; note: string | null; editor: string | null; createdAt: Date };

/** The saved versions of one guide, newest first, with who saved them. */
export async function listGuideVersions(db: Db, territoryId: string, code: string): Promise<GuideVersionRow[]> {
  return db
    .select({ version: benefitGuideVersions.version, status: benefitGuideVersions.status, note: benefitGuideVersions.note, editor: users.name, createdAt: benefitGuideVersions.createdAt })
    .from(benefitGuideVersions)
    .leftJoin(users, eq(users.id, benefitGuideVersions.editedBy))
    .where(and(eq(benefitGuideVersions.territoryId, territoryId), eq(benefitGuideVersions.code, code)))
    .orderBy(desc(benefitGuideVersions.version));
}

export type SaveGuideResult =
  | { ok: true; version: number; created: boolean }
  | { ok: false; reason: "not_found" | "conflict" | "no_sheet" };

/** Same sheet, key order aside (jsonb reorders keys). */
export function sameContent(a: BenefitGuide, b: BenefitGuide): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

/**
 * Saves a new version (max + 1, in one transaction with its audit row). `baseVersion` is the
 * version the editor started from: if another save came in between, the edit is a conflict,
 * unless the latest version already holds exactly this content (a double submit: nothing new).
 * A concurrent save of the same number hits the unique index: a conflict too.
 */
export async function saveGuideVersion(
  db: Db,
  input: { territoryId: string; actorUserId: string; baseVersion: number; content: BenefitGuide; note?: string | null; action?: "edit" | "validate"; now?: Date },
): Promise<SaveGuideResult> {
  const { territoryId, content } = input;
  if (!(await getTerritoryGuide(db, territoryId, content.code))) return { ok: false, reason: "not_found" };
  try {
    return await db.transaction(async (tx) => {
      const [last] = await tx
        .select({ version: benefitGuideVersions.version, content: benefitGuideVersions.content })
        .from(benefitGuideVersions)
        .where(and(eq(benefitGuideVersions.territoryId, territoryId), eq(benefitGuideVersions.code, content.code)))
        .orderBy(desc(benefitGuideVersions.version))
        .limit(1);
      const current = last?.version ?? 0;
      if (last && sameContent(last.content, content)) return { ok: true, version: current, created: false } as const;
      if (current !== input.baseVersion) return { ok: false, reason: "conflict" } as const;
      const version = current + 1;
      const [row] = await tx
        .insert(benefitGuideVersions)
        .values({ territoryId, code: content.code, version, content, status: content.status, note: input.note || null, editedBy: input.actorUserId, ...(input.now ? { createdAt: input.now } : {}) })
        .returning({ id: benefitGuideVersions.id });
      await writeAudit(tx, {
        territoryId, actorUserId: input.actorUserId, actorKind: "staff", action: input.action === "validate" ? "guide.validate" : "guide.save",
        entity: "benefit_guide_version", entityId: row.id, details: { code: content.code, version, status: content.status }, at: input.now,
      });
      return { ok: true, version, created: true } as const;
    });
  } catch (err) {
    if (sqlState(err) === "23505") return { ok: false, reason: "conflict" };
    throw err;
  }
}

/** Marks the current sheet validated by the lead: a new version with the same text. */
export async function validateGuide(db: Db, input: { territoryId: string; actorUserId: string; code: string; baseVersion: number; now?: Date }): Promise<SaveGuideResult> {
  const current = await getTerritoryGuide(db, input.territoryId, input.code);
  if (!current) return { ok: false, reason: "not_found" };
  if (!current.guide) return { ok: false, reason: "no_sheet" };
  const content: BenefitGuide = { ...current.guide, status: "validated", lastCheckedOn: parisToday(input.now ?? new Date()) };
  return saveGuideVersion(db, { territoryId: input.territoryId, actorUserId: input.actorUserId, baseVersion: input.baseVersion, content, note: null, action: "validate", now: input.now });
}

function parisToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
