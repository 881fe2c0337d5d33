import Link from "next/link";
import { formatDay } from "@/components/detection/dossiers/format";
import { dossierStatus } from "@/lib/detection/interpellations/assemble";
import { dossierContext } from "@/lib/detection/interpellations/context";
import { listDossiers } from "@/lib/detection/interpellations/dossiers";
import { labelOf, loadLists } from "@/lib/detection/options";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("detectionDossiers.title");
}

export const dynamic = "force-dynamic";

/** The territory's interpellation dossiers with their state: draft, sent, answered. */
export default async function DossiersPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const { db, territory, href } = await dossierContext((await searchParams).t);
  const { t } = await getT();
  const loose = t as unknown as (key: string) => string;
  const [dossiers, lists] = await Promise.all([listDossiers(db, territory.id), loadLists(db, territory.id)]);
  return (
    <>
      <h1>{t("detectionDossiers.title")} — {territory.name}</h1>
      <p>{t("detectionDossiers.intro")}</p>
      <p><Link className="button" href={href("/nouveau")}>{t("detectionDossiers.new")}</Link></p>
      {dossiers.length === 0 ? <p>{t("detectionDossiers.none")}</p> : (
        <div className="table-scroll">
          <table className="queue-table" data-testid="dossiers">
            <caption className="visually-hidden">{t("detectionDossiers.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("detectionDossiers.colTitle")}</th>
                <th scope="col">{t("detectionDossiers.colInstitution")}</th>
                <th scope="col">{t("detectionDossiers.colPeriod")}</th>
                <th scope="col">{t("detectionDossiers.colStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {dossiers.map((d) => (
                <tr key={d.id}>
                  <th scope="row"><Link href={href(`/${d.id}`)}>{d.title}</Link></th>
                  <td>{labelOf(lists, "actor", d.institution)}</td>
                  <td>{t("detectionDossiers.period", { from: formatDay(d.periodFrom), to: formatDay(d.periodTo) })}</td>
                  <td>{loose(`detectionDossiers.status.${dossierStatus(d)}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
