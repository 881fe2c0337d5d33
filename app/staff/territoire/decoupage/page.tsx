import Link from "next/link";
import { getDb } from "@/db/client";
import { BoundaryPreviewMap } from "@/components/territories/boundary-preview-map";
import { ImportChanges } from "@/components/territories/import-changes";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import type { ImportDiff } from "@/lib/territories/boundaries/diff";
import { formatIssue } from "@/lib/territories/boundaries/messages";
import { planImport } from "@/lib/territories/boundaries/plan";
import { loadStaged } from "@/lib/territories/boundaries/staging";
import type { ImportPlan } from "@/lib/territories/boundaries/types";
import { LEVEL_SLOTS } from "@/lib/territories/boundaries/upload";
import { previewImport } from "@/lib/territories/boundaries/write";
import { listAreasByLevel } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("boundaryImport.title");
}

const UPLOAD_ERRORS = ["none", "key", "name", "tooLarge", "notUtf8", "zipEmpty", "zipSeveral", "zip", "type", "tooMany"];
const ZIP_DETAILS = ["too_many_entries", "entry_too_large", "total_too_large", "too_large", "corrupt", "not_zip", "ratio"];
const MAX_ISSUES_SHOWN = 100;

type Search = { t?: string; import?: string; erreur?: string; niveau?: string; detail?: string; fait?: string };

function planGeo(plan: ImportPlan, index: number) {
  const level = plan.levels[index];
  return {
    type: "FeatureCollection" as const,
    features: level.areas.map((a) => ({ type: "Feature" as const, properties: { code: a.code, name: a.name }, geometry: a.geometry })),
  };
}

/**
 * The territory's boundaries import (admin: any territory with ?t=; territory_admin: their own):
 * 1. upload one GeoJSON per level, 2. choose the code / name / parent-code properties,
 * 3. preview (map and tables, what will change), then save; every step is a plain form post.
 */
export default async function BoundariesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const q = await searchParams;
  const user = await requirePermission("territory:configure");
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, q.t);
  const { t } = await getT();
  const loose = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const tq = user.role === "admin" ? `?t=${territory.slug}` : "";
  const current = await listAreasByLevel(db, territory.id);
  const staged = q.import ? loadStaged(q.import, user.id, territory.id) : null;

  const uploadError = q.erreur && UPLOAD_ERRORS.includes(q.erreur)
    ? loose(`boundaryImport.errors.${q.erreur}`, {
      n: Number(q.niveau) || 1,
      detail: q.detail && ZIP_DETAILS.includes(q.detail) ? loose(`boundaryImport.errors.zipDetail.${q.detail}`) : "",
    })
    : q.import && !staged ? t("boundaryImport.errors.expired") : null;

  let plan: ImportPlan | null = null;
  let previewDiff: ImportDiff | null = null;
  if (staged?.stage === "checked") {
    plan = planImport(staged.levels.map((l) => ({ key: l.key, name: l.name, file: l.file, text: l.text, ...l.mapping }))).plan;
    if (plan) previewDiff = await previewImport(db, territory.id, plan);
  }
  const changeStrings = (title: string) => ({
    title, none: t("boundaryImport.changes.none"),
    retiredLevels: (list: string) => t("boundaryImport.changes.retiredLevels", { list }),
    count: (kind: string, n: number) => loose(`boundaryImport.changes.${kind}`, { count: n }),
    list: (label: string, items: string) => t("boundaryImport.changes.list", { label, items }),
  });
  const issues = staged?.issues ?? [];
  const mappable = staged && staged.stage !== "saved" && staged.levels.every((l) => l.text !== "" && l.properties.length > 0);
  const byCode = (levelIndex: number) => new Map((plan?.levels[levelIndex]?.areas ?? []).map((a) => [a.code, a.name]));

  return (
    <>
      <p><Link href={`/staff/reglages${tq}`}>{t("settingsHub.back")}</Link></p>
      <h1>{t("boundaryImport.title")}</h1>
      <p className="muted">{t("bookingSettings.territory", { territory: territory.name })}</p>
      {staged?.stage === "saved" && q.fait && <p className="notice" role="status">{t("boundaryImport.changes.saved")}</p>}
      <p>{t("boundaryImport.intro")}</p>

      <section aria-labelledby="actuel">
        <h2 id="actuel">{t("boundaryImport.current")}</h2>
        {current.length === 0 ? <p>{t("boundaryImport.currentNone")}</p> : (
          <ul>{current.map((l) => <li key={l.id}>{t("boundaryImport.currentLevel", { name: l.name, count: l.areas.length })}</li>)}</ul>
        )}
      </section>

      {(uploadError || issues.length > 0) && (
        <div className="error-summary" role="alert" id="erreurs" tabIndex={-1}>
          <h2>{t("boundaryImport.errors.title")}</h2>
          <ul>
            {uploadError && <li>{uploadError}</li>}
            {issues.slice(0, MAX_ISSUES_SHOWN).map((i, k) => <li key={k}>{formatIssue(i, t)}</li>)}
          </ul>
          {issues.length > MAX_ISSUES_SHOWN && <p>{t("boundaryImport.errors.more", { count: issues.length - MAX_ISSUES_SHOWN })}</p>}
        </div>
      )}

      {staged?.stage === "saved" && staged.diff && (
        <ImportChanges id="changements" diff={staged.diff} strings={changeStrings(t("boundaryImport.changes.done"))} />
      )}

      {mappable && staged && (
        <section aria-labelledby="correspondance">
          <h2 id="correspondance">{t("boundaryImport.mapping.title")}</h2>
          <form method="post" action={`/api/territoire/decoupage/${staged.id}/verifier${tq}`}>
            {staged.levels.map((l, i) => (
              <fieldset key={l.key} className="card">
                <legend>{t("boundaryImport.mapping.level", { n: i + 1, name: l.name, file: l.file })}</legend>
                {(["code", "nom", "parent"] as const).filter((f) => f !== "parent" || i > 0).map((f) => {
                  const value = f === "code" ? l.mapping.codeProperty : f === "nom" ? l.mapping.nameProperty : l.mapping.parentProperty ?? "";
                  return (
                    <div className="question" key={f}>
                      <label htmlFor={`${f}_${i}`}>{t(`boundaryImport.mapping.${f === "nom" ? "name" : f}`)}</label>
                      <select id={`${f}_${i}`} name={`${f}_${i}`} defaultValue={value}>
                        {f === "parent" && <option value="">{t("boundaryImport.mapping.byContainment")}</option>}
                        {l.properties.map((p) => <option key={p} value={p}>{p}</option>)}
                      </select>
                    </div>
                  );
                })}
              </fieldset>
            ))}
            <button type="submit" className="button">{t("boundaryImport.mapping.submit")}</button>
          </form>
        </section>
      )}

      {plan && previewDiff && staged && (
        <section aria-labelledby="apercu-titre" id="apercu">
          <h2 id="apercu-titre">{t("boundaryImport.preview.title")}</h2>
          <ImportChanges id="previsions" diff={previewDiff} strings={changeStrings(t("boundaryImport.changes.preview"))} />
          <BoundaryPreviewMap fine={planGeo(plan, plan.levels.length - 1)} coarse={plan.levels.length > 1 ? planGeo(plan, 0) : null}
            label={t("boundaryImport.preview.mapLabel")} unavailable={t("boundaryImport.preview.mapUnavailable")} />
          <p>{t("boundaryImport.preview.mapNote")}</p>
          {plan.levels.map((l, i) => {
            const parents = i > 0 ? byCode(i - 1) : null;
            return (
              <table key={l.key} className="calendar-table">
                <caption>{t("boundaryImport.preview.table", { name: l.name, count: l.areas.length })}</caption>
                <thead><tr><th scope="col">{t("boundaryImport.preview.code")}</th><th scope="col">{t("boundaryImport.preview.area")}</th>{parents && <th scope="col">{t("boundaryImport.preview.parent")}</th>}</tr></thead>
                <tbody>
                  {l.areas.map((a) => (
                    <tr key={a.code}><td>{a.code}</td><th scope="row">{a.name}</th>{parents && <td>{a.parentCode ? `${parents.get(a.parentCode) ?? ""} (${a.parentCode})` : ""}</td>}</tr>
                  ))}
                </tbody>
              </table>
            );
          })}
          <form method="post" action={`/api/territoire/decoupage/${staged.id}/enregistrer${tq}`} className="actions">
            <button type="submit" className="button">{t("boundaryImport.preview.submit")}</button>
          </form>
          <p><Link href={`/staff/territoire/decoupage${tq}`}>{t("boundaryImport.preview.restart")}</Link></p>
        </section>
      )}

      {!plan && (
        <section aria-labelledby="depot">
          <h2 id="depot">{t("boundaryImport.upload.title")}</h2>
          <form method="post" encType="multipart/form-data" action={`/api/territoire/decoupage${tq}`}>
            {Array.from({ length: LEVEL_SLOTS }, (_, i) => {
              const existing = current[i];
              const optional = i > 0;
              return (
                <fieldset key={i} className="card">
                  <legend>{t("boundaryImport.upload.level", { n: i + 1 })}{i === 0 && ` (${t("boundaryImport.upload.coarsest")})`}{optional && <span className="tag"> {t("boundaryImport.upload.optional")}</span>}</legend>
                  <div className="question">
                    <label htmlFor={`niveau${i}_cle`}>{t("boundaryImport.upload.key")}</label>
                    <p className="hint" id={`niveau${i}_cle-hint`}>{t("boundaryImport.upload.keyHint")}</p>
                    <input type="text" id={`niveau${i}_cle`} name={`niveau${i}_cle`} defaultValue={existing?.key ?? ""} maxLength={40}
                      pattern="[a-z0-9_]{1,40}" aria-describedby={`niveau${i}_cle-hint`} autoComplete="off" />
                  </div>
                  <div className="question">
                    <label htmlFor={`niveau${i}_nom`}>{t("boundaryImport.upload.name")}</label>
                    <p className="hint" id={`niveau${i}_nom-hint`}>{t("boundaryImport.upload.nameHint")}</p>
                    <input type="text" id={`niveau${i}_nom`} name={`niveau${i}_nom`} defaultValue={existing?.name ?? ""} maxLength={80}
                      aria-describedby={`niveau${i}_nom-hint`} autoComplete="off" />
                  </div>
                  <div className="question">
                    <label htmlFor={`niveau${i}_fichier`}>{t("boundaryImport.upload.file")}</label>
                    <p className="hint" id={`niveau${i}_fichier-hint`}>{t("boundaryImport.upload.fileHint")}</p>
                    <input type="file" id={`niveau${i}_fichier`} name={`niveau${i}_fichier`} aria-describedby={`niveau${i}_fichier-hint`} accept=".geojson,.json,.zip,application/geo+json,application/json,application/zip" />
                  </div>
                </fieldset>
              );
            })}
            <button type="submit" className="button">{t("boundaryImport.upload.submit")}</button>
          </form>
        </section>
      )}
    </>
  );
}
