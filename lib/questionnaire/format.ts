import type { Answers } from "@/db/schema/responses";
import { localize, type Locale } from "@/lib/i18n/locale";
import {
  DONT_KNOW, OUTSIDE_TERRITORY, PREFER_NOT, type CascadeOption, type Question,
} from "./definition-schema";
import { cascadeRowLabel, type Flow } from "./flow";

export type FormatStrings = { yes: string; no: string; dontKnow: string; preferNot: string; outside: string };

function cascadePath(options: CascadeOption[], levels: string[], chosen: Record<string, string>, locale: Locale) {
  const labels: string[] = [];
  let current: CascadeOption[] | undefined = options;
  for (const level of levels) {
    const o: CascadeOption | undefined = current?.find((x) => x.value === chosen[level]);
    if (!o) break;
    labels.push(localize(o.label, locale));
    current = o.children;
  }
  return labels.join(" › ");
}

/** Human-readable lines of one answer, for the review page. */
export function formatAnswer(
  flow: Flow, q: Question, value: unknown, answers: Answers, locale: Locale, s: FormatStrings,
  neighbourhoodName: (code: string) => string | undefined,
): string[] {
  if (value === undefined) return [];
  if (value === PREFER_NOT) return [s.preferNot];
  const label = (options: { value: string; label: { fr: string; en: string } }[], v: string) =>
    localize(options.find((o) => o.value === v)?.label, locale) || v;
  switch (q.type) {
    case "single":
      return [label(q.options, String(value))];
    case "multiple":
      return [(value as string[]).map((v) => label(q.options, v)).join(", ")];
    case "yes_no":
      return [value === "yes" ? s.yes : value === "no" ? s.no : s.dontKnow];
    case "neighbourhood":
      return [value === OUTSIDE_TERRITORY ? s.outside : value === DONT_KNOW ? s.dontKnow : neighbourhoodName(String(value)) ?? String(value)];
    case "note":
      return [];
    case "decimal":
      return [locale === "fr" ? String(value).replace(".", ",") : String(value)];
    case "date": {
      const [y, m, d] = String(value).split("-");
      return [locale === "fr" ? `${d}/${m}/${y}` : String(value)];
    }
    case "number":
    case "year":
    case "text":
    case "long_text":
      return [String(value)];
    case "benefit_grid":
      return Object.entries(value as Record<string, Record<string, string>>).map(([row, cells]) => {
        const parts = q.columns
          .filter((c) => cells[c.id] !== undefined)
          .map((c) => `${localize(c.label, locale)} ${label(c.options, cells[c.id]).toLowerCase()}`);
        return `${label(q.rows, row)} : ${parts.join(" ; ")}`;
      });
    case "cascade": {
      const levels = q.levels.map((l) => l.id);
      if (!q.forEach) return [cascadePath(q.options, levels, value as Record<string, string>, locale)];
      return Object.entries(value as Record<string, Record<string, string>>).map(
        ([item, chosen]) => `${localize(cascadeRowLabel(flow, q, item), locale)} : ${cascadePath(q.options, levels, chosen, locale)}`,
      );
    }
  }
}
