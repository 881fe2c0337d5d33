import { createHash } from "node:crypto";
import type { Option, QuestionnaireDefinition } from "./definition-schema";

/**
 * The common questionnaire with its benefit grid following a territory's catalogue (order and
 * the territory's own benefits; lib/benefits). Pure: the published definition is never changed,
 * so a version stays what it was published as; answers are keyed by benefit code either way.
 */
export function withBenefitRows(common: QuestionnaireDefinition, rows: Option[]): QuestionnaireDefinition {
  return {
    ...common,
    sections: common.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => (q.type === "benefit_grid" ? { ...q, rows } : q)),
    })),
  };
}

/** A short fingerprint of the rows, for the flow cache's key. */
export const benefitRowsKey = (rows: Option[] | null) =>
  rows ? createHash("sha256").update(JSON.stringify(rows)).digest("base64url").slice(0, 16) : "";
