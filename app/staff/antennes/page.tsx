import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { listAntennas } from "@/lib/callbacks/antennas";
import { getT } from "@/lib/i18n/server";
import { listAreasByLevel } from "@/lib/territories/queries";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("antenna.title");
}

export const dynamic = "force-dynamic";

/** Territory configuration: CCAS antennas and the neighbourhoods each one covers. */
export default async function AntennasPage({ searchParams }: { searchParams: Promise<{ t?: string; erreur?: string }> }) {
  const user = await requirePermission("territory:configure");
  const { t } = await getT();
  const db = await getDb();
  const sp = await searchParams;
  const { territory } = await staffTerritory(db, user, sp.t);
  const [list, levels] = await Promise.all([listAntennas(db, territory.id), listAreasByLevel(db, territory.id)]);
  const q = user.role === "admin" ? `?t=${territory.slug}` : "";
  return (
    <>
      <h1>{t("antenna.title")} — {territory.name}</h1>
      <p>{t("antenna.intro")}</p>
      {sp.erreur && <p className="error" role="alert">{t("antenna.invalid")}</p>}
      {list.length === 0 ? <p>{t("antenna.none")}</p> : (
        <ul>
          {list.map((a) => (
            <li key={a.id} className="card">
              <strong>{a.name}</strong> : {a.areas.join(", ")}
              <form method="post" action={`/api/antennes/${a.id}/supprimer${q}`}>
                <button className="button link" type="submit">{t("antenna.delete")} <span className="visually-hidden">{a.name}</span></button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/api/antennes${q}`} className="card">
        <div className="question">
          <label className="label" htmlFor="name">{t("antenna.name")}</label>
          <input id="name" name="name" type="text" required maxLength={80} />
        </div>
        {levels.slice(0, 2).map((level) => (
          <fieldset key={level.id} className="question">
            <legend>{t("antenna.areas")} ({level.name})</legend>
            <div className="inline-choices">
              {level.areas.map((a) => (
                <label key={a.id} className="choice" htmlFor={`n-${a.id}`}>
                  <input id={`n-${a.id}`} type="checkbox" name="neighbourhoodIds" value={a.id} />
                  <span>{a.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <button className="button" type="submit">{t("antenna.create")}</button>
      </form>
    </>
  );
}
