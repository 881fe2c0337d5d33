import { z } from "zod";
import type { ChecklistItem } from "./checklist";

/** A French text, with an optional English translation. */
export const localizedSchema = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1).optional() });
export type Localized = z.infer<typeof localizedSchema>;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "Date inexistante");

export const AUDIENCES = ["tous_publics", "plus_de_50_ans", "agriculteurs", "jeunes"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Strasbourg's four life moments (GUIDES-EVALUATION.md §C.8). */
export const LIFE_MOMENTS = ["devenir_adulte", "avoir_un_enfant", "elever_seul_ses_enfants", "devenir_senior"] as const;
export type LifeMoment = (typeof LIFE_MOMENTS)[number];

export const ORGANISMS = ["CAF", "MSA", "CPAM", "CARSAT", "Caisse de retraite", "Département", "MDPH", "CCAS", "État"] as const;
export type Organism = (typeof ORGANISMS)[number];

/** A cerfa number such as 11174*05. */
export const CERFA_NUMBER = /^\d{5}\*\d{2}$/;

export const checklistItemSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "Identifiant en minuscules, chiffres et _"),
  question: localizedSchema,
  expected: z.enum(["yes", "no"]),
});
// The schema and the checklist library must describe the same item.
type _SameItem = [z.infer<typeof checklistItemSchema>] extends [ChecklistItem]
  ? [ChecklistItem] extends [z.infer<typeof checklistItemSchema>]
    ? true
    : never
  : never;
const _sameItem: _SameItem = true;
void _sameItem;

const unique = (values: readonly string[]) => new Set(values).size === values.length;

export const benefitGuideSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }),
  whatItIs: z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) }),
  whoPays: z.object({
    organisms: z.array(z.enum(ORGANISMS)).min(1).refine(unique, "Organisme en double"),
    text: localizedSchema,
  }),
  audiences: z.array(z.enum(AUDIENCES)).min(1).refine(unique, "Public en double"),
  lifeMoments: z.array(z.enum(LIFE_MOMENTS)).refine(unique, "Moment de vie en double"),
  /** All-of: "si vous cochez toutes les cases, vous y avez probablement droit". */
  checklist: z
    .array(checklistItemSchema)
    .min(2)
    .max(8)
    .refine((items) => unique(items.map((i) => i.id)), "Identifiants de la liste de vérification en double"),
  documents: z.array(z.object({ label: localizedSchema, original: z.boolean() })).min(1),
  /** In order. */
  steps: z.array(localizedSchema).min(1),
  form: z.object({
    number: z.string().regex(CERFA_NUMBER, "Numéro de cerfa attendu (ex. 11174*05)").nullable(),
    label: localizedSchema,
  }),
  whereToApply: localizedSchema,
  /** An order of magnitude only, dated and sourced; null when it depends on the person. */
  amount: z
    .object({ text: localizedSchema, asOf: isoDateSchema, source: z.string().trim().min(1) })
    .nullable(),
  lastCheckedOn: isoDateSchema,
  /** Every seeded guide is "to_check" (« à vérifier par le CCAS ») until a territory lead validates it. */
  status: z.enum(["to_check", "validated"]),
});
export type BenefitGuide = z.infer<typeof benefitGuideSchema>;

export const STATUS_LABEL: Record<BenefitGuide["status"], Localized> = {
  to_check: { fr: "À vérifier par le CCAS", en: "To be checked by the CCAS" },
  validated: { fr: "Vérifié", en: "Checked" },
};
