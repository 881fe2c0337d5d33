import Link from "next/link";
import { getDb } from "@/db/client";
import { getT } from "@/lib/i18n/server";
import { listTerritories } from "@/lib/territories/queries";
import { pageTitle } from "@/lib/i18n/titles";

// The root layout's template does not apply to its own segment: the portal's name here.
export function generateMetadata() {
  return pageTitle("titles.home", "app.name");
}

export const dynamic = "force-dynamic";

export default async function Home() {
  const { t } = await getT();
  const territories = await listTerritories(await getDb());
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <h2>{t("home.choose")}</h2>
      <ul>
        {territories.map((tt) => (
          <li key={tt.id}>
            <Link href={`/t/${tt.slug}`}>{tt.name}</Link>
            {tt.settings.fictional && <span className="muted"> ({t("home.fictional")})</span>}
          </li>
        ))}
      </ul>
      <p><Link href="/staff">{t("app.staffLink")}</Link></p>
    </>
  );
}
