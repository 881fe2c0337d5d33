import { getDb } from "@/db/client";
import { listAudit, auditFiltersSchema } from "@/lib/audit/list-audit";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("audit.title");
}

export const dynamic = "force-dynamic";

/** The territory's audit log for its project lead: who saw or changed what, and when. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePermission("audit:read");
  const { locale, t } = await getT();
  const db = await getDb();
  const sp = await searchParams;
  const { territory } = await staffTerritory(db, user, sp.t);
  const filters = auditFiltersSchema.parse(sp);
  const entries = await listAudit(db, territory.id, filters);
  const when = (d: Date) => d.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" });
  return (
    <>
      <h1>{t("audit.title")} — {territory.name}</h1>
      <form method="get" className="card">
        {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
        <div className="question">
          <label className="label" htmlFor="action">{t("audit.action")}</label>
          <input id="action" name="action" type="text" defaultValue={filters.action ?? ""} placeholder="callback.view_contact" />
        </div>
        <div className="question"><label className="label" htmlFor="from">{t("audit.from")}</label><input id="from" name="from" type="date" defaultValue={filters.from ?? ""} /></div>
        <div className="question"><label className="label" htmlFor="to">{t("audit.to")}</label><input id="to" name="to" type="date" defaultValue={filters.to ?? ""} /></div>
        <button className="button secondary" type="submit">{t("audit.apply")}</button>
      </form>
      {entries.length === 0 ? <p>{t("audit.none")}</p> : (
        <table>
          <thead><tr><th scope="col">{t("audit.when")}</th><th scope="col">{t("audit.actor")}</th><th scope="col">{t("audit.action")}</th><th scope="col">{t("audit.entity")}</th><th scope="col">{t("audit.details")}</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{when(e.at)}</td>
                <td>{e.actor ?? (e.actorKind === "system" ? t("audit.system") : t("audit.respondent"))}</td>
                <td><code>{e.action}</code></td>
                <td><code>{e.entity} {e.entityId.slice(0, 8)}</code></td>
                <td>{Object.entries(e.details).map(([k, v]) => `${k}: ${v}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
