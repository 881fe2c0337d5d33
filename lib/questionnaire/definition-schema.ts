import { z } from "zod";

/**
 * A questionnaire is data. This file is the grammar of that data: every definition is parsed
 * with `questionnaireSchema` before it is published, and the parsed form drives both the
 * server's validation and the browser's form.
 */

export { DONT_KNOW, LOCALES, OUTSIDE_TERRITORY, PREFER_NOT, type Locale } from "./constants";

export const localizedTextSchema = z.object({ fr: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;


const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are snake_case");
/** Choice values may start with a digit ("1_5", "800_1200"); ':' is reserved for cascades. */
const valueSchema = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, "values are snake_case");

// ---- Conditions -------------------------------------------------------------------------

/** Tests one answer: a question, or one cell of a grid / one level of a cascade (item, field). */
export const leafConditionSchema = z.object({
  q: idSchema,
  item: z.string().optional(),
  field: z.string().optional(),
  op: z.enum(["eq", "neq", "in", "not_in", "includes", "answered", "gt", "gte", "lt", "lte"]),
  value: z.union([z.string(), z.number()]).optional(),
  values: z.array(z.string()).optional(),
});
export type LeafCondition = z.infer<typeof leafConditionSchema>;

export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    leafConditionSchema,
    z.object({ all: z.array(conditionSchema).min(1) }),
    z.object({ any: z.array(conditionSchema).min(1) }),
    z.object({ not: conditionSchema }),
  ]),
);

/** A condition on one row of a grid, naming its columns: used by grid columns and cascades. */
export const rowConditionSchema = z.object({
  field: idSchema,
  op: z.enum(["eq", "neq", "in", "not_in"]),
  value: z.string().optional(),
  values: z.array(z.string()).optional(),
});
export type RowCondition = z.infer<typeof rowConditionSchema>;
export const rowConditionsSchema = z.array(rowConditionSchema).min(1); // all must hold

// ---- Options ----------------------------------------------------------------------------

export const optionSchema = z.object({
  value: valueSchema,
  label: localizedTextSchema,
  /** In a multiple choice: ticking it clears the others ("none of these"). */
  exclusive: z.boolean().optional(),
  /** Offered only when this holds over earlier answers (XLSForm `choice_filter`). */
  showIf: conditionSchema.optional(),
});
export type Option = z.infer<typeof optionSchema>;

export type CascadeOption = Option & { help?: LocalizedText; children?: CascadeOption[] };
export const cascadeOptionSchema: z.ZodType<CascadeOption> = z.lazy(() =>
  optionSchema.extend({
    help: localizedTextSchema.optional(),
    children: z.array(cascadeOptionSchema).optional(),
  }),
);

// ---- Questions --------------------------------------------------------------------------

const questionBase = {
  id: idSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(true),
  /** Offer "I'd rather not say" (stored as PREFER_NOT). */
  preferNot: z.boolean().optional(),
  showIf: conditionSchema.optional(),
  /**
   * A test of the answer itself (the question's own id in `test` reads the value being
   * checked), with the message shown when it fails (XLSForm `constraint`).
   */
  constraint: z.object({ test: conditionSchema, message: localizedTextSchema.optional() }).optional(),
};
export type QuestionConstraint = { test: Condition; message?: LocalizedText };

export const singleChoiceSchema = z.object({
  ...questionBase,
  type: z.literal("single"),
  options: z.array(optionSchema).min(2),
  /** Long lists read better as a select on a phone. */
  display: z.enum(["radio", "select"]).default("radio"),
});

export const multipleChoiceSchema = z.object({
  ...questionBase,
  type: z.literal("multiple"),
  options: z.array(optionSchema).min(2),
  max: z.number().int().positive().optional(),
});

export const yesNoSchema = z.object({
  ...questionBase,
  type: z.literal("yes_no"),
  /** Add "don't know" (the usual case). */
  dontKnow: z.boolean().default(true),
});

export const numberSchema = z.object({
  ...questionBase,
  type: z.literal("number"),
  min: z.number().int(),
  max: z.number().int(),
  unit: localizedTextSchema.optional(),
});

/** A number with decimals ("3,5" or "3.5"); bounds are optional. */
export const decimalSchema = z.object({
  ...questionBase,
  type: z.literal("decimal"),
  min: z.number().optional(),
  max: z.number().optional(),
});

/** A calendar date, stored as "YYYY-MM-DD". */
export const dateSchema = z.object({
  ...questionBase,
  type: z.literal("date"),
});

/** Text to read, no answer (XLSForm `note`). */
export const noteSchema = z.object({
  ...questionBase,
  type: z.literal("note"),
  required: z.literal(false).default(false),
});

export const yearSchema = z.object({
  ...questionBase,
  type: z.literal("year"),
  min: z.number().int().min(1900),
  /** Offset from the current year for the upper bound (0 = this year). */
  maxOffset: z.number().int().default(0),
});

export const textSchema = z.object({
  ...questionBase,
  type: z.enum(["text", "long_text"]),
  maxLength: z.number().int().positive().max(2000),
});

/** For each benefit: known? received? ever asked? given up? Columns may depend on the row. */
export const benefitGridSchema = z.object({
  ...questionBase,
  type: z.literal("benefit_grid"),
  rows: z.array(optionSchema).min(1),
  columns: z
    .array(
      z.object({
        id: idSchema,
        label: localizedTextSchema,
        options: z.array(optionSchema).min(2),
        showIf: rowConditionsSchema.optional(),
      }),
    )
    .min(1),
});

/**
 * Cascading choices (forme → raison → niveau d'explication). With `forEach`, the cascade is
 * asked once per row of an earlier grid that meets the row conditions (e.g. each benefit
 * known but not received).
 */
export const cascadeSchema = z.object({
  ...questionBase,
  type: z.literal("cascade"),
  levels: z
    .array(z.object({ id: idSchema, label: localizedTextSchema, required: z.boolean().default(true) }))
    .min(2)
    .max(4),
  options: z.array(cascadeOptionSchema).min(1),
  forEach: z.object({ q: idSchema, where: rowConditionsSchema }).optional(),
});

/** Where do you live: the choices are the territory's neighbourhoods at `level`. */
export const neighbourhoodQuestionSchema = z.object({
  ...questionBase,
  type: z.literal("neighbourhood"),
});

export const questionSchema = z.discriminatedUnion("type", [
  singleChoiceSchema,
  multipleChoiceSchema,
  yesNoSchema,
  numberSchema,
  decimalSchema,
  dateSchema,
  noteSchema,
  yearSchema,
  textSchema,
  benefitGridSchema,
  cascadeSchema,
  neighbourhoodQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends Question["type"]> = Extract<Question, { type: T }>;

export const sectionSchema = z.object({
  id: idSchema,
  title: localizedTextSchema,
  intro: localizedTextSchema.optional(),
  showIf: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const questionnaireSchema = z
  .object({
    /** 'common' or the module's key (e.g. 'montpellier'). */
    key: idSchema,
    title: localizedTextSchema,
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    for (const s of q.sections) {
      for (const question of s.questions) {
        if (seen.has(question.id)) {
          ctx.addIssue({ code: "custom", message: `duplicate question id ${question.id}` });
        }
        seen.add(question.id);
      }
    }
  });
export type QuestionnaireDefinition = z.infer<typeof questionnaireSchema>;
/** The authored form (defaults not yet applied). */
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;
