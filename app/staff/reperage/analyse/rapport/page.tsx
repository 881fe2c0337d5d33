import Link from "next/link";
import { PrintButton } from "@/components/dashboard/print-button";
import { loadAnalysisRequest } from "@/components/detection/analysis/load-page";
import { RubriquesView } from "@/components/detection/analysis/rubriques-view";
import "@/components/detection/analysis/analysis.css";
import { rubriquesQuery } from "@/lib/detection/rubriques/filters";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("detectionAnalysis.reportPageTitle");
}
export const dynamic = "force-dynamic";

/** The annual report a CCAS hands its board: the same rubriques as the page, laid out for A4 print. */
export default async function AnalysisReport({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, tr, territory, data, slug } = await loadAnalysisRequest(searchParams);
  const r = data.rubriques;
  const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris" });
  const back = `/staff/reperage/analyse?${rubriquesQuery({ ...data.filters, t: slug })}`;
  return (
    <div className="rubriques report">
      <p className="no-print"><Link href={back}>{tr("detectionAnalysis.back")}</Link></p>
      <h1>{tr("detectionAnalysis.reportTitle", { territory: territory.name })}</h1>
      {data.errors.length > 0 && <div className="error-summary" role="alert"><ul>{data.errors.map((e) => <li key={e}>{e}</li>)}</ul></div>}
      <p>{r.filters.from || r.filters.to ? tr("detectionAnalysis.reportPeriod", { from: r.filters.from ? day(r.filters.from) : "…", to: r.filters.to ? day(r.filters.to) : "…" }) : tr("detectionAnalysis.reportAllPeriod")}</p>
      <p>{tr("detectionAnalysis.reportGenerated", { date: new Date().toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris" }) })}</p>
      <p className="notice">{r.audience === "exact" ? tr("detectionAnalysis.figuresExact") : tr("detectionAnalysis.figuresCommittee", { k: r.threshold })}</p>
      {r.audience === "committee" && <p>{tr("detectionAnalysis.hiddenNote", { k: r.threshold })}</p>}
      <PrintButton label={tr("detectionAnalysis.print")} />
      <RubriquesView r={r} tr={tr} locale={locale} map={data.map} />
    </div>
  );
}
