import { randomUUID } from "node:crypto";
import { SettingsHeader } from "@/components/booking/settings/page-header";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { dossierContext, parisToday } from "@/lib/detection/interpellations/context";
import { active, loadLists } from "@/lib/detection/options";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { createDossierAction } from "../actions";
import { dossierFields } from "../fields";

export function generateMetadata() {
  return pageTitle("detectionDossiers.newTitle");
}

export const dynamic = "force-dynamic";

/** A new dossier: the institution (an actor of the territory's lists), the period, the general part. */
export default async function NewDossierPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const { db, territory, slug, href } = await dossierContext((await searchParams).t);
  const { t } = await getT();
  const loose = t as unknown as (key: string) => string;
  const lists = await loadLists(db, territory.id);
  const today = parisToday();
  const institutions = active(lists.actor).map((a) => ({ value: a.code, label: a.label }));
  const errors = (t.raw as (k: string) => unknown)("detectionDossiers.errors") as Record<string, string>;
  return (
    <>
      <SettingsHeader title={t("detectionDossiers.newTitle")} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: href(), label: t("detectionDossiers.back") }} />
      <p>{t("detectionDossiers.newIntro")}</p>
      {/* The uuid rendered here becomes the dossier's id: a double submit finds the same dossier. */}
      <SettingsForm id="dossier" action={createDossierAction.bind(null, slug, randomUUID())}
        fields={dossierFields(loose, institutions, { periodFrom: `${today.slice(0, 4)}-01-01`, periodTo: today })}
        strings={{ submit: t("detectionDossiers.create"), errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"), errors }} />
    </>
  );
}
