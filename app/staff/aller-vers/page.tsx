import Link from "next/link";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { formatIsoDate } from "@/lib/booking/format";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { outreachPage } from "@/lib/outreach/page-context";
import { listActions } from "@/lib/outreach/store";

export function generateMetadata() {
  return pageTitle("outreach.title");
}
export const dynamic = "force-dynamic";

/**
 * The outreach actions: a proposer sees their own, the territory lead every action of the
 * territory. The committee (aggregates only) is sent to the bilan.
 */
export default async function OutreachPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const sp = await searchParams;
  const signedIn = await getStaffUser();
  if (signedIn && !can(signedIn, "outreach:propose") && can(signedIn, "outreach:aggregates")) redirect("/staff/aller-vers/bilan");
  const { user, db, territory, q, actor } = await outreachPage(sp.t);
  const { t, locale } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const rows = await listActions(db, territory.id, actor);
  return (
    <div className="wide">
      <h1>{t("outreach.title")} — {territory.name}</h1>
      <p>{t("outreach.intro")} {actor.lead ? t("outreach.introLead") : t("outreach.introOwn")}</p>
      <p>
        <Link className="button" href={`/staff/aller-vers/nouvelle${q()}`}>{t("outreach.propose")}</Link>
        {can(user, "outreach:aggregates") && <> <Link className="button secondary" href={`/staff/aller-vers/bilan${q()}`}>{t("outreach.bilanLink")}</Link></>}
      </p>
      {rows.length === 0 ? <p>{t("outreach.none")}</p> : (
        <table data-testid="outreach-table">
          <caption className="visually-hidden">{t("outreach.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("outreach.colDate")}</th><th scope="col">{t("outreach.colType")}</th><th scope="col">{t("outreach.colPlace")}</th>
              <th scope="col">{t("outreach.colStatus")}</th><th scope="col">{t("outreach.colProposer")}</th><th scope="col">{t("outreach.colConsents")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td><Link href={`/staff/aller-vers/${r.id}${q()}`}>{formatIsoDate(r.heldOn, locale)}{r.startsAt ? ` ${r.startsAt}` : ""}</Link></td>
                <td>{tk(`outreach.type_${r.actionType}`)}</td>
                <td>{r.site ?? r.placeLabel ?? "—"} <span className="muted">({tk(`outreach.place_${r.placeType}`)})</span></td>
                <td>{tk(`outreach.status_${r.status}`)}</td>
                <td>{r.proposer ?? "—"}</td>
                <td>{r.consents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
