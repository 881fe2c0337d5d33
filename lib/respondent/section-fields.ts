import type { Section } from "@/lib/questionnaire/definition-schema";
import { cascadeItems, type Flow } from "@/lib/questionnaire/flow";
import { fieldName, preferNotField } from "@/lib/questionnaire/form-fields";
import type { Answers } from "@/db/schema";

/** Every field name a section's form may post; anything else is an unknown question. */
export function allowedFieldNames(flow: Flow, section: Section, answers: Answers): Set<string> {
  const names = new Set<string>();
  for (const q of section.questions) {
    names.add(fieldName(q.id));
    names.add(preferNotField(q.id));
    if (q.type === "benefit_grid") {
      for (const r of q.rows) for (const c of q.columns) names.add(fieldName(q.id, r.value, c.id));
    }
    if (q.type === "cascade") {
      const items = q.forEach
        ? (flow.questions.get(q.forEach.q) as { rows?: { value: string }[] } | undefined)?.rows?.map((r) => r.value) ?? []
        : [""];
      for (const item of new Set([...items, ...cascadeItems(flow, q, answers)])) {
        for (const l of q.levels) names.add(fieldName(q.id, item, l.id));
      }
    }
  }
  return names;
}

export function postedFieldValues(form: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of form) if (k.startsWith("q__") || k.startsWith("pn__")) (out[k] ??= []).push(v.slice(0, 4000));
  return out;
}
