import { getDb } from "@/db/client";
import { ImportProblemsTable } from "@/components/detection/import-problems-table";
import { ImportConfirmForm, ImportUploadForm } from "@/components/detection/import-upload-form";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { importLegacyFile } from "@/lib/detection/legacy-import/import-file";
import { IMPORT_PATH } from "@/lib/detection/legacy-import/route-context";
import { readStoredUpload } from "@/lib/detection/legacy-import/upload-store";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("detectionImport.page.title");
}

type Search = { t?: string; fichier?: string; erreur?: string; ajoutees?: string; presentes?: string; refusees?: string };
const ERRORS = ["taille", "fichier", "trop", "expire", "echec"] as const;
const count = (v: string | undefined) => (typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : null);

/**
 * Import of a legacy detection sheet: the template, the upload, its dry run (every problem by row
 * and column; nothing written), then the confirmed import and its counts. Works without JavaScript.
 */
export default async function DetectionImportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("detection:record");
  const sp = await searchParams;
  const { t } = await getT();
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, typeof sp.t === "string" ? sp.t.slice(0, 60) : undefined);
  const q = user.role === "admin" ? `?t=${territory.slug}` : "";
  const error = ERRORS.find((e) => e === sp.erreur);
  const sha = typeof sp.fichier === "string" ? sp.fichier : "";
  const stored = sha ? readStoredUpload(territory.id, user.id, sha) : null;
  const dry = stored ? await importLegacyFile(db, territory.id, stored, { dryRun: true, via: "page", actorUserId: user.id, now: new Date() }) : null;
  const blocking = dry?.problems.some((p) => p.level === "error" && (p.row === null || p.row === 1)) ?? false;
  const added = count(sp.ajoutees);

  return (
    <>
      <h1>{t("detectionImport.page.title")} — {territory.name}</h1>
      <p>{t("detectionImport.page.intro")}</p>
      {error && <p className="error" role="alert">{t(`detectionImport.page.errors.${error}`)}</p>}
      {sha && !stored && !error && <p className="error" role="alert">{t("detectionImport.page.errors.expire")}</p>}
      {added !== null && (
        <section aria-labelledby="resultat" className="card">
          <h2 id="resultat" tabIndex={-1}>{t("detectionImport.page.resultTitle")}</h2>
          <p role="status">{t("detectionImport.page.result", { added, present: count(sp.presentes) ?? 0, refused: count(sp.refusees) ?? 0 })}</p>
        </section>
      )}

      <section aria-labelledby="modele-title">
        <h2 id="modele-title">{t("detectionImport.page.templateTitle")}</h2>
        <p>{t("detectionImport.page.templateIntro")}</p>
        <p><a href={`${IMPORT_PATH}/modele${q}`} download>{t("detectionImport.page.templateLink")}</a></p>
      </section>

      <section aria-labelledby="envoi-title">
        <h2 id="envoi-title">{t("detectionImport.page.uploadTitle")}</h2>
        <ImportUploadForm action={`${IMPORT_PATH}/essai${q}`} progressLabel={t("detectionImport.page.uploadProgress")}>
          <div className="question">
            <label className="label" htmlFor="import-file">{t("detectionImport.page.fileLabel")}</label>
            <p className="hint" id="import-file-hint">{t("detectionImport.page.fileHint")}</p>
            <input id="import-file" name="file" type="file" required aria-describedby="import-file-hint"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          </div>
          <button className="button" type="submit">{t("detectionImport.page.check")}</button>
        </ImportUploadForm>
      </section>

      {dry && (
        <section aria-labelledby="essai" className="card">
          <h2 id="essai" tabIndex={-1}>{t("detectionImport.page.dryRunTitle")}</h2>
          <p role="status">{t("detectionImport.page.dryRunCounts", { rows: dry.dataRows, added: dry.added, present: dry.alreadyPresent, refused: dry.refused })}</p>
          {dry.problems.length > 0 && <ImportProblemsTable problems={dry.problems} t={t} />}
          {blocking ? (
            <p className="error">{t("detectionImport.page.blocked")}</p>
          ) : (
            <ImportConfirmForm action={`${IMPORT_PATH}/importer${q}`} progressLabel={t("detectionImport.page.importProgress")}>
              <input type="hidden" name="fichier" value={sha} />
              {dry.refused > 0 && <input type="hidden" name="refus" value="accepte" />}
              <p className="hint">{t("detectionImport.page.nothingYet")}</p>
              <button className="button" type="submit">
                {dry.refused > 0 ? t("detectionImport.page.importValid", { count: dry.dataRows - dry.refused }) : t("detectionImport.page.import")}
              </button>
            </ImportConfirmForm>
          )}
        </section>
      )}
    </>
  );
}
