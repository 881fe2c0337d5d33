import { localize, type Locale } from "@/lib/i18n/locale";
import type { Flow } from "./flow";

/**
 * The name of the question a form field belongs to, for the error summary: "Votre année de
 * naissance", or for a cell "Connaissez-vous ces aides ? — RSA". A summary of five identical
 * "Please answer this question" links would not say where to go.
 */
export function errorFieldLabel(flow: Pick<Flow, "questions">, field: string, locale: Locale): string {
  const [, questionId, ...rest] = field.split("__");
  const q = questionId ? flow.questions.get(questionId) : undefined;
  if (!q) return "";
  const label = localize(q.label, locale).trim();
  if (q.type === "benefit_grid" && rest.length === 2) {
    const row = q.rows.find((r) => r.value === rest[0]);
    const col = q.columns.find((c) => c.id === rest[1]);
    return [label, row && localize(row.label, locale), col && localize(col.label, locale)].filter(Boolean).join(" — ");
  }
  if (q.type === "cascade" && rest.length >= 1) {
    const levelId = rest[rest.length - 1];
    const item = rest.length === 2 ? rest[0] : undefined;
    const grid = q.forEach ? flow.questions.get(q.forEach.q) : undefined;
    const row = item && grid?.type === "benefit_grid" ? grid.rows.find((r) => r.value === item) : undefined;
    const level = q.levels.find((l) => l.id === levelId);
    return [label, row && localize(row.label, locale), level && localize(level.label, locale)].filter(Boolean).join(" — ");
  }
  return label;
}
