import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outreachActions, sites, users } from "@/db/schema";
import type { OutreachActionType, OutreachAudience, OutreachPlaceType } from "./reference";

type DemoAction = [month: string, actionType: OutreachActionType, placeType: OutreachPlaceType, audience: OutreachAudience, met: number, potential: number, guides: Record<string, number>];

/** Montpellier's demo outreach: reported actions of last year, so the committee bilan has figures (no consent, no person). */
const MONTPELLIER: DemoAction[] = [
  ["02-14", "stand", "marche", "tous_publics", 42, 11, { rsa: 8, c2s: 6 }],
  ["03-21", "permanence", "maison_pour_tous", "seniors", 18, 7, { aspa: 5 }],
  ["05-16", "stand", "marche", "familles", 35, 9, { prime_activite: 7, aides_logement: 4 }],
  ["06-12", "atelier", "centre_social", "jeunes", 12, 3, { prime_activite: 6 }],
  ["09-19", "stand", "espace_public", "tous_publics", 51, 14, { rsa: 10, c2s: 9 }],
  ["10-10", "porte_a_porte", "bailleur_social", "seniors", 27, 8, { aspa: 4, cheque_energie: 6 }],
  ["11-28", "permanence", "france_services", "tous_publics", 22, 4, { c2s: 3 }],
];

/** Seeds the demo actions once (a territory that has any outreach action is left alone). */
export async function seedDemoOutreach(db: Db, territoryId: string, slug: string, now = new Date()) {
  if (slug !== "montpellier") return 0;
  const [any] = await db.select({ id: outreachActions.id }).from(outreachActions).where(eq(outreachActions.territoryId, territoryId)).limit(1);
  if (any) return 0;
  const [partner] = await db.select({ id: users.id }).from(users).where(and(eq(users.territoryId, territoryId), eq(users.role, "partner"))).limit(1);
  const [lead] = await db.select({ id: users.id }).from(users).where(and(eq(users.territoryId, territoryId), eq(users.role, "territory_admin"))).limit(1);
  const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.territoryId, territoryId)).limit(1);
  const year = now.getUTCFullYear() - 1;
  await db.insert(outreachActions).values(MONTPELLIER.map(([md, actionType, placeType, audience, met, potential, guides], i) => {
    const at = new Date(`${year}-${md}T16:00:00Z`);
    return {
      territoryId, status: "reported" as const, actionType, placeType, audience, heldOn: `${year}-${md}`, startsAt: "09:30", endsAt: "12:30",
      siteId: placeType === "maison_pour_tous" || placeType === "france_services" ? site?.id ?? null : null,
      placeLabel: placeType === "maison_pour_tous" || placeType === "france_services" ? (site ? null : "Maison pour tous") : `Lieu de démonstration ${i + 1}`,
      team: "CCAS et bénévoles (démonstration)", proposedBy: partner?.id ?? null, proposedAt: at, decidedBy: lead?.id ?? null, decidedAt: at,
      peopleMet: met, potentialNonRecours: potential, orientations: Math.round(potential / 2), questionnairesCollected: Math.round(met / 3),
      guidesHanded: guides, lessons: null, reportedBy: partner?.id ?? null, reportedAt: at, createdAt: at, updatedAt: at,
    };
  }));
  return MONTPELLIER.length;
}
