import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { territories, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { importModuleFixture } from "@/lib/modules/fixtures";
import { publishVersion } from "@/lib/questionnaire/versions";
import { seedCatalogue } from "@/lib/callbacks/review";
import { seedDemoAntennas } from "@/lib/callbacks/antennas";
import { seedDemoBooking } from "@/lib/booking/demo-seed";
import { seedDemoDetection } from "@/lib/detection/demo-seed";
import { seedDemoHelpPoints } from "@/lib/places/demo-seed";
import { importManifest } from "@/lib/territories/boundaries/import-manifest";
import { fixturesDir, listManifests, manifestSites } from "@/lib/territories/boundaries/manifest";
import { formatIssue } from "@/lib/territories/boundaries/messages";
import { fictionalTerritory } from "@/lib/territories/fictional";
import type { SiteInput } from "@/lib/territories/geo-source";
import { upsertTerritory } from "@/lib/territories/upsert-territory";

/** Every demo account shares this password (listed in the README; never use it in production). */
export const DEMO_PASSWORD = "demo-barometre-2026";

const STAFF_ROLES: { role: Role; prefix: string; label: string }[] = [
  { role: "territory_admin", prefix: "admin", label: "Cheffe de projet" },
  { role: "ccas_agent", prefix: "agent", label: "Agent CCAS" },
  // The two detecting services of the Grenoble tool (issue 13): a public writer and an optional-aid instructor.
  { role: "ccas_agent", prefix: "ecrivain", label: "Écrivain public" },
  { role: "ccas_agent", prefix: "instructeur", label: "Instructrice ASF" },
  { role: "interviewer", prefix: "enqueteur", label: "Enquêteur" },
  { role: "committee", prefix: "comite", label: "Comité scientifique" },
  // An association running outreach stands (issue 14).
  { role: "partner", prefix: "partenaire", label: "Partenaire associatif" },
];

export const demoEmail = (prefix: string, slug?: string) =>
  slug ? `${prefix}.${slug}@barometre.test` : `${prefix}@barometre.test`;

async function upsertUser(db: Db, email: string, name: string, role: Role, territoryId: string | null, passwordHash: string) {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) {
    await db.update(users).set({ name, role, territoryId }).where(eq(users.id, existing.id));
    return;
  }
  await db.insert(users).values({ email, name, role, territoryId, passwordHash });
}

export type SeedReport = { territories: { slug: string; fictional: boolean }[]; published: string[] };

type SeededTerritory = { id: string; slug: string; name: string; fictional: boolean; sites: SiteInput[]; summary: string };

/**
 * Demo data: the real territories shipped in fixtures/territories (Montpellier, Grenoble),
 * imported through the boundaries import (lib/territories/boundaries), plus a small fictional
 * territory "demo" as an extra; the questionnaire content; one account per role.
 * Idempotent: run it at every start. `fixturesDir` points elsewhere (tests: a folder without
 * fixtures gives the fictional territory alone).
 */
export async function seedDemo(db: Db, opts: { fixturesDir?: string; log?: (s: string) => void } = {}): Promise<SeedReport> {
  const log = opts.log ?? (() => {});
  const seeded: SeededTerritory[] = [];
  for (const { dir, manifest } of listManifests(opts.fixturesDir ?? fixturesDir())) {
    const r = await importManifest(db, dir, manifest);
    if (!r.ok) {
      throw new Error(`Fixture ${manifest.slug} refused:\n${r.issues.map((i) => formatIssue(i)).join("\n")}`);
    }
    seeded.push({
      id: r.territoryId, slug: manifest.slug, name: manifest.name, fictional: false, sites: manifestSites(dir, manifest),
      summary: `${r.levels.map((l) => `${l.areas.length} ${l.key}`).join(", ")}, ${r.sites} sites`,
    });
  }
  const fictional = fictionalTerritory();
  seeded.push({
    id: await upsertTerritory(db, fictional), slug: fictional.slug, name: fictional.name, fictional: true, sites: fictional.sites,
    summary: `${fictional.levels.map((l) => `${l.areas.length} ${l.key}`).join(", ")}, ${fictional.sites.length} sites (fictional)`,
  });

  const published: string[] = [];
  const common = await publishVersion(db, null, commonQuestionnaire);
  if (common.created) published.push(`common v${common.version}`);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await upsertUser(db, demoEmail("admin"), "Administration plateforme", "admin", null, passwordHash);
  for (const input of seeded) {
    const territoryId = input.id;
    await seedCatalogue(db, territoryId);
    await seedDemoAntennas(db, territoryId);
    const v = await importModuleFixture(db, input.slug, territoryId);
    if (v?.created) published.push(`${input.slug} module v${v.version}`);
    for (const s of STAFF_ROLES) {
      await upsertUser(db, demoEmail(s.prefix, input.slug), `${s.label} (${input.name})`, s.role, territoryId, passwordHash);
    }
    await seedDemoBooking(db, territoryId);
    const detection = await seedDemoDetection(db, territoryId, input.slug);
    if (detection?.added) log(`Territory ${input.slug}: ${detection.added} synthetic detected situations imported.`);
    await seedDemoHelpPoints(db, territoryId, input.slug);
    await seedPublicPages(db, territoryId, input.sites);
    if (await (await import("@/lib/outreach/demo-seed")).seedDemoOutreach(db, territoryId, input.slug)) log(`Territory ${input.slug}: demo outreach actions of last year seeded.`);
    log(`Territory ${input.slug}: ${input.summary}.`);
  }
  return { territories: seeded.map((t) => ({ slug: t.slug, fictional: t.fictional })), published };
}

/**
 * The footer's "Besoin d'aide ?" phone and the RGAA status for a demo territory, once (never over
 * the lead's edits): the phone of the CCAS site, or of the first site that has one. The texts of
 * the accessibility statement, legal notice and personal-data page stay the default ones
 * (messages publicPages.*) until the lead writes their own.
 */
async function seedPublicPages(db: Db, territoryId: string, sites: SiteInput[]) {
  const phone = (sites.find((s) => s.kind.toLowerCase().includes("ccas") && s.phone) ?? sites.find((s) => s.phone))?.phone ?? null;
  const value = { publicPages: { compliance: "partial", ...(phone ? { helpPhone: phone } : {}) } };
  await db.update(territories)
    .set({ settings: sql`${territories.settings} || ${JSON.stringify(value)}::jsonb` })
    .where(and(eq(territories.id, territoryId), sql`${territories.settings} -> 'publicPages' is null`));
}
