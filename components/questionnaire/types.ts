import type { Locale } from "@/lib/i18n/locale";
import type { ErrorKey } from "@/lib/questionnaire/validate";
import type { Question } from "@/lib/questionnaire/definition-schema";
import type { FlowSection } from "@/lib/questionnaire/flow";
import type { NeighbourhoodChoice } from "@/lib/territories/queries";

/** Translated interface strings the section form needs (the client ships no message catalogue). */
export type SectionStrings = {
  next: string; back: string; save: string; toReview: string; preferNot: string; dontKnow: string;
  yes: string; no: string; optional: string; outside: string; chooseOne: string; ifConcerned: string;
  errorSummary: string; errors: Record<ErrorKey, string>; backToReview: string;
  /** Between a question and its message in the summary (" : " in French, with a no-break space). */
  labelSep: string;
};

export type SectionFormProps = {
  action: string;
  locale: Locale;
  section: FlowSection;
  /** Earlier grids read by this section's cascades. */
  extraQuestions: Question[];
  /** Answers of the other sections (already settled by the server). */
  priorAnswers: Record<string, unknown>;
  defaultValues: Record<string, string | string[]>;
  /** Errors of the last post, each with the name of its question (label) for the summary. */
  serverErrors: { field: string; label: string; message: string }[];
  /** Opened with "Modifier" from the review page: "next" returns there. */
  returnToReview?: boolean;
  neighbourhoods: Pick<NeighbourhoodChoice, "code" | "name" | "group">[];
  isLast: boolean;
  /** "Save and continue later" (not on kiosks: nothing may outlive the session there). */
  allowSave: boolean;
  hasPrevious: boolean;
  strings: SectionStrings;
};
