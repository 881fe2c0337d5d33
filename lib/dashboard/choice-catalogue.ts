import { and, asc, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { questionnaireVersions } from "@/db/schema";
import { DONT_KNOW, PREFER_NOT } from "@/lib/questionnaire/constants";
import type { LocalizedText, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { getDefinitions } from "@/lib/questionnaire/versions";

/**
 * The choice questions a dashboard can map: every single, multiple and yes/no question of the
 * common questionnaire and of the territory's module, across all their published versions.
 * Labels (question, options, section) come from the latest version that has the question;
 * options removed in a later version stay listed (older responses still hold them).
 * "Prefer not to say" and "don't know" are never options here: like the difficulty and
 * knowledge indicators, a choice share counts them out of its denominator.
 */
export type ChoiceOption = { value: string; label: LocalizedText };
export type ChoiceQuestion = {
  id: string;
  source: "common" | "module";
  type: "single" | "multiple" | "yes_no";
  label: LocalizedText;
  section: { id: string; title: LocalizedText };
  options: ChoiceOption[];
};
export type ChoiceCatalogue = { questions: ChoiceQuestion[] };

/** Answers that never count in a choice share's denominator. */
export const EXCLUDED_ANSWERS = [PREFER_NOT, DONT_KNOW] as const;

/** Yes / no options of a yes_no question, in the questionnaire's own words. */
export const YES_NO_OPTIONS: ChoiceOption[] = [
  { value: "yes", label: { fr: "Oui", en: "Yes" } },
  { value: "no", label: { fr: "Non", en: "No" } },
];

/**
 * Pure: the catalogue from versions given oldest first (the common questionnaire's, then the
 * module's order is kept as in their latest version).
 */
export function buildChoiceCatalogue(versions: { source: "common" | "module"; definition: QuestionnaireDefinition }[]): ChoiceCatalogue {
  const byId = new Map<string, ChoiceQuestion>();
  for (const { source, definition } of versions) {
    for (const section of definition.sections) {
      for (const q of section.questions) {
        if (q.type !== "single" && q.type !== "multiple" && q.type !== "yes_no") continue;
        const previous = byId.get(q.id);
        const current = (q.type === "yes_no" ? YES_NO_OPTIONS : q.options).filter((o) => !(EXCLUDED_ANSWERS as readonly string[]).includes(o.value));
        const kept = (previous?.options ?? []).filter((o) => !current.some((c) => c.value === o.value));
        // Re-inserted so that the map's order follows the latest version.
        byId.delete(q.id);
        byId.set(q.id, {
          id: q.id, source, type: q.type, label: q.label, section: { id: section.id, title: section.title },
          options: [...current.map((o) => ({ value: o.value, label: o.label })), ...kept],
        });
      }
    }
  }
  const all = [...byId.values()];
  return { questions: [...all.filter((q) => q.source === "common"), ...all.filter((q) => q.source === "module")] };
}

/** The catalogue of a territory, from the published versions in the database. */
export async function loadChoiceCatalogue(db: Db, territoryId: string): Promise<ChoiceCatalogue> {
  const list = await db
    .select({ id: questionnaireVersions.id, kind: questionnaireVersions.kind })
    .from(questionnaireVersions)
    .where(or(eq(questionnaireVersions.scope, "common"), and(eq(questionnaireVersions.kind, "module"), eq(questionnaireVersions.territoryId, territoryId))))
    .orderBy(asc(questionnaireVersions.publishedAt), asc(questionnaireVersions.version));
  if (!list.length) return { questions: [] };
  const definitions = await getDefinitions(db, list.map((v) => v.id));
  return buildChoiceCatalogue(list.flatMap((v) => {
    const definition = definitions.get(v.id);
    return definition ? [{ source: v.kind, definition }] : [];
  }));
}

/** The indicator key of an option's share: `q.<question>.<option>`. */
export const choiceIndicatorKey = (questionId: string, value: string) => `q.${questionId}.${value}`;

export function findChoice(catalogue: ChoiceCatalogue, questionId: string, value: string): { question: ChoiceQuestion; option: ChoiceOption } | null {
  const question = catalogue.questions.find((q) => q.id === questionId);
  const option = question?.options.find((o) => o.value === value);
  return question && option ? { question, option } : null;
}
