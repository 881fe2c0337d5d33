import type { Flow } from "@/lib/questionnaire/flow";
import { sampleAnswers, seededPick } from "@/lib/questionnaire/sample-answers";

/** A complete response for integration tests: reproducible varied choices, one neighbourhood. */
export function completeAnswers(flow: Flow, neighbourhoodCode: string, seed = 7) {
  return sampleAnswers(flow, [neighbourhoodCode], seededPick(seed));
}
