import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { placesPage } from "@/lib/places/staff-context";
import { listStaffHelpPoints } from "@/lib/places/store";
import { archiveHelpPointAction } from "./actions";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("places.staffTitle");
}

const MESSAGES = ["ajoute", "modifie", "archive", "restaure", "importe"] as const;

/** The territory's help points: add, edit, archive/restore, import and export (data·inclusion). */
export default async function StaffPlaces({ searchParams }: { searchParams: Promise<{ t?: string; msg?: string; crees?: string; maj?: string }> }) {
  const sp = await searchParams;
  const { user, territory, db, href } = await placesPage(sp.t);
  const { t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const points = await listStaffHelpPoints(db, territory.id);
  const slug = user.role === "admin" ? territory.slug : null;
  const msg = MESSAGES.find((m) => m === sp.msg);
  const n = (v: string | undefined) => (/^\d{1,5}$/.test(v ?? "") ? Number(v) : 0);
  return (
    <div className="wide">
      <h1>{t("places.staffTitle")} — {territory.name}</h1>
      {msg && <p className="notice" role="status" data-testid="places-msg">{tk(`places.msg.${msg}`, { created: n(sp.crees), updated: n(sp.maj) })}</p>}
      <p>{t("places.staffIntro")}</p>
      <ul className="inline-list">
        <li><Link className="button" href={href("/nouveau")}>{t("places.add")}</Link></li>
        <li><Link href={href("/import")}>{t("places.importLink")}</Link></li>
        <li><a href={href("/export", { format: "json" })} download>{t("places.exportJson")}</a></li>
        <li><a href={href("/export", { format: "csv" })} download>{t("places.exportCsv")}</a></li>
        <li><a href={`/t/${territory.slug}/lieux`}>{t("places.publicLink")}</a></li>
      </ul>
      {points.length === 0 ? <p>{t("places.none")}</p> : (
        <table>
          <caption className="visually-hidden">{t("places.staffTitle")}</caption>
          <thead><tr><th scope="col">{t("places.colName")}</th><th scope="col">{t("places.category")}</th><th scope="col">{t("places.hours")}</th><th scope="col">{t("places.colStatus")}</th><th scope="col">{t("places.colActions")}</th></tr></thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.id} data-testid="staff-help-point">
                <th scope="row"><Link href={href(`/${p.id}`)}>{p.name}</Link></th>
                <td>{tk(`places.categories.${p.category}`)}</td>
                <td><code>{p.openingHours ?? "—"}</code></td>
                <td>{p.archivedAt ? t("places.archived") : t("places.active")}</td>
                <td>
                  <form action={archiveHelpPointAction.bind(null, slug, p.id, !p.archivedAt)}>
                    <button className="button secondary" type="submit">{tk(p.archivedAt ? "places.restore" : "places.archive", { name: p.name })}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
