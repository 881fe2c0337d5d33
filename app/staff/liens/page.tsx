import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getT } from "@/lib/i18n/server";
import { listSites } from "@/lib/territories/queries";
import { qrDataUrl, siteLink } from "@/lib/territories/site-links";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("staff.qrTitle");
}

export const dynamic = "force-dynamic";

/** Printable links and QR codes: one for the territory, one per collection site (self mode). */
export default async function LinksPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const user = await requirePermission("kiosk:manage");
  const { t } = await getT();
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, (await searchParams).t);
  const h = await headers();
  const base = process.env.NEXTAUTH_URL || `http://${h.get("host") ?? "localhost"}`;
  const sites = await listSites(db, territory.id);
  const entries = await Promise.all(
    [{ name: territory.name, code: undefined as string | undefined }, ...sites].map(async (s) => {
      const url = siteLink(base, territory.slug, s.code);
      return { name: s.name, url, qr: await qrDataUrl(url) };
    }),
  );
  return (
    <>
      <h1>{t("staff.qrTitle")} — {territory.name}</h1>
      <ul className="qr-list">
        {entries.map((e) => (
          <li key={e.url} className="card">
            <h2>{e.name}</h2>
            <img src={e.qr} width={160} height={160} alt={t("staff.qrAlt", { name: e.name })} />
            <p><a href={e.url}>{e.url}</a></p>
          </li>
        ))}
      </ul>
    </>
  );
}
