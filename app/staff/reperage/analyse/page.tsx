import Link from "next/link";
import { AnalysisFilterForm } from "@/components/detection/analysis/filter-form";
import { loadAnalysisRequest } from "@/components/detection/analysis/load-page";
import { RubriquesView } from "@/components/detection/analysis/rubriques-view";
import "@/components/detection/analysis/analysis.css";
import { rubriquesQuery } from "@/lib/detection/rubriques/filters";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("detectionAnalysis.pageTitle");
}
export const dynamic = "force-dynamic";

/** The eight rubriques of detection (issue 13 item 3): exact for CCAS staff, protected for the committee. */
export default async function AnalysisPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, tr, territory, data, slug } = await loadAnalysisRequest(searchParams);
  const r = data.rubriques;
  const query = rubriquesQuery({ ...data.filters, t: slug });
  const situations = r.blocks[0].stats[0].value;
  return (
    <div className="rubriques">
      <h1>{tr("detectionAnalysis.title", { territory: territory.name })}</h1>
      <p>{tr("detectionAnalysis.intro")}</p>
      <p className="notice" data-testid="figures-notice">
        {r.audience === "exact" ? tr("detectionAnalysis.figuresExact") : tr("detectionAnalysis.figuresCommittee", { k: r.threshold })}
      </p>
      {data.errors.length > 0 && (
        <div className="error-summary" role="alert">
          <p>{tr("detectionAnalysis.invalid")}</p>
          <ul>{data.errors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      )}
      <AnalysisFilterForm filters={data.filters} options={data.options} tr={tr} slug={slug} action="/staff/reperage/analyse" />
      <p className="no-print rubriques-links">
        <Link href={`/staff/reperage/analyse/rapport?${query}`}>{tr("detectionAnalysis.reportLink")}</Link>{" · "}
        <a href={`/api/reperage/rubriques/export?${rubriquesQuery({ ...data.filters, t: slug }, { format: "csv" })}`} download>{tr("detectionAnalysis.exportCsv")}</a>{" · "}
        <a href={`/api/reperage/rubriques/export?${rubriquesQuery({ ...data.filters, t: slug }, { format: "xlsx" })}`} download>{tr("detectionAnalysis.exportXlsx")}</a>
      </p>
      {situations === 0 && <p className="notice">{tr("detectionAnalysis.noSituation")}</p>}
      {r.audience === "committee" && <p>{tr("detectionAnalysis.hiddenNote", { k: r.threshold })}</p>}
      <RubriquesView r={r} tr={tr} locale={locale} map={data.map} />
    </div>
  );
}
