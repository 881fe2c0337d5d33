import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookingMotives, bookingPlaces, openingSlots, sites, users } from "@/db/schema";
import { parisDay, addParisDays } from "./slots";

const DEMO_MOTIVES = [
  {
    name: "Étude de droits", nameEn: "Benefits review", durationMinutes: 45, locationType: "on_site" as const, minDelayMinutes: 120, maxDelayDays: 42,
    cancelDeadlineMinutes: 240, moveDeadlineMinutes: 2880, bookableOnline: true,
    instructions: "Apportez si possible : une pièce d'identité, votre dernier avis d'imposition, les justificatifs de ressources des trois derniers mois et votre numéro d'allocataire CAF.",
    instructionsEn: "If you can, bring: an identity document, your latest tax notice, proof of income for the last three months and your CAF (family allowance) number.",
  },
  {
    name: "Aide aux démarches en ligne", nameEn: "Help with online procedures", durationMinutes: 30, locationType: "on_site" as const, minDelayMinutes: 120, maxDelayDays: 28,
    cancelDeadlineMinutes: 240, moveDeadlineMinutes: 1440, bookableOnline: true,
    // Never ask people to bring (or write down) their passwords.
    instructions: "Apportez votre téléphone portable et, si vous en avez une, votre adresse e-mail. Ne communiquez jamais vos mots de passe : l'agent vous aidera à vous connecter ou à les réinitialiser.",
    instructionsEn: "Bring your mobile phone and, if you have one, your e-mail address. Never share your passwords: the agent will help you sign in or reset them.",
  },
  {
    name: "Entretien téléphonique", nameEn: "Phone interview", durationMinutes: 20, locationType: "phone" as const, minDelayMinutes: 60, maxDelayDays: 14,
    cancelDeadlineMinutes: 60, moveDeadlineMinutes: 240, bookableOnline: true,
    instructions: "Un agent du CCAS vous appellera au numéro indiqué.",
    instructionsEn: "A CCAS agent will call you on the number you gave.",
  },
  {
    name: "Suivi de dossier", nameEn: "Follow-up of a file", durationMinutes: 30, locationType: "on_site" as const, minDelayMinutes: 0, maxDelayDays: 90,
    cancelDeadlineMinutes: 240, moveDeadlineMinutes: 2880, bookableOnline: false, instructions: null,
  },
];

/**
 * Demo booking settings of a territory (idempotent: only when it has no motive yet): places
 * from its CCAS and first Maison pour Tous sites, four motives, and the demo agent's weekly
 * openings — so that booking works end to end on a fresh database.
 */
export async function seedDemoBooking(db: Db, territoryId: string, now = new Date()) {
  const [existing] = await db.select({ id: bookingMotives.id }).from(bookingMotives).where(eq(bookingMotives.territoryId, territoryId)).limit(1);
  if (existing) return;
  const [agent] = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.territoryId, territoryId), eq(users.role, "ccas_agent"))).orderBy(users.email).limit(1);
  if (!agent) return;
  const candidates = await db.select().from(sites).where(eq(sites.territoryId, territoryId))
    .orderBy(sql`case ${sites.kind} when 'ccas' then 0 else 1 end`, sites.name).limit(2);
  if (!candidates.length) return;
  await db.transaction(async (tx) => {
    const places = await tx.insert(bookingPlaces).values(candidates.map((s) => ({
      territoryId, name: s.name, address: s.address ?? s.name, phone: s.phone ?? "04 00 00 00 00",
      lon: s.lon, lat: s.lat, neighbourhoodId: s.neighbourhoodId,
      accessNotes: s.kind === "ccas" ? "Accès de plain-pied, accueil au rez-de-chaussée." : "Permanence du CCAS dans la salle d'accueil.",
      accessNotesEn: s.kind === "ccas" ? "Step-free access, reception on the ground floor." : "CCAS office hours in the reception room.",
    }))).returning({ id: bookingPlaces.id });
    const motives = await tx.insert(bookingMotives).values(DEMO_MOTIVES.map((m) => ({ ...m, territoryId }))).returning({ id: bookingMotives.id });
    const all = motives.map((m) => m.id);
    const validFrom = addParisDays(parisDay(now), -7);
    await tx.insert(openingSlots).values([
      { territoryId, agentId: agent.id, placeId: places[0].id, weekdays: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "12:00", motiveIds: all, validFrom },
      { territoryId, agentId: agent.id, placeId: places[places.length - 1].id, weekdays: [2, 4], startTime: "14:00", endTime: "17:00", motiveIds: all.slice(0, 2), validFrom },
    ]);
  });
}
