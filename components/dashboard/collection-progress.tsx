import type { CollectionProgress } from "@/lib/dashboard/progress";

type Tr = (key: string, values?: Record<string, string | number>) => string;

/** Responses per site, week and interviewer against the target (counts below k hidden). */
export function CollectionProgressSection({ progress, t, locale }: { progress: CollectionProgress; t: Tr; locale: string }) {
  const n = (v: number | null) => (v === null ? t("dashboard.hidden") : v.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB"));
  const table = (id: string, title: string, col: string, rows: CollectionProgress["bySite"], none: string, format = (s: string) => s) => (
    <table className="compact" data-testid={`progress-${id}`}>
      <caption>{title}</caption>
      <thead><tr><th scope="col">{col}</th><th scope="col">{t("dashboard.colCount")}</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}><th scope="row">{r.key === "none" ? none : format(r.label)}</th><td className={r.suppressed ? "hidden-cell" : undefined}>{n(r.count)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  const day = (s: string) => new Date(`${s}T12:00:00Z`).toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB");
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t("dashboard.progressTitle")}</h2>
      {progress.target && progress.total !== null ? (
        <p>
          <label htmlFor="collection-progress">{t("dashboard.progressTarget", { count: progress.total, target: progress.target })}</label>{" "}
          <progress id="collection-progress" max={progress.target} value={Math.min(progress.total, progress.target)} />
        </p>
      ) : (
        <p>{progress.total === null ? t("dashboard.hidden") : t("dashboard.progressTotal", { count: progress.total })}. {t("dashboard.progressNoTarget")}</p>
      )}
      <div className="progress-tables">
        {table("site", t("dashboard.bySite"), t("dashboard.colSite"), progress.bySite, t("dashboard.noSite"))}
        {table("week", t("dashboard.byWeek"), t("dashboard.colWeek"), progress.byWeek, "—", day)}
        {table("interviewer", t("dashboard.byInterviewer"), t("dashboard.colInterviewer"), progress.byInterviewer, t("dashboard.noInterviewer"))}
      </div>
    </section>
  );
}
