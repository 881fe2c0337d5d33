import type { SectionStrings } from "@/components/questionnaire/types";
import type { T } from "@/lib/i18n/server";
import type { ErrorKey } from "@/lib/questionnaire/validate";
import { localize, type Locale } from "@/lib/i18n/locale";
import type { LocalizedText } from "@/lib/questionnaire/definition-schema";

const ERROR_KEYS: ErrorKey[] = ["required", "choice", "number", "range", "too_long", "exclusive", "too_many", "cascade_level", "decimal", "date", "constraint"];

/** The translated strings handed to the section form (ICU placeholders kept for the client). */
export function sectionStrings(t: T, territoryName: string, errorCount: number): SectionStrings {
  return {
    next: t("flow.next"), back: t("flow.back"), save: t("flow.save"), toReview: t("flow.toReview"),
    preferNot: t("flow.preferNot"), dontKnow: t("flow.dontKnow"), yes: t("flow.yes"), no: t("flow.no"),
    optional: t("flow.optional"), outside: t("flow.outside", { territory: territoryName }),
    chooseOne: t("flow.chooseOne"), ifConcerned: t("flow.ifConcerned"),
    errorSummary: t("flow.errorSummary", { count: errorCount }), backToReview: t("flow.backToReview"), labelSep: t("flow.labelSep"),
    errors: Object.fromEntries(ERROR_KEYS.map((k) => [k, t.raw(`errors.${k}`) as string])) as Record<ErrorKey, string>,
  };
}

export function errorMessage(strings: SectionStrings, key: string, params?: Record<string, number>, message?: LocalizedText, locale: Locale = "fr") {
  if (message) return localize(message, locale);
  const template = strings.errors[key as ErrorKey] ?? strings.errors.choice;
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params?.[k] ?? ""));
}
