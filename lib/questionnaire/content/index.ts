import type { QuestionnaireInput } from "../definition-schema";
import { commonQuestionnaire } from "./common";
import { montpellierModule } from "./montpellier";

/** The authored content: the common questionnaire and each territory's module, by slug. */
export { commonQuestionnaire };
export const MODULES_BY_TERRITORY: Record<string, QuestionnaireInput> = {
  montpellier: montpellierModule,
};
