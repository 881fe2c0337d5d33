import type { AnalysisOptions } from "@/lib/detection/rubriques/page-data";
import type { RubriquesFilters } from "@/lib/detection/rubriques/filters";
import type { Tr } from "./format";

type Option = { value: string; label: string };

function Select({ name, label, value, options, all, groups }: { name: string; label: string; value?: string; options: Option[]; all: string; groups?: { label: string; options: Option[] }[] }) {
  return (
    <div className="question">
      <label className="label" htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {groups?.map((g) => <optgroup key={g.label} label={g.label}>{g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>)}
      </select>
    </div>
  );
}

/** The rubriques' filters as a GET form: the URL is the view (shareable, works without JavaScript). */
export function AnalysisFilterForm({ filters, options, tr, slug, action }: { filters: RubriquesFilters; options: AnalysisOptions; tr: Tr; slug?: string; action: string }) {
  const all = tr("detectionAnalysis.all");
  return (
    <form method="get" action={action} className="no-print rubriques-filters">
      {slug && <input type="hidden" name="t" value={slug} />}
      <fieldset>
        <legend>{tr("detectionAnalysis.filtersLegend")}</legend>
        <div className="question">
          <label className="label" htmlFor="f-from">{tr("detectionAnalysis.from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="question">
          <label className="label" htmlFor="f-to">{tr("detectionAnalysis.to")}</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <Select name="service" label={tr("detectionAnalysis.service")} value={filters.service} options={options.services} all={all} />
        <Select name="sector" label={tr("detectionAnalysis.sector")} value={filters.sector} options={options.sectors} all={all} />
        <Select name="benefit" label={tr("detectionAnalysis.benefit")} value={filters.benefit} all={all}
          options={options.groups.map((g) => ({ ...g, label: tr("detectionAnalysis.groupOption", { label: g.label }) }))}
          groups={[{ label: tr("detectionAnalysis.benefit"), options: options.benefits }]} />
        <Select name="actor" label={tr("detectionAnalysis.actor")} value={filters.actor} options={options.actors} all={all} />
        {options.figures && (
          <div className="question">
            <label className="label" htmlFor="f-figures">{tr("detectionAnalysis.figures")}</label>
            <select id="f-figures" name="figures" defaultValue={filters.figures ?? "exact"}>
              <option value="exact">{tr("detectionAnalysis.figures_exact")}</option>
              <option value="published">{tr("detectionAnalysis.figures_published")}</option>
            </select>
          </div>
        )}
        <button className="button" type="submit">{tr("detectionAnalysis.apply")}</button>
      </fieldset>
    </form>
  );
}
