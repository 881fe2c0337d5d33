import Link from "next/link";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { settingsContext } from "@/lib/booking/settings/context";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { decodeRowErrors } from "@/lib/sites/import-errors";
import { listSitesForAdmin } from "@/lib/sites/manage-sites";
import { saveSiteAction } from "./actions";
import { siteFields } from "./site-fields";

export function generateMetadata() {
  return pageTitle("sitesAdmin.title");
}

export const dynamic = "force-dynamic";

const DONE = ["created", "updated", "archived", "restored"] as const;

/** The territory's collection sites: list, add, archive / restore, import from CSV or GeoJSON, QR sheet. */
export default async function SitesPage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string; importe?: string; erreurs?: string }> }) {
  const sp = await searchParams;
  const { territory, user, db } = await settingsContext(sp.t);
  const { t } = await getT();
  const loose = t as unknown as (key: string, v?: Record<string, string | number>) => string;
  const q = user.role === "admin" ? `?t=${territory.slug}` : "";
  const list = await listSitesForAdmin(db, territory.id);
  const done = DONE.find((d) => d === sp.fait);
  const imported = /^(\d{1,5})-(\d{1,5})$/.exec(sp.importe ?? "");
  const rowErrors = decodeRowErrors(sp.erreurs);
  const fieldName = (f: string) => (["code", "name", "kind", "address", "phone", "lon", "lat"].includes(f) ? loose(`sitesAdmin.fields.${f}`) : f);
  const errors = (t.raw as (k: string) => unknown)("sitesAdmin.errors") as Record<string, string>;
  return (
    <>
      <h1>{t("sitesAdmin.title")} — {territory.name}</h1>
      <p>{t("sitesAdmin.intro")}</p>
      <p><Link href={`/staff/liens?t=${territory.slug}`}>{t("sitesAdmin.qrSheet")}</Link></p>
      {done && <p className="notice" role="status">{loose(`sitesAdmin.done.${done}`)}</p>}
      {imported && <p className="notice" role="status">{t("sitesAdmin.imported", { created: Number(imported[1]), updated: Number(imported[2]) })}</p>}
      {rowErrors.length > 0 && (
        <div className="error-summary" role="alert" id="import-errors">
          <h2>{t("sitesAdmin.importFailed")}</h2>
          <ul>
            {rowErrors.map((e, i) => (
              <li key={i}>{e.row > 0
                ? t("sitesAdmin.rowError", { row: e.row, field: fieldName(e.field), message: errors[e.message] ?? e.message })
                : errors[e.message] ?? e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {list.length === 0 ? <p>{t("sitesAdmin.none")}</p> : (
        <div className="table-scroll">
          <table className="queue-table">
            <thead>
              <tr>
                <th scope="col">{t("sitesAdmin.colName")}</th>
                <th scope="col">{t("sitesAdmin.colCode")}</th>
                <th scope="col">{t("sitesAdmin.colKind")}</th>
                <th scope="col">{t("sitesAdmin.colAddress")}</th>
                <th scope="col">{t("sitesAdmin.colState")}</th>
                <th scope="col">{t("sitesAdmin.colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td><code>{s.code}</code></td>
                  <td>{s.kind}</td>
                  <td>{s.address ?? ""}</td>
                  <td>{s.archivedAt ? t("sitesAdmin.archived") : t("sitesAdmin.active")}</td>
                  <td>
                    <Link href={`/staff/sites/${s.id}${q}`}>{t("sitesAdmin.edit")} <span className="visually-hidden">{s.name}</span></Link>
                    <form method="post" action={`/api/sites/${s.id}${q}`} className="inline-form">
                      <input type="hidden" name="action" value={s.archivedAt ? "restore" : "archive"} />
                      <button className="button link" type="submit">{s.archivedAt ? t("sitesAdmin.restore") : t("sitesAdmin.archive")} <span className="visually-hidden">{s.name}</span></button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="create-site">
        <h2 id="create-site">{t("sitesAdmin.createTitle")}</h2>
        <SettingsForm id="site" action={saveSiteAction.bind(null, user.role === "admin" ? territory.slug : null, null)} fields={siteFields(loose)}
          strings={{ submit: t("sitesAdmin.create"), errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"), errors }} />
      </section>
      <section className="card" aria-labelledby="import-sites">
        <h2 id="import-sites">{t("sitesAdmin.importTitle")}</h2>
        <p id="import-intro">{t("sitesAdmin.importIntro")}</p>
        <form method="post" action={`/api/sites/import${q}`} encType="multipart/form-data">
          <div className="question">
            <label className="label" htmlFor="sites-file">{t("sitesAdmin.importFile")}</label>
            <input id="sites-file" name="file" type="file" required accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json" aria-describedby="import-intro" />
          </div>
          <button className="button" type="submit">{t("sitesAdmin.import")}</button>
        </form>
      </section>
    </>
  );
}
