"use client";

import type { Option, OptionGroup } from "./types";

type Tr = (key: string, values?: Record<string, string | number>) => string;
export type FilterValues = Record<string, string>;
export type FilterOptions = {
  indicators: OptionGroup[]; benefits: Option[]; sexes: Option[]; ages: Option[]; households: Option[];
  modes: Option[]; sites: Option[]; levels: Option[]; sources: Option[] | null;
  /** Exact or committee figures: offered to the territory lead and the admin only. */
  figures: Option[] | null;
};

/**
 * The view's filters as a GET form (works without JavaScript: the page reloads with the new
 * URL). With JavaScript, each change updates the view in place and the address bar.
 */
export function FilterForm({ values, options, t, territorySlug, onChange }: {
  values: FilterValues; options: FilterOptions; t: Tr; territorySlug?: string; onChange?: (name: string, value: string) => void;
}) {
  const select = (name: string, label: string, opts: Option[], anyLabel?: string) => (
    <div className="filter">
      <label className="label" htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} value={values[name] ?? ""} onChange={(e) => onChange?.(name, e.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
  return (
    <form method="get" action="/staff/tableau-de-bord" className="card dashboard-filters" aria-label={t("dashboard.filters")}
      onSubmit={(e) => { if (onChange) e.preventDefault(); }}>
      {territorySlug && <input type="hidden" name="t" value={territorySlug} />}
      <div className="filter wide">
        <label className="label" htmlFor="f-indicator">{t("dashboard.indicator")}</label>
        <select id="f-indicator" name="indicator" value={values.indicator ?? "non_recours"} onChange={(e) => onChange?.("indicator", e.target.value)}>
          {options.indicators.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </optgroup>
          ))}
        </select>
      </div>
      {select("benefit", t("dashboard.benefit"), options.benefits, t("dashboard.anyBenefit"))}
      {select("level", t("dashboard.level"), options.levels)}
      <div className="filter">
        <label className="label" htmlFor="f-from">{t("dashboard.from")}</label>
        <input id="f-from" type="date" name="from" value={values.from ?? ""} onChange={(e) => onChange?.("from", e.target.value)} />
      </div>
      <div className="filter">
        <label className="label" htmlFor="f-to">{t("dashboard.to")}</label>
        <input id="f-to" type="date" name="to" value={values.to ?? ""} onChange={(e) => onChange?.("to", e.target.value)} />
      </div>
      {select("sex", t("dashboard.sex"), options.sexes, t("dashboard.any"))}
      {select("age", t("dashboard.age"), options.ages, t("dashboard.any"))}
      {select("household", t("dashboard.household"), options.households, t("dashboard.any"))}
      {select("site", t("dashboard.site"), options.sites, t("dashboard.any"))}
      {select("mode", t("dashboard.mode"), options.modes, t("dashboard.any"))}
      {options.sources && select("source", t("dashboard.source"), options.sources)}
      {options.figures && select("figures", t("dashboard.figures"), options.figures)}
      <div className="filter actions-row">
        <button className="button" type="submit">{t("dashboard.apply")}</button>
        <a href={`/staff/tableau-de-bord${territorySlug ? `?t=${territorySlug}` : ""}`}>{t("dashboard.reset")}</a>
      </div>
    </form>
  );
}
