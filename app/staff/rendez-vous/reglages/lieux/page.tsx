import Link from "next/link";
import { SettingsHeader } from "@/components/booking/settings/page-header";
import { RemoveButton } from "@/components/booking/settings/remove-button";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { formStrings, placeFields } from "@/components/booking/settings/fields";
import { settingsContext } from "@/lib/booking/settings/context";
import { doneMessage } from "@/lib/booking/settings/done";
import { listPlaces } from "@/lib/booking/settings/places";
import { getT } from "@/lib/i18n/server";
import { listAreasByLevel } from "@/lib/territories/queries";
import { archivePlaceAction, savePlaceAction } from "../actions";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("bookingSettings.sections.places", "bookingSettings.title");
}

export const dynamic = "force-dynamic";

/** Places where appointments are held: list, archive, and a form to add one. */
export default async function PlacesPage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string }> }) {
  const sp = await searchParams;
  const { db, territory, href } = await settingsContext(sp.t);
  const { t, locale } = await getT();
  const [places, levels] = await Promise.all([listPlaces(db, territory.id, { includeArchived: true }), listAreasByLevel(db, territory.id)]);
  const slug = sp.t ?? null;
  const k = (s: string) => (t as unknown as (key: string, v?: Record<string, string>) => string)(`bookingSettings.places.${s}`);
  const coord = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 5 });
  return (
    <>
      <SettingsHeader title={t("bookingSettings.places.title")} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: href(), label: t("bookingSettings.back") }} status={doneMessage(t, sp.fait)} />
      {places.length === 0 ? <p>{k("none")}</p> : (
        <ul>
          {places.map((p) => (
            <li key={p.id} className="card" data-testid="place">
              <strong>{p.name}</strong>{p.archivedAt && <span className="tag"> ({k("archived")})</span>}
              <br />{p.address}
              <br />{p.phone ?? <span className="muted">{k("noPhone")}</span>}
              {p.neighbourhood && <><br />{t("bookingSettings.places.inArea", { name: p.neighbourhood })}</>}
              {p.lon !== null && p.lat !== null && <><br /><span className="muted">{t("bookingSettings.places.at", { lon: coord(p.lon), lat: coord(p.lat) })}</span></>}
              {!p.archivedAt && (
                <>
                  <p><Link href={href(`/lieux/${p.id}`)}>{k("edit")} <span className="visually-hidden">{p.name}</span></Link></p>
                  <RemoveButton action={archivePlaceAction.bind(null, slug, p.id)} label={k("archive")} target={p.name} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="add-place">
        <h2 id="add-place">{k("add")}</h2>
        <SettingsForm id="lieu" action={savePlaceAction.bind(null, slug, null)} fields={placeFields(t, locale, levels)} strings={formStrings(t, k("create"))} />
      </section>
    </>
  );
}
