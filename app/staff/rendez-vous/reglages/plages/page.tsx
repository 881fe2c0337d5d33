import { SettingsHeader } from "@/components/booking/settings/page-header";
import { RemoveButton } from "@/components/booking/settings/remove-button";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { formStrings, openingSlotFields } from "@/components/booking/settings/fields";
import { listBookableAgents } from "@/lib/booking/settings/agents";
import { settingsContext } from "@/lib/booking/settings/context";
import { doneMessage } from "@/lib/booking/settings/done";
import { formatIsoDate } from "@/lib/booking/format";
import { parisDay } from "@/lib/booking/slots";
import { listMotives } from "@/lib/booking/settings/motives";
import { listOpeningSlots } from "@/lib/booking/settings/opening-slots";
import { listPlaces } from "@/lib/booking/settings/places";
import { getT } from "@/lib/i18n/server";
import { addOpeningSlotAction, deleteOpeningSlotAction } from "../actions";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("bookingSettings.sections.slots", "bookingSettings.title");
}

export const dynamic = "force-dynamic";

/** Agents' weekly opening slots: list, delete, and a form to add one. */
export default async function OpeningSlotsPage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string }> }) {
  const sp = await searchParams;
  const { db, territory, href } = await settingsContext(sp.t);
  const { t, locale } = await getT();
  const [slots, agents, places, motives] = await Promise.all([
    listOpeningSlots(db, territory.id), listBookableAgents(db, territory.id), listPlaces(db, territory.id), listMotives(db, territory.id),
  ]);
  const slug = sp.t ?? null;
  const tk = t as unknown as (key: string, v?: Record<string, string | number>) => string;
  const k = (s: string, v?: Record<string, string | number>) => tk(`bookingSettings.slots.${s}`, v);
  const days = (w: number[]) => w.map((d) => tk(`bookingSettings.weekdays.${d}`)).join(", ");
  return (
    <>
      <SettingsHeader title={t("bookingSettings.slots.title")} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: href(), label: t("bookingSettings.back") }} status={doneMessage(t, sp.fait)} />
      {slots.length === 0 ? <p>{k("none")}</p> : (
        <ul>
          {slots.map((s) => (
            <li key={s.id} className="card" data-testid="opening-slot">
              <strong>{s.agent}</strong> — {s.place}{s.placeArchived && <span className="tag"> ({k("placeArchived")})</span>}
              <br />{k("summary", { days: days(s.weekdays), start: s.startTime, end: s.endTime })}
              <br />{s.motives.map((m) => (m.archived ? `${m.name} (${k("motiveArchived")})` : m.name)).join(", ")}
              <br /><span className="muted">{s.validUntil
                ? k("validityUntil", { from: formatIsoDate(s.validFrom, locale), until: formatIsoDate(s.validUntil, locale) })
                : k("validity", { from: formatIsoDate(s.validFrom, locale) })}</span>
              <RemoveButton action={deleteOpeningSlotAction.bind(null, slug, s.id)} label={k("delete")}
                target={k("deleteLabel", { agent: s.agent, days: days(s.weekdays), start: s.startTime, end: s.endTime })} />
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="add-slot">
        <h2 id="add-slot">{k("add")}</h2>
        {places.length === 0 || motives.length === 0 ? <p>{k("needSetup")}</p> : (
          <SettingsForm id="plage" action={addOpeningSlotAction.bind(null, slug)} fields={openingSlotFields(t, agents, places, motives, parisDay(new Date()))}
            strings={formStrings(t, k("create"))} />
        )}
      </section>
    </>
  );
}
