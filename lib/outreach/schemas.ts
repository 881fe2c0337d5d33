import { z } from "zod";
import { ALWAYS } from "@/lib/contact/contact-points";
import { calendarDate, safeText, timeOfDay, UUID_PATTERN } from "@/lib/validation/parsers";
import { daysBetween } from "./state-machine";
import { OUTREACH_ACTION_TYPES, OUTREACH_AUDIENCES, OUTREACH_PLACE_TYPES } from "./reference";

/**
 * The server-side schemas of the outreach forms, French messages. Dates are checked against
 * `today` (Paris day) given by the caller, so that the rules stay pure and testable.
 */
export const COUNT_MAX = 10_000;
export const PROPOSE_PAST_DAYS = 60;
export const PROPOSE_FUTURE_DAYS = 365;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalUuid = (message: string) => z.preprocess(blankToUndefined, z.string().regex(UUID_PATTERN, { error: message }).transform((s) => s.toLowerCase()).optional());

export function proposalSchema(today: string) {
  // Under ALWAYS the refinement may see raw values (a field that failed): every check tolerates them.
  return z.object({
    heldOn: calendarDate("Date de l'action invalide : attendue au format AAAA-MM-JJ."),
    startsAt: z.preprocess(blankToUndefined, timeOfDay("Heure de début invalide : attendue au format HH:MM.").optional()),
    endsAt: z.preprocess(blankToUndefined, timeOfDay("Heure de fin invalide : attendue au format HH:MM.").optional()),
    actionType: z.enum(OUTREACH_ACTION_TYPES, { error: "Choisissez le type d'action." }),
    placeType: z.enum(OUTREACH_PLACE_TYPES, { error: "Choisissez le type de lieu." }),
    siteId: optionalUuid("Lieu de collecte inconnu."),
    placeLabel: z.preprocess(blankToUndefined, safeText(120, { message: "Nom du lieu : 120 caractères au plus, sans caractère de contrôle." }).optional()),
    neighbourhoodId: optionalUuid("Quartier inconnu."),
    audience: z.enum(OUTREACH_AUDIENCES, { error: "Choisissez le public visé." }),
    team: safeText(300, { message: "Équipe : 300 caractères au plus, sans caractère de contrôle." }).pipe(z.string().min(1, { error: "Indiquez l'équipe (structures, rôles)." })),
  }).superRefine((v, ctx) => {
    const d = daysBetween(today, v.heldOn);
    if (Number.isFinite(d) && d < -PROPOSE_PAST_DAYS) ctx.addIssue({ code: "custom", path: ["heldOn"], message: `L'action ne peut pas dater de plus de ${PROPOSE_PAST_DAYS} jours.` });
    if (Number.isFinite(d) && d > PROPOSE_FUTURE_DAYS) ctx.addIssue({ code: "custom", path: ["heldOn"], message: "L'action doit avoir lieu dans l'année qui vient." });
    if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "L'heure de fin doit suivre l'heure de début." });
    if (!v.siteId && !v.placeLabel) ctx.addIssue({ code: "custom", path: ["siteId"], message: "Choisissez un lieu de collecte ou nommez le lieu." });
    if (v.siteId && v.placeLabel) ctx.addIssue({ code: "custom", path: ["placeLabel"], message: "Choisissez un lieu de collecte ou nommez le lieu, pas les deux." });
  }, ALWAYS); // also when another field failed: every problem is reported at once
}
export type Proposal = z.output<ReturnType<typeof proposalSchema>>;

export const decisionSchema = z.object({
  decision: z.enum(["validate", "refuse"], { error: "Choisissez : valider ou refuser." }),
  note: z.preprocess((v) => (typeof v === "string" ? v : ""), safeText(500, { multiline: true, message: "Note : 500 caractères au plus, sans caractère de contrôle." })),
}).refine((v) => v.decision !== "refuse" || v.note !== "", { path: ["note"], message: "Dites pourquoi l'action est refusée." });
export type Decision = z.output<typeof decisionSchema>;

const count = (label: string) => z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z.number({ error: `${label} : indiquez un nombre entier de 0 à ${COUNT_MAX.toLocaleString("fr-FR")}.` })
    .int({ error: `${label} : un nombre entier, sans virgule.` })
    .min(0, { error: `${label} : un nombre de 0 à ${COUNT_MAX.toLocaleString("fr-FR")}.` })
    .max(COUNT_MAX, { error: `${label} : ${COUNT_MAX.toLocaleString("fr-FR")} au plus.` }),
);

/**
 * The report: counts 0 … 10 000, people in potential non-recours and orientations no more than
 * the people met; guides handed out by benefit code of the territory's catalogue (a blank is 0,
 * zeros are not stored).
 */
export function reportSchema(benefitCodes: readonly string[]) {
  const guideFields = Object.fromEntries(benefitCodes.map((c) => [`guide_${c}`, z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "0" : v), count("Guides remis"))]));
  return z.object({
    peopleMet: count("Personnes rencontrées"),
    potentialNonRecours: count("Personnes en non-recours potentiel"),
    orientations: count("Orientations"),
    questionnairesCollected: count("Questionnaires recueillis"),
    lessons: z.preprocess((v) => (typeof v === "string" ? v : ""), safeText(2000, { multiline: true, message: "Enseignements : 2 000 caractères au plus, sans caractère de contrôle." })),
    ...guideFields,
  }).superRefine((v, ctx) => {
    if (v.potentialNonRecours > v.peopleMet) ctx.addIssue({ code: "custom", path: ["potentialNonRecours"], message: "Les personnes en non-recours potentiel ne peuvent pas dépasser les personnes rencontrées." });
    if (v.orientations > v.peopleMet) ctx.addIssue({ code: "custom", path: ["orientations"], message: "Les orientations ne peuvent pas dépasser les personnes rencontrées." });
  }).transform((v) => {
    const rec = v as Record<string, unknown>;
    const guidesHanded: Record<string, number> = {};
    for (const c of benefitCodes) if ((rec[`guide_${c}`] as number) > 0) guidesHanded[c] = rec[`guide_${c}`] as number;
    return {
      peopleMet: v.peopleMet, potentialNonRecours: v.potentialNonRecours, orientations: v.orientations,
      questionnairesCollected: v.questionnairesCollected, lessons: v.lessons || null, guidesHanded,
    };
  });
}
export type Report = z.output<ReturnType<typeof reportSchema>>;
