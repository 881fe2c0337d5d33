import Link from "next/link";
import { SettingsHeader } from "@/components/booking/settings/page-header";
import { listAbsences } from "@/lib/booking/settings/absences";
import { settingsContext } from "@/lib/booking/settings/context";
import { formatIsoDate } from "@/lib/booking/format";
import { comingHolidays } from "@/lib/booking/settings/holidays";
import { listMotives } from "@/lib/booking/settings/motives";
import { listOpeningSlots } from "@/lib/booking/settings/opening-slots";
import { listPlaces } from "@/lib/booking/settings/places";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("bookingSettings.title");
}

export const dynamic = "force-dynamic";

/** Booking settings of a territory: one card per section, and the public holidays (read-only). */
export default async function BookingSettingsPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const { db, territory, href } = await settingsContext((await searchParams).t);
  const { t, locale } = await getT();
  const [places, motives, slots, absences] = await Promise.all([
    listPlaces(db, territory.id), listMotives(db, territory.id), listOpeningSlots(db, territory.id), listAbsences(db, territory.id),
  ]);
  const sections = [
    { id: "lieux", title: t("bookingSettings.sections.places"), intro: t("bookingSettings.sections.placesIntro"), count: t("bookingSettings.sections.placesCount", { count: places.length }) },
    { id: "motifs", title: t("bookingSettings.sections.motives"), intro: t("bookingSettings.sections.motivesIntro"), count: t("bookingSettings.sections.motivesCount", { count: motives.length }) },
    { id: "plages", title: t("bookingSettings.sections.slots"), intro: t("bookingSettings.sections.slotsIntro"), count: t("bookingSettings.sections.slotsCount", { count: slots.length }) },
    { id: "absences", title: t("bookingSettings.sections.absences"), intro: t("bookingSettings.sections.absencesIntro"), count: t("bookingSettings.sections.absencesCount", { count: absences.length }) },
  ];
  const holidayName = t as unknown as (key: string) => string;
  return (
    <>
      <SettingsHeader title={t("bookingSettings.title")} territory={t("bookingSettings.territory", { territory: territory.name })} />
      <p>{t("bookingSettings.intro")}</p>
      {sections.map((s) => (
        <section key={s.id} className="card" aria-labelledby={`section-${s.id}`}>
          <h2 id={`section-${s.id}`}><Link href={href(`/${s.id}`)}>{s.title}</Link></h2>
          <p>{s.intro}</p>
          <p className="muted">{s.count}</p>
        </section>
      ))}
      <section aria-labelledby="holidays">
        <h2 id="holidays">{t("bookingSettings.holidays.title")}</h2>
        <p>{t("bookingSettings.holidays.intro")}</p>
        <ul data-testid="holidays">
          {comingHolidays(new Date()).map((h) => (
            <li key={h.day}>
              <time dateTime={h.day}>{formatIsoDate(h.day, locale)}</time> — {h.names.map((n) => holidayName(`bookingSettings.holidays.names.${n}`)).join(", ")}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
