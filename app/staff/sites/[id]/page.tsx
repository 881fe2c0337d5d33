import { notFound } from "next/navigation";
import { SettingsHeader } from "@/components/booking/settings/page-header";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { checkedId, settingsContext } from "@/lib/booking/settings/context";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { listSitesForAdmin } from "@/lib/sites/manage-sites";
import { saveSiteAction } from "../actions";
import { siteFields } from "../site-fields";

export function generateMetadata() {
  return pageTitle("sitesAdmin.editTitle");
}

export const dynamic = "force-dynamic";

/** Edits one site of the territory (another territory's site: not found). */
export default async function EditSitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> }) {
  const id = checkedId((await params).id);
  const { territory, user, db } = await settingsContext((await searchParams).t);
  const site = (await listSitesForAdmin(db, territory.id)).find((s) => s.id === id);
  if (!site) notFound();
  const { t } = await getT();
  const loose = t as unknown as (key: string) => string;
  const errors = (t.raw as (k: string) => unknown)("sitesAdmin.errors") as Record<string, string>;
  const slug = user.role === "admin" ? territory.slug : null;
  return (
    <>
      <SettingsHeader title={`${t("sitesAdmin.editTitle")} — ${site.name}`} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: `/staff/sites${slug ? `?t=${slug}` : ""}`, label: t("sitesAdmin.back") }} />
      <SettingsForm id="site" action={saveSiteAction.bind(null, slug, site.id)} fields={siteFields(loose, site)}
        strings={{ submit: t("sitesAdmin.save"), errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"), errors }} />
    </>
  );
}
