import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { listTerritories } from "@/lib/territories/queries";

export function generateMetadata() {
  return pageTitle("territoryAdmin.title");
}

export const dynamic = "force-dynamic";

const ERRORS = ["name", "slug_format", "slug_reserved", "slug_taken"] as const;

/** The platform admin's list of territories and the form that creates one (plain post, PRG). */
export default async function TerritoriesPage({ searchParams }: { searchParams: Promise<{ fait?: string; erreur?: string; t?: string }> }) {
  const user = await requirePermission("territory:configure");
  if (user.role !== "admin") notFound();
  const { t } = await getT();
  const sp = await searchParams;
  const all = await listTerritories(await getDb());
  const error = ERRORS.find((e) => e === sp.erreur);
  return (
    <>
      <h1>{t("territoryAdmin.title")}</h1>
      <p>{t("territoryAdmin.intro")}</p>
      {sp.fait === "cree" && <p className="notice" role="status">{t("territoryAdmin.created")}</p>}
      <div className="table-scroll">
        <table className="queue-table">
          <thead>
            <tr>
              <th scope="col">{t("territoryAdmin.colName")}</th>
              <th scope="col">{t("territoryAdmin.colSlug")}</th>
              <th scope="col">{t("territoryAdmin.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {all.map((x) => (
              <tr key={x.id}>
                <th scope="row"><a href={`/t/${x.slug}`}>{x.name}</a></th>
                <td><code>{x.slug}</code></td>
                <td>
                  <Link href={`/staff/territoires/reglages?t=${x.slug}`}>{t("territoryAdmin.settings")} <span className="visually-hidden">{x.name}</span></Link>
                  {" · "}
                  <Link href={`/staff/personnes?t=${x.slug}`}>{t("territoryAdmin.people")} <span className="visually-hidden">{x.name}</span></Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="create">
        <h2 id="create">{t("territoryAdmin.createTitle")}</h2>
        {error && <p className="error" role="alert" id="territory-error">{t(`territoryAdmin.errors.${error}`)}</p>}
        <form method="post" action="/api/territoires" noValidate>
          <div className="question">
            <label className="label" htmlFor="territory-name">{t("territoryAdmin.name")}</label>
            <input id="territory-name" name="name" type="text" required maxLength={120} aria-invalid={error === "name" ? true : undefined} />
          </div>
          <div className="question">
            <label className="label" htmlFor="territory-slug">{t("territoryAdmin.slug")}</label>
            <p className="hint" id="slug-hint">{t("territoryAdmin.slugHint")}</p>
            <input id="territory-slug" name="slug" type="text" required maxLength={40} pattern="[a-z][a-z0-9\-]*" aria-describedby="slug-hint"
              aria-invalid={error?.startsWith("slug") ? true : undefined} autoComplete="off" spellCheck={false} />
          </div>
          <button className="button" type="submit">{t("territoryAdmin.create")}</button>
        </form>
      </section>
    </>
  );
}
