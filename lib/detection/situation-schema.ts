import { z } from "zod";
import { calendarDate, safeText, UUID_PATTERN } from "@/lib/validation/parsers";
import { active, type DetectionLists } from "./options";
import { findIdentifiers, type IdentifierKind } from "./identifiers";
import { FORME_CODES, LIMITS, type FormeCode } from "./reference";
import type { DetectionService } from "./services";

/**
 * The recording form, checked on the server (GRENOBLE-TOOL.md §2): French messages, bounds from
 * LIMITS (the same as the database checks), codes checked against the territory's lists. The
 * schema is built per request because the lists, the services and "today" belong to it.
 */
export type SituationContext = { today: string; lists: DetectionLists; services: DetectionService[] };

/** The form's field names; multi-valued ones are arrays. */
export const MULTI_FIELDS = ["actors", "actions", "formes"] as const;
export const SINGLE_FIELDS = [
  "detectedOn", "serviceId", "sectorId", "siteId", "peopleConcerned", "financial", "benefitCode", "domain", "intensity",
  "causedById", "timeMinutes", "missedMonthly", "missedMonths", "optionalAidRequested", "optionalAidGranted", "summary",
] as const;
export const formeFields = (f: string) => [`reason_${f}`, `level_${f}`];

export type FormValues = Record<string, string | string[]>;

/** A FormData (or a prefill) as plain values: what the schema reads and what a refused form shows again. */
export function situationFormValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const k of MULTI_FIELDS) out[k] = form.getAll(k).map(String).filter(Boolean).slice(0, 40);
  for (const k of [...SINGLE_FIELDS, ...FORME_CODES.flatMap(formeFields)]) out[k] = String(form.get(k) ?? "").slice(0, 4000);
  return out;
}

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const optUuid = (message: string) => optional(z.string().regex(UUID_PATTERN, { error: message }).transform((s) => s.toLowerCase()));
/** A French decimal ("12,50", "1 200") or an integer, bounded. */
const amount = (max: number, message: string) => optional(z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".") : v),
  z.coerce.number({ error: message }).min(0, { error: message }).max(max, { error: message }),
));
const whole = (min: number, max: number, message: string) => optional(z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }));
const yesNo = optional(z.enum(["yes", "no"], { error: "Répondez par oui ou par non." }));

/**
 * Patterns a summary must not hold (it feeds the "fiches mémoire" and the dossiers sent to the
 * institutions): a social security number, a file number (7 digits or more), a phone number, an
 * e-mail address, a civility followed by a name. Obvious cases only: the hint asks for no names.
 */
const IDENTIFIER_WORDS: Record<IdentifierKind, string> = {
  email: "une adresse e-mail", phone: "un numéro de téléphone", nir: "un numéro de sécurité sociale", file_number: "un numéro de dossier",
};
/** A civility followed by a capitalised word: the one name pattern obvious enough to refuse. */
const CIVILITY_NAME = /\b(?:M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle)\s+[A-ZÀ-Ý][\p{L}'-]+/u;

export function identifyingContent(text: string): string | null {
  const [kind] = findIdentifiers(text);
  if (kind) return IDENTIFIER_WORDS[kind];
  return CIVILITY_NAME.test(text) ? "un nom de personne" : null;
}

export function situationSchema(ctx: SituationContext) {
  const codes = (list: keyof DetectionLists) => new Set(active(ctx.lists[list]).map((e) => e.code));
  const benefits = codes("benefit"), domains = codes("domain"), actors = codes("actor"), actions = codes("action"), levels = codes("level");
  const reasonsOf = (forme: string) => new Set(active(ctx.lists.reason).filter((r) => r.parent === forme).map((r) => r.code));
  const services = new Map(ctx.services.filter((s) => !s.archived).map((s) => [s.id, s]));

  return z.object({
    detectedOn: calendarDate("Date de repérage invalide (AAAA-MM-JJ).").refine((d) => d <= ctx.today, { error: "La date de repérage ne peut pas être dans le futur." }),
    serviceId: z.string({ error: "Choisissez le service détecteur." }).refine((id) => services.has(id.toLowerCase()), { error: "Choisissez le service détecteur." }).transform((s) => s.toLowerCase()),
    sectorId: optUuid("Secteur inconnu."),
    siteId: optUuid("Lieu inconnu."),
    peopleConcerned: whole(1, LIMITS.peopleMax, `Nombre de personnes concernées : un entier de 1 à ${LIMITS.peopleMax}.`),
    financial: yesNo,
    benefitCode: optional(z.string().refine((c) => benefits.has(c), { error: "Prestation inconnue." })),
    domain: optional(z.string().refine((c) => domains.has(c), { error: "Domaine inconnu." })),
    actors: z.array(z.string()).max(20).refine((a) => a.every((c) => actors.has(c)), { error: "Acteur public inconnu." }).transform((a) => [...new Set(a)]),
    formes: z.array(z.object({ forme: z.enum(FORME_CODES as [FormeCode, ...FormeCode[]]), reason: z.string(), level: z.string().optional() }))
      .min(1, { error: "Cochez au moins une forme de non-recours." }),
    intensity: optional(z.enum(["complete", "partial"], { error: "Complet ou partiel." })),
    causedById: optUuid("Situation d'origine inconnue."),
    actions: z.array(z.string()).max(20).refine((a) => a.every((c) => actions.has(c)), { error: "Action inconnue." }).transform((a) => [...new Set(a)]),
    timeMinutes: whole(0, LIMITS.minutesMax, `Temps passé : un nombre de minutes de 0 à ${LIMITS.minutesMax}.`),
    missedMonthly: amount(LIMITS.euroMax, `Manque à percevoir : un montant de 0 à ${LIMITS.euroMax} € par mois.`),
    missedMonths: whole(0, LIMITS.monthsMax, `Durée du manque à percevoir : de 0 à ${LIMITS.monthsMax} mois.`),
    optionalAidRequested: yesNo,
    optionalAidGranted: amount(LIMITS.euroMax, `Aide facultative accordée : un montant de 0 à ${LIMITS.euroMax} €.`),
    summary: optional(safeText(LIMITS.summaryMax, { multiline: true, message: `Synthèse : ${LIMITS.summaryMax} caractères au plus, sans caractère de contrôle.` })
      .superRefine((s, c) => {
        const what = identifyingContent(s);
        if (what) c.addIssue({ code: "custom", message: `La synthèse doit rester anonyme : elle semble contenir ${what}. Retirez-le.` });
      })),
  }).superRefine((v, c) => {
    const issue = (path: string, message: string) => c.addIssue({ code: "custom", path: [path], message });
    if (v.financial === "yes" && !v.benefitCode) issue("benefitCode", "Choisissez la prestation financière concernée.");
    if (v.financial === "yes" && v.domain) issue("domain", "Un domaine d'intervention ne s'indique que pour un droit non financier.");
    if (v.financial === "no" && v.benefitCode) issue("benefitCode", "Une prestation financière ne s'indique que pour une situation financière.");
    if (v.financial === undefined && (v.benefitCode || v.domain)) issue("financial", "Indiquez si la situation est financière ou non.");
    const seen = new Set<string>();
    for (const f of v.formes) {
      if (seen.has(f.forme)) issue("formes", "Une forme n'est cochée qu'une fois.");
      seen.add(f.forme);
      if (!reasonsOf(f.forme).has(f.reason)) issue(`reason_${f.forme}`, "Choisissez une raison pour chaque forme cochée.");
      if (f.level && !levels.has(f.level)) issue(`level_${f.forme}`, "Niveau d'explication inconnu.");
    }
    const service = services.get(v.serviceId);
    if (service && !service.instructsOptionalAid && (v.optionalAidRequested || v.optionalAidGranted !== undefined)) {
      issue("optionalAidRequested", "Seul un service qui instruit les aides facultatives indique une demande d'aide induite.");
    }
    if (v.optionalAidGranted !== undefined && v.optionalAidRequested !== "yes") issue("optionalAidGranted", "Un montant accordé suppose une demande d'aide facultative.");
  });
}

/** The form's values as the schema's input: the formes ticked, each with its reason and level. */
export function schemaInput(values: FormValues) {
  const formes = (values.formes as string[] | undefined ?? []).map((forme) => ({
    forme, reason: String(values[`reason_${forme}`] ?? ""), level: String(values[`level_${forme}`] ?? "") || undefined,
  }));
  const { formes: _, ...rest } = values;
  return { ...rest, formes };
}

export type SituationInput = z.infer<ReturnType<typeof situationSchema>>;

export function parseSituation(ctx: SituationContext, values: FormValues) {
  return situationSchema(ctx).safeParse(schemaInput(values));
}
