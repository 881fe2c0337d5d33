import Link from "next/link";
import { SettingsHeader } from "@/components/booking/settings/page-header";
import { RemoveButton } from "@/components/booking/settings/remove-button";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { formStrings, motiveFields } from "@/components/booking/settings/fields";
import { settingsContext } from "@/lib/booking/settings/context";
import { doneMessage } from "@/lib/booking/settings/done";
import { listMotives } from "@/lib/booking/settings/motives";
import { splitMinutes } from "@/lib/booking/settings/schemas";
import { getT } from "@/lib/i18n/server";
import { archiveMotiveAction, saveMotiveAction } from "../actions";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("bookingSettings.sections.motives", "bookingSettings.title");
}

export const dynamic = "force-dynamic";

/** Motives of appointment: list, archive, and a form to add one. */
export default async function MotivesPage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string }> }) {
  const sp = await searchParams;
  const { db, territory, href } = await settingsContext(sp.t);
  const { t } = await getT();
  const motives = await listMotives(db, territory.id, { includeArchived: true });
  const slug = sp.t ?? null;
  const tk = t as unknown as (key: string, v?: Record<string, string | number>) => string;
  const k = (s: string, v?: Record<string, string | number>) => tk(`bookingSettings.motives.${s}`, v);
  const span = (minutes: number) => {
    const { value, unit } = splitMinutes(minutes);
    return `${value} ${tk(`bookingSettings.units.${unit}`)}`;
  };
  return (
    <>
      <SettingsHeader title={t("bookingSettings.motives.title")} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: href(), label: t("bookingSettings.back") }} status={doneMessage(t, sp.fait)} />
      {motives.length === 0 ? <p>{k("none")}</p> : (
        <ul>
          {motives.map((m) => (
            <li key={m.id} className="card" data-testid="motive">
              <strong>{m.name}</strong>{m.archivedAt && <span className="tag"> ({k("archived")})</span>}
              <br />{k("summary", { duration: m.durationMinutes, location: tk(`bookingSettings.locationTypes.${m.locationType}`) })}, {m.bookableOnline ? k("online") : k("staffOnly")}
              <br /><span className="muted">{k("delays", { min: span(m.minDelayMinutes), max: m.maxDelayDays, cancel: span(m.cancelDeadlineMinutes), move: span(m.moveDeadlineMinutes) })}</span>
              {!m.archivedAt && (
                <>
                  <p><Link href={href(`/motifs/${m.id}`)}>{k("edit")} <span className="visually-hidden">{m.name}</span></Link></p>
                  <RemoveButton action={archiveMotiveAction.bind(null, slug, m.id)} label={k("archive")} target={m.name} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="add-motive">
        <h2 id="add-motive">{k("add")}</h2>
        <SettingsForm id="motif" action={saveMotiveAction.bind(null, slug, null)} fields={motiveFields(t)} strings={formStrings(t, k("create"))} />
      </section>
    </>
  );
}
