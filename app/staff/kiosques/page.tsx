import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getT } from "@/lib/i18n/server";
import { listKiosks } from "@/lib/kiosk/devices";
import { listSites } from "@/lib/territories/queries";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("staff.kioskTitle");
}

export const dynamic = "force-dynamic";

export default async function KiosksPage({ searchParams }: { searchParams: Promise<{ t?: string; erreur?: string }> }) {
  const user = await requirePermission("kiosk:manage");
  const { t } = await getT();
  const db = await getDb();
  const sp = await searchParams;
  const { territory } = await staffTerritory(db, user, sp.t);
  const [sites, kiosks] = await Promise.all([listSites(db, territory.id), listKiosks(db, territory.id)]);
  return (
    <>
      <h1>{t("staff.kioskTitle")} — {territory.name}</h1>
      <p>{t("staff.kioskIntro")}</p>
      {sp.erreur && <p className="error" role="alert">{t("staff.kioskInvalid")}</p>}
      <form method="post" action="/api/kiosks">
        <input type="hidden" name="territory" value={territory.slug} />
        <div className="question">
          <label className="label" htmlFor="name">{t("staff.kioskName")}</label>
          <input id="name" name="name" type="text" required maxLength={80} />
        </div>
        <div className="question">
          <label className="label" htmlFor="siteId">{t("staff.site")}</label>
          <select id="siteId" name="siteId" required defaultValue="">
            <option value="" disabled>—</option>
            {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        <div className="question">
          <label className="label" htmlFor="idleSeconds">{t("staff.kioskIdle")}</label>
          <input id="idleSeconds" name="idleSeconds" type="number" inputMode="numeric" min={15} max={1800} defaultValue={territory.settings?.kioskIdleSeconds ?? 120} required />
        </div>
        <button className="button" type="submit">{t("staff.kioskRegister")}</button>
      </form>
      <h2>{t("staff.kioskList")}</h2>
      {kiosks.length === 0 ? <p>{t("staff.kioskNone")}</p> : (
        <table>
          <thead><tr><th scope="col">{t("staff.kioskName")}</th><th scope="col">{t("staff.site")}</th><th scope="col">{t("staff.kioskIdle")}</th><th scope="col"><span className="visually-hidden">{t("staff.kioskRevoke")}</span></th></tr></thead>
          <tbody>
            {kiosks.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td><td>{k.siteName}</td><td>{k.idleSeconds}</td>
                <td>
                  <form method="post" action={`/api/kiosks/${k.id}/revoke`}>
                    <input type="hidden" name="territory" value={territory.slug} />
                    <button className="button link" type="submit">{t("staff.kioskRevoke")} <span className="visually-hidden">{k.name}</span></button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/api/kiosks/leave" className="actions">
        <button className="button secondary" type="submit">{t("staff.kioskLeave")}</button>
      </form>
    </>
  );
}
