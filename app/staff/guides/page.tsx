import Link from "next/link";
import { StatusBadge } from "@/components/guides/status-badge";
import "@/components/guides/guides.css";
import { formatDateTime } from "@/lib/booking/format";
import { pick } from "@/lib/guides/localize";
import { guidesStaffPage } from "@/lib/guides/staff-page";
import { listTerritoryGuides } from "@/lib/guides/store";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("guides.staffTitle");
}
export const dynamic = "force-dynamic";

/** The territory's sheets with their status and version; the lead edits or writes one. */
export default async function StaffGuidesPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const { db, territory, locale, g, q } = await guidesStaffPage((await searchParams).t);
  const guides = await listTerritoryGuides(db, territory.id);
  return (
    <div className="wide">
      <h1>{g("staffTitle")} — {territory.name}</h1>
      <p>{g("staffIntro")}</p>
      <div className="table-scroll">
        <table className="queue-table" data-testid="staff-guides">
          <thead>
            <tr><th scope="col">{g("colBenefit")}</th><th scope="col">{g("colStatus")}</th><th scope="col">{g("colVersion")}</th><th scope="col">{g("colUpdated")}</th><th scope="col">{g("colAction")}</th></tr>
          </thead>
          <tbody>
            {guides.map((guide) => {
              const title = pick(guide.label, locale);
              return (
                <tr key={guide.code} data-code={guide.code}>
                  <th scope="row">{title}</th>
                  <td><StatusBadge status={guide.status ?? "none"} label={g(`status.${guide.status ?? "none"}`)} /></td>
                  <td>{guide.source === "territory" ? guide.version : guide.source === "seed" ? g("seedVersion") : "—"}</td>
                  <td>{guide.updatedAt ? formatDateTime(guide.updatedAt, locale) : "—"}</td>
                  <td><Link href={`/staff/guides/${guide.code}${q}`}>{g(guide.guide ? "edit" : "write", { title })}</Link></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
