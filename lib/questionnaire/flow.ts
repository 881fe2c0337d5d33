import type { Answers } from "@/db/schema/responses";
import { evaluate, isAnswered, referencedQuestions, rowMatches } from "./conditions";
import { PREFER_NOT } from "./constants";
import type {
  CascadeOption, Question, QuestionnaireDefinition, QuestionOf, Section,
} from "./definition-schema";

/**
 * The flow is the common questionnaire followed by the territory's module, as one list of
 * sections. Everything here is pure: it takes the definitions and the answers.
 */
export type FlowSection = Section & { source: "common" | "module" };
export type Flow = {
  sections: FlowSection[];
  questions: Map<string, Question>;
  /**
   * A partial flow (one section, for the browser) treats answers to questions it does not
   * hold as already settled by the server, instead of dropping them.
   */
  partial?: boolean;
};

export function buildFlow(common: QuestionnaireDefinition, module?: QuestionnaireDefinition | null): Flow {
  const sections: FlowSection[] = [
    ...common.sections.map((s) => ({ ...s, source: "common" as const })),
    ...(module?.sections ?? []).map((s) => ({ ...s, source: "module" as const })),
  ];
  const questions = new Map<string, Question>();
  for (const s of sections) {
    for (const q of s.questions) {
      if (questions.has(q.id)) throw new Error(`Question id ${q.id} is defined twice in the flow`);
      questions.set(q.id, q);
    }
  }
  return { sections, questions };
}

/** The slice of a flow the browser needs for one section: the section and the grids it reads. */
export function partialFlow(flow: Flow, sectionId: string): Flow {
  const section = flow.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`Unknown section ${sectionId}`);
  const questions = new Map(section.questions.map((q) => [q.id, q] as [string, Question]));
  for (const q of section.questions) {
    if (q.type === "cascade" && q.forEach) {
      const grid = flow.questions.get(q.forEach.q);
      if (grid) questions.set(grid.id, grid);
    }
  }
  return { sections: [section], questions, partial: true };
}

/** Problems that would make a definition unusable: conditions that look forward or nowhere. */
export function checkFlow(flow: Flow): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of flow.sections) {
    for (const ref of referencedQuestions(s.showIf)) {
      if (!seen.has(ref)) problems.push(`section ${s.id}: condition on ${ref}, not asked before`);
    }
    for (const q of s.questions) {
      for (const ref of referencedQuestions(q.showIf)) {
        if (!seen.has(ref)) problems.push(`question ${q.id}: condition on ${ref}, not asked before`);
      }
      if (q.type === "single" || q.type === "multiple") {
        for (const ref of q.options.flatMap((o) => referencedQuestions(o.showIf))) {
          if (!seen.has(ref)) problems.push(`question ${q.id}: choice filter on ${ref}, not asked before`);
        }
      }
      for (const ref of referencedQuestions(q.constraint?.test)) {
        if (ref !== q.id && !seen.has(ref)) problems.push(`question ${q.id}: constraint on ${ref}, not asked before`);
      }
      if (q.type === "cascade" && q.forEach) {
        const grid = flow.questions.get(q.forEach.q);
        if (!grid || grid.type !== "benefit_grid" || !seen.has(grid.id)) {
          problems.push(`question ${q.id}: forEach needs an earlier benefit grid`);
        }
      }
      seen.add(q.id);
    }
  }
  return problems;
}

/** Rows of the earlier grid for which a `forEach` cascade is asked. */
export function cascadeItems(flow: Flow, q: QuestionOf<"cascade">, answers: Answers): string[] {
  if (!q.forEach) return [""];
  const grid = flow.questions.get(q.forEach.q);
  if (!grid || grid.type !== "benefit_grid") return [];
  const cells = (answers[grid.id] ?? {}) as Record<string, Record<string, string>>;
  return grid.rows.map((r) => r.value).filter((row) => rowMatches(cells[row], q.forEach!.where));
}

export function cascadeRowLabel(flow: Flow, q: QuestionOf<"cascade">, item: string) {
  if (!q.forEach) return undefined;
  const grid = flow.questions.get(q.forEach.q);
  return grid?.type === "benefit_grid" ? grid.rows.find((r) => r.value === item)?.label : undefined;
}

/** The options of cascade level `depth`, given the choices above it. */
export function cascadeOptionsAt(q: QuestionOf<"cascade">, path: (string | undefined)[], depth: number) {
  let options: CascadeOption[] | undefined = q.options;
  for (let i = 0; i < depth; i++) {
    options = options?.find((o) => o.value === path[i])?.children;
  }
  return options ?? [];
}

function pruneValue(flow: Flow, q: Question, value: unknown, answers: Answers): unknown {
  if (!isAnswered(value)) return undefined;
  if ((q.type === "single" || q.type === "multiple") && q.options.some((o) => o.showIf)) {
    // A choice no longer offered after an earlier answer changed (choice_filter) is dropped.
    const offered = new Set(q.options.filter((o) => evaluate(o.showIf, answers)).map((o) => o.value));
    offered.add(PREFER_NOT);
    if (Array.isArray(value)) {
      const kept = value.filter((v) => offered.has(String(v)));
      return kept.length ? kept : undefined;
    }
    return offered.has(String(value)) ? value : undefined;
  }
  if (q.type === "benefit_grid" && typeof value === "object" && !Array.isArray(value)) {
    const out: Record<string, Record<string, string>> = {};
    for (const [row, cells] of Object.entries(value as Record<string, Record<string, string>>)) {
      const kept: Record<string, string> = {};
      for (const col of q.columns) {
        // Columns are tested in order, so a column hidden by an earlier one stays hidden.
        if (cells?.[col.id] !== undefined && rowMatches(kept, col.showIf)) kept[col.id] = cells[col.id];
      }
      if (Object.keys(kept).length) out[row] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (q.type === "cascade" && q.forEach && typeof value === "object" && !Array.isArray(value)) {
    const items = new Set(cascadeItems(flow, q, answers));
    const out = Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(([item]) => items.has(item)),
    );
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

export type Visibility = { answers: Answers; sections: FlowSection[]; questions: Set<string> };

/**
 * Walks the flow in order and keeps only what is visible: answers to hidden questions (or
 * hidden grid cells, or cascades for rows no longer concerned) are dropped, so a changed
 * earlier answer never leaves stale data behind.
 */
export function resolveVisibility(flow: Flow, answers: Answers): Visibility {
  const kept: Answers = {};
  if (flow.partial) {
    const own = new Set(flow.sections.flatMap((s) => s.questions.map((q) => q.id)));
    for (const [id, v] of Object.entries(answers)) if (!own.has(id)) kept[id] = v;
  }
  const sections: FlowSection[] = [];
  const questions = new Set<string>();
  for (const s of flow.sections) {
    if (!evaluate(s.showIf, kept)) continue;
    let any = false;
    for (const q of s.questions) {
      if (!evaluate(q.showIf, kept)) continue;
      if (q.type === "cascade" && cascadeItems(flow, q, kept).length === 0) continue;
      any = true;
      questions.add(q.id);
      const v = pruneValue(flow, q, answers[q.id], kept);
      if (v !== undefined) kept[q.id] = v;
    }
    if (any) sections.push(s);
  }
  return { answers: kept, sections, questions };
}

export function sectionPosition(visible: FlowSection[], sectionId: string) {
  const index = visible.findIndex((s) => s.id === sectionId);
  return {
    index,
    total: visible.length,
    previous: index > 0 ? visible[index - 1].id : undefined,
    next: index >= 0 && index < visible.length - 1 ? visible[index + 1].id : undefined,
  };
}
