import Link from "next/link";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getDb } from "@/db/client";
import { getT } from "@/lib/i18n/server";
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getT();
  return { title: t("settingsHub.title") };
}

/** Every setting of the territory in one place, each entry shown only to a role that may use it. */
export default async function SettingsHub({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const user = await getStaffUser();
  if (!user) redirect("/connexion?callbackUrl=/staff/reglages");
  if (!can(user, "territory:configure") && !can(user, "kiosk:manage") && !can(user, "audit:read")) notFound();
  const { t } = await getT();
  const { territory } = await staffTerritory(await getDb(), user, (await searchParams).t);
  const q = user.role === "admin" ? `?t=${territory.slug}` : "";
  const entries = [
    user.role === "admin" && { href: "/staff/territoires", label: t("territoryAdmin.title"), intro: t("territoryAdmin.link") },
    can(user, "territory:configure") && { href: `/staff/territoires/reglages${q}`, label: t("territoryAdmin.settingsTitle"), intro: t("territoryAdmin.settingsLink") },
    can(user, "territory:configure") && { href: `/staff/territoire/decoupage${q}`, label: t("boundaryImport.title"), intro: t("boundaryImport.link") },
    can(user, "territory:configure") && { href: `/staff/sites${q}`, label: t("sitesAdmin.title"), intro: t("sitesAdmin.link") },
    can(user, "territory:configure") && { href: `/staff/prestations${q}`, label: t("benefitsAdmin.title"), intro: t("benefitsAdmin.link") },
    can(user, "people:manage") && { href: `/staff/personnes${q}`, label: t("people.title"), intro: t("people.link") },
    can(user, "territory:configure") && { href: `/staff/reglages/pages-publiques${q}`, label: t("publicPages.settings.title"), intro: t("publicPages.settings.link") },
    can(user, "territory:configure") && { href: `/staff/rendez-vous/reglages${q}`, label: t("bookingSettings.link"), intro: t("bookingSettings.intro") },
    can(user, "territory:configure") && { href: `/staff/antennes${q}`, label: t("antenna.link"), intro: null },
    can(user, "territory:configure") && { href: `/staff/module${q}`, label: t("moduleAdmin.title"), intro: t("moduleAdmin.link") },
    can(user, "territory:configure") && { href: `/staff/reperage/reglages${q}`, label: t("detectionSettings.title"), intro: t("detectionSettings.link") },
    can(user, "kiosk:manage") && { href: `/staff/kiosques?t=${territory.slug}`, label: t("staff.kioskTitle"), intro: null },
    can(user, "kiosk:manage") && { href: `/staff/liens?t=${territory.slug}`, label: t("staff.qrTitle"), intro: null },
    can(user, "audit:read") && { href: `/staff/journal${q}`, label: t("audit.link"), intro: null },
  ].filter((e): e is { href: string; label: string; intro: string | null } => !!e);
  return (
    <>
      <h1>{t("settingsHub.title")}</h1>
      <p className="muted">{t("bookingSettings.territory", { territory: territory.name })}</p>
      <ul className="choice-list">
        {entries.map((e) => (
          <li key={e.href}><Link href={e.href}><strong>{e.label}</strong>{e.intro && <><br />{e.intro}</>}</Link></li>
        ))}
      </ul>
    </>
  );
}
