import { SettingsHeader } from "@/components/booking/settings/page-header";
import { RemoveButton } from "@/components/booking/settings/remove-button";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { absenceFields, formStrings } from "@/components/booking/settings/fields";
import { listAbsences } from "@/lib/booking/settings/absences";
import { listBookableAgents } from "@/lib/booking/settings/agents";
import { settingsContext } from "@/lib/booking/settings/context";
import { doneMessage } from "@/lib/booking/settings/done";
import { formatShortDateTime } from "@/lib/booking/format";
import { parisDay } from "@/lib/booking/slots";
import { getT } from "@/lib/i18n/server";
import { addAbsenceAction, deleteAbsenceAction } from "../actions";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("bookingSettings.sections.absences", "bookingSettings.title");
}

export const dynamic = "force-dynamic";

/** Agents' current and coming absences: list, delete, and a form to declare one. */
export default async function AbsencesPage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string }> }) {
  const sp = await searchParams;
  const { db, territory, href } = await settingsContext(sp.t);
  const { t, locale } = await getT();
  const [absences, agents] = await Promise.all([listAbsences(db, territory.id), listBookableAgents(db, territory.id)]);
  const slug = sp.t ?? null;
  const k = (s: string, v?: Record<string, string>) => (t as unknown as (key: string, v?: Record<string, string>) => string)(`bookingSettings.absences.${s}`, v);
  return (
    <>
      <SettingsHeader title={t("bookingSettings.absences.title")} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: href(), label: t("bookingSettings.back") }} status={doneMessage(t, sp.fait)} />
      {absences.length === 0 ? <p>{k("none")}</p> : (
        <ul>
          {absences.map((a) => (
            <li key={a.id} className="card" data-testid="absence">
              <strong>{a.agent}</strong>
              <br />{k("range", { from: formatShortDateTime(a.startsAt, locale), to: formatShortDateTime(a.endsAt, locale) })}
              {a.reason && <><br /><span className="muted">{a.reason}</span></>}
              <RemoveButton action={deleteAbsenceAction.bind(null, slug, a.id)} label={k("delete")}
                target={k("deleteLabel", { agent: a.agent, from: formatShortDateTime(a.startsAt, locale) })} />
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="add-absence">
        <h2 id="add-absence">{k("add")}</h2>
        <SettingsForm id="absence" action={addAbsenceAction.bind(null, slug)} fields={absenceFields(t, agents, parisDay(new Date()))} strings={formStrings(t, k("create"))} />
      </section>
    </>
  );
}
