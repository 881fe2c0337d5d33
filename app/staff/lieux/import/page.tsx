import Link from "next/link";
import { readStoredUpload } from "@/lib/detection/legacy-import/upload-store";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { readPlacesFile } from "@/lib/places/import-file";
import { placesPage } from "@/lib/places/staff-context";
import { importHelpPoints, type ImportReport } from "@/lib/places/store";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("places.importTitle");
}

const ERRORS = ["trop", "taille", "fichier", "expire"] as const;

/** Upload (JSON or CSV) → dry run listing every error by row and column → confirmed import. */
export default async function ImportHelpPoints({ searchParams }: { searchParams: Promise<{ t?: string; fichier?: string; erreur?: string }> }) {
  const sp = await searchParams;
  const { user, db, territory, href } = await placesPage(sp.t);
  const { t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const error = ERRORS.find((e) => e === sp.erreur);
  const sha = (sp.fichier ?? "").slice(0, 64);
  const bytes = sha ? readStoredUpload(territory.id, user.id, sha) : null;
  const file = bytes ? readPlacesFile(bytes) : null;
  let report: ImportReport | null = null;
  if (file && !("error" in file)) {
    report = await importHelpPoints(db, territory.id, file.rows, { dryRun: true, firstRowNumber: file.firstRowNumber, source: "data-inclusion", actor: { userId: user.id, kind: "staff" } });
  }
  const adminQ = user.role === "admin" ? `?t=${encodeURIComponent(territory.slug)}` : "";
  return (
    <>
      <p><Link href={href()}>{t("places.back")}</Link></p>
      <h1>{t("places.importTitle")}</h1>
      <p>{t("places.importIntro")}</p>
      {error && <p className="notice" role="alert">{tk(`places.importErrors.${error}`)}</p>}
      {sha && !bytes && <p className="notice" role="alert">{t("places.importErrors.expire")}</p>}
      <form method="post" action={`/staff/lieux/import/essai${adminQ}`} encType="multipart/form-data" className="card">
        <div className="question">
          <label className="label" htmlFor="file">{t("places.importFile")}</label>
          <p className="hint" id="file-hint">{t("places.importFileHint")}</p>
          <input id="file" name="file" type="file" accept=".json,.csv,application/json,text/csv" required aria-describedby="file-hint" />
        </div>
        <button className="button" type="submit">{t("places.importCheck")}</button>
      </form>
      {file && "error" in file && <p className="notice" role="alert" id="essai">{file.error}</p>}
      {report && (
        <section aria-labelledby="essai" className="card">
          <h2 id="essai" tabIndex={-1}>{t("places.dryRunTitle")}</h2>
          <p role="status" data-testid="dry-run-summary">{tk("places.dryRunSummary", { created: report.created, updated: report.updated, issues: report.issues.length })}</p>
          {report.issues.length > 0 ? (
            <table data-testid="import-issues">
              <caption>{t("places.issuesCaption")}</caption>
              <thead><tr><th scope="col">{t("places.colRow")}</th><th scope="col">{t("places.colColumn")}</th><th scope="col">{t("places.colMessage")}</th></tr></thead>
              <tbody>{report.issues.map((i, k) => <tr key={k}><td>{i.row}</td><td><code>{i.column}</code></td><td>{i.message}</td></tr>)}</tbody>
            </table>
          ) : (
            <form method="post" action={`/staff/lieux/import/importer${adminQ}`}>
              <input type="hidden" name="fichier" value={sha} />
              <button className="button" type="submit">{tk("places.importConfirm", { count: report.created + report.updated })}</button>
            </form>
          )}
        </section>
      )}
    </>
  );
}
