import type { Locale } from "@/lib/i18n/locale";
import type { T } from "@/lib/i18n/server";
import { BENEFITS } from "@/lib/questionnaire/content/benefits";
import { NON_RECOURS_TREE } from "@/lib/questionnaire/content/reasons";
import { AGE_BANDS, HOUSEHOLDS, SEXES, type DashboardFilters } from "./filters";
import { choiceIndicatorKey, findChoice, type ChoiceCatalogue } from "./choice-catalogue";
import { DIFFICULTIES, FORMES, RAISONS, parseIndicator } from "./indicators";

type Tk = (key: string, values?: Record<string, string | number>) => string;
const tk = (t: T) => t as unknown as Tk;

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

export function benefitLabel(code: string, locale: Locale): string {
  return BENEFITS.find((b) => b.value === code)?.label[locale] ?? code;
}

function raisonLabel(raison: string, locale: Locale): string {
  for (const f of NON_RECOURS_TREE) for (const r of f.children ?? []) if (r.value === raison) return r.label[locale];
  return raison;
}

/**
 * The indicator's name, in the committee's words. A choice question's share is named by the
 * question and the option, in the latest published version's words (the catalogue).
 */
export function indicatorLabel(key: string, t: T, locale: Locale, catalogue?: ChoiceCatalogue): string {
  const def = parseIndicator(key);
  const k = tk(t);
  if (!def) return key;
  switch (def.kind) {
    case "choice": {
      const found = catalogue && findChoice(catalogue, def.question, def.option);
      return found ? k("dashboard.ind_choice", { question: found.question.label[locale], option: found.option.label[locale] }) : key;
    }
    case "forme": return k("dashboard.ind_forme", { name: k(`dashboard.forme_${def.forme}`) });
    case "raison": return k("dashboard.ind_raison", { name: raisonLabel(def.raison, locale) });
    case "difficulty": return k(`dashboard.ind_difficulty_${def.difficulty}`);
    default: return k(`dashboard.ind_${def.kind}`);
  }
}

/**
 * The indicator picker: the committee's indicators, then one group per section of the common
 * questionnaire and of the module with the share of each option of its choice questions.
 */
export function indicatorGroups(t: T, locale: Locale, catalogue: ChoiceCatalogue = { questions: [] }): OptionGroup[] {
  const k = tk(t);
  const opt = (value: string) => ({ value, label: indicatorLabel(value, t, locale) });
  const sections: OptionGroup[] = [];
  for (const q of catalogue.questions) {
    const label = k(q.source === "common" ? "dashboard.indicatorGroupCommon" : "dashboard.indicatorGroupModule", { section: q.section.title[locale] });
    let group = sections.find((g) => g.label === label);
    if (!group) sections.push((group = { label, options: [] }));
    for (const o of q.options) group.options.push({ value: choiceIndicatorKey(q.id, o.value), label: indicatorLabel(choiceIndicatorKey(q.id, o.value), t, locale, catalogue) });
  }
  return [
    { label: k("dashboard.indicatorGroupGeneral"), options: ["non_recours", "knowledge", ...DIFFICULTIES.map((d) => `difficulty.${d}`), "opt_in"].map(opt) },
    { label: k("dashboard.indicatorGroupForme"), options: FORMES.map((f) => opt(`forme.${f}`)) },
    { label: k("dashboard.indicatorGroupRaison"), options: RAISONS.map((r) => ({ value: `raison.${r.raison}`, label: `${k(`dashboard.forme_${r.forme}`)} — ${raisonLabel(r.raison, locale)}` })) },
    ...sections,
  ];
}

/** The filters' choices; `benefits` are the territory's (benefits.ts), the common ones by default. */
export function filterOptions(t: T, locale: Locale, benefits: Option[] = BENEFITS.map((b) => ({ value: b.value, label: b.label[locale] }))) {
  const k = tk(t);
  return {
    benefits,
    sexes: SEXES.map((s) => ({ value: s, label: k(`dashboard.sex_${s}`) })),
    ages: Object.keys(AGE_BANDS).map((a) => ({ value: a, label: k(`dashboard.age_${a}`) })),
    households: HOUSEHOLDS.map((h) => ({ value: h, label: k(`dashboard.household_${h}`) })),
    modes: (["self", "kiosk", "assisted"] as const).map((m) => ({ value: m, label: k(`dashboard.mode_${m}`) })),
  };
}

/** A one-line description of a view, for the report and the exports. */
export function describeView(
  f: DashboardFilters, t: T, locale: Locale, names: { level: string; site?: string; benefit?: string }, catalogue?: ChoiceCatalogue,
): string {
  const k = tk(t);
  const o = filterOptions(t, locale);
  const find = (list: Option[], v?: string) => list.find((x) => x.value === v)?.label;
  const parts = [indicatorLabel(f.indicator, t, locale, catalogue), `${k("dashboard.level")} : ${names.level}`];
  if (f.benefit) parts.push(`${k("dashboard.benefit")} : ${names.benefit ?? benefitLabel(f.benefit, locale)}`);
  if (f.from || f.to) parts.push(`${f.from ?? "…"} → ${f.to ?? "…"}`);
  if (f.sex) parts.push(`${k("dashboard.sex")} : ${find(o.sexes, f.sex)}`);
  if (f.age) parts.push(`${k("dashboard.age")} : ${find(o.ages, f.age)}`);
  if (f.household) parts.push(`${k("dashboard.household")} : ${find(o.households, f.household)}`);
  if (f.site) parts.push(`${k("dashboard.site")} : ${names.site ?? f.site}`);
  if (f.mode) parts.push(`${k("dashboard.mode")} : ${find(o.modes, f.mode)}`);
  if (f.source && f.source !== "real") parts.push(k(`dashboard.source_${f.source}`));
  return parts.join(" · ");
}

/** "45,2 %" / "45.2 %". */
export function formatRate(v: number | null, locale: Locale): string {
  if (v === null) return "";
  return `${(v * 100).toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}
