import { commonQuestionnaire } from "./common";

/**
 * The authored content: the common questionnaire. Territories' modules are XLSForm files
 * (fixtures/modules/<slug>.xlsx for the demo), imported through lib/modules/import-module.ts.
 */
export { commonQuestionnaire };
