import { notFound } from "next/navigation";
import { SettingsHeader } from "@/components/booking/settings/page-header";
import { RemoveButton } from "@/components/booking/settings/remove-button";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { formStrings, placeFields } from "@/components/booking/settings/fields";
import { checkedId, settingsContext } from "@/lib/booking/settings/context";
import { getPlace } from "@/lib/booking/settings/places";
import { getT } from "@/lib/i18n/server";
import { listAreasByLevel } from "@/lib/territories/queries";
import { archivePlaceAction, savePlaceAction } from "../../actions";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("titles.placeEdit", "bookingSettings.title");
}

export const dynamic = "force-dynamic";

/** Edit one place of the territory (another territory's place: not found). */
export default async function PlacePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> }) {
  const sp = await searchParams;
  const { db, territory, href } = await settingsContext(sp.t);
  const id = checkedId((await params).id);
  const place = await getPlace(db, territory.id, id);
  if (!place || place.archivedAt) notFound();
  const { t, locale } = await getT();
  const slug = sp.t ?? null;
  return (
    <>
      <SettingsHeader title={t("bookingSettings.places.editTitle", { name: place.name })} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: href("/lieux"), label: t("bookingSettings.sections.places") }} />
      <SettingsForm id="lieu" action={savePlaceAction.bind(null, slug, place.id)} fields={placeFields(t, locale, await listAreasByLevel(db, territory.id), place)}
        strings={formStrings(t, t("bookingSettings.places.save"))} />
      <RemoveButton action={archivePlaceAction.bind(null, slug, place.id)} label={t("bookingSettings.places.archive")} target={place.name} />
    </>
  );
}
