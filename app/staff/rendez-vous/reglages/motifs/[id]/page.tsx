import { notFound } from "next/navigation";
import { SettingsHeader } from "@/components/booking/settings/page-header";
import { RemoveButton } from "@/components/booking/settings/remove-button";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { formStrings, motiveFields } from "@/components/booking/settings/fields";
import { checkedId, settingsContext } from "@/lib/booking/settings/context";
import { getMotive } from "@/lib/booking/settings/motives";
import { getT } from "@/lib/i18n/server";
import { archiveMotiveAction, saveMotiveAction } from "../../actions";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("titles.motiveEdit", "bookingSettings.title");
}

export const dynamic = "force-dynamic";

/** Edit one motive of the territory (another territory's motive: not found). */
export default async function MotivePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> }) {
  const sp = await searchParams;
  const { db, territory, href } = await settingsContext(sp.t);
  const motive = await getMotive(db, territory.id, checkedId((await params).id));
  if (!motive || motive.archivedAt) notFound();
  const { t } = await getT();
  const slug = sp.t ?? null;
  return (
    <>
      <SettingsHeader title={t("bookingSettings.motives.editTitle", { name: motive.name })} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: href("/motifs"), label: t("bookingSettings.sections.motives") }} />
      <SettingsForm id="motif" action={saveMotiveAction.bind(null, slug, motive.id)} fields={motiveFields(t, motive)} strings={formStrings(t, t("bookingSettings.motives.save"))} />
      <RemoveButton action={archiveMotiveAction.bind(null, slug, motive.id)} label={t("bookingSettings.motives.archive")} target={motive.name} />
    </>
  );
}
