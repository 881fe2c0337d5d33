import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeForm } from "@/components/booking/change-form";
import { ContactForm } from "@/components/booking/contact-form";
import { SlotWeek } from "@/components/booking/slot-week";
import { StepHeading } from "@/components/ui/step-heading";
import { findSlots, getMotive, getPlace, listMotives, placesForMotive, weekView } from "@/lib/booking/availability";
import { slotProblem } from "@/lib/booking/book";
import { weekParamSchema } from "@/lib/booking/booking-schema";
import { formatDateTime, formatIsoDay, formatKm } from "@/lib/booking/format";
import { motiveText } from "@/lib/booking/localized";
import { findByToken, personRights } from "@/lib/booking/manage";
import { sortByDistance } from "@/lib/booking/places-order";
import { bookingContextFromReceipt, coarsestAncestor, neighbourhoodPoint } from "@/lib/booking/respondent-context";
import { addParisDays, parisDay, weekStart } from "@/lib/booking/slots";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { listAreasByLevel } from "@/lib/territories/queries";
import { bookAction, moveAction } from "./actions";
import { UUID_PATTERN } from "@/lib/validation/parsers";

export const dynamic = "force-dynamic";

/**
 * A title per step (RGAA 8.6), in the person's language: each step is a navigation, and Next's
 * route announcer reads the new title to screen readers only when it differs from the last one.
 */
export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }) {
  const { t } = await getT();
  const q = await searchParams;
  const valid = (v: string | undefined) => !!v && UUID.test(v);
  const step = !valid(q.motif) && !q.deplacer ? 1 : !valid(q.lieu) ? 2 : !q.creneau ? 3 : 4;
  const name = t(`titles.bookingSteps.${step}`);
  return { title: `${t("titles.step", { current: step, total: 4, name })} — ${q.deplacer ? t("booking.moveTitle") : t("booking.link")}` };
}

type Search = { motif?: string; lieu?: string; semaine?: string; creneau?: string; quartier?: string; deplacer?: string };
const UUID = UUID_PATTERN;

/**
 * Booking without an account, one step per page (works without JavaScript):
 * motive → place (nearest first) → week of slots → contact → confirmation.
 * With ?deplacer=<token> the same steps move an existing appointment.
 */
export default async function BookingPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const q = await searchParams;
  const { locale, t } = await getT();
  const { db, territory } = await loadRespondent(slug);
  const now = new Date();
  const tErr = (t.raw as (k: string) => unknown)("booking.errors") as Record<string, string>;
  const base = `/t/${slug}/rendez-vous`;

  // Moving: the motive is the appointment's; the link token must be valid and still allow it.
  const moving = q.deplacer ? await findByToken(db, territory.id, String(q.deplacer), now) : null;
  if (q.deplacer && (!moving || !personRights(moving, now).canMove)) notFound();
  const keep = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ deplacer: q.deplacer, ...extra })) if (v) p.set(k, v);
    return `${base}?${p.toString()}`;
  };

  const motiveId = moving ? moving.motive.id : q.motif && UUID.test(q.motif) ? q.motif : null;
  const motive = motiveId ? await getMotive(db, territory.id, motiveId) : null;
  if (motiveId && (!motive || (!motive.bookableOnline && !moving))) notFound();

  const heading = <h1>{moving ? t("booking.moveTitle") : t("booking.title", { territory: territory.name })}</h1>;

  // Step 1: the motive.
  if (!motive) {
    const motives = await listMotives(db, territory.id, { onlineOnly: true });
    return (
      <>
        {heading}
        <p className="lead">{t("booking.intro")}</p>
        <StepHeading key="motiveStep">{t("booking.motiveStep")}</StepHeading>
        {motives.length ? (
          <ul className="choice-list">
            {motives.map((m) => (
              <li key={m.id}>
                <Link href={keep({ motif: m.id })}>
                  <strong>{motiveText(m, locale).name}</strong> — {t("booking.duration", { minutes: m.durationMinutes })}
                  {m.locationType === "phone" ? ` — ${t("booking.byPhone")}` : ""}
                </Link>
              </li>
            ))}
          </ul>
        ) : <p>{t("booking.noMotive")}</p>}
      </>
    );
  }

  // Step 2: the place, nearest to the person's neighbourhood first.
  const place = q.lieu && UUID.test(q.lieu) ? await getPlace(db, territory.id, q.lieu) : null;
  if (q.lieu && (!place || place.archivedAt)) notFound();
  if (!place) {
    const receipt = await bookingContextFromReceipt(db, territory.id);
    const chosen = q.quartier && UUID.test(q.quartier) ? q.quartier : receipt?.neighbourhoodId ?? null;
    const point = await neighbourhoodPoint(db, territory.id, chosen);
    const places = sortByDistance(await placesForMotive(db, territory.id, motive.id, parisDay(now)), point);
    const areas = (await listAreasByLevel(db, territory.id))[0]?.areas ?? [];
    const preselected = await coarsestAncestor(db, territory.id, chosen);
    return (
      <>
        {heading}
        <p>{t("booking.motiveChosen", { motive: motiveText(motive, locale).name })} <Link href={keep({})}>{t("booking.change")}</Link></p>
        <StepHeading key="placeStep">{t("booking.placeStep")}</StepHeading>
        {areas.length > 0 && (
          <form method="get" action={base} className="question">
            <input type="hidden" name="motif" value={motive.id} />
            {q.deplacer && <input type="hidden" name="deplacer" value={q.deplacer} />}
            <label className="label" htmlFor="quartier">{t("booking.neighbourhood")}</label>
            <select id="quartier" name="quartier" defaultValue={preselected ?? ""}>
              <option value="">{t("booking.anyNeighbourhood")}</option>
              {areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
            <button className="button secondary" type="submit">{t("booking.sortPlaces")}</button>
          </form>
        )}
        {places.length ? (
          <ul className="choice-list">
            {places.map(({ place: p, km }) => (
              <li key={p.id}>
                <Link href={keep({ motif: motive.id, lieu: p.id })}>
                  <strong>{p.name}</strong><br />{p.address}
                  {km !== null && <> — {t("booking.distance", { km: formatKm(km, locale) })}</>}
                </Link>
              </li>
            ))}
          </ul>
        ) : <p>{t("booking.noPlace")}</p>}
      </>
    );
  }

  const choiceLine = (
    <p>
      {t("booking.motiveChosen", { motive: motiveText(motive, locale).name })} · {t("booking.placeChosen", { place: place.name })}{" "}
      <Link href={keep({ motif: moving ? undefined : motive.id })}>{t("booking.change")}</Link>
    </p>
  );

  // Step 3: a week of slots.
  const start = q.creneau ? new Date(String(q.creneau)) : null;
  if (!start || Number.isNaN(start.getTime())) {
    const today = parisDay(now);
    const requested = weekParamSchema.parse(q.semaine);
    const fromDay = requested && requested > today ? weekStart(requested) : today;
    const view = await weekView(db, { territoryId: territory.id, motive, fromDay, now, placeId: place.id });
    const href = (iso: string) => keep({ motif: motive.id, lieu: place.id, creneau: iso });
    const prev = fromDay > today ? addParisDays(weekStart(fromDay), -7) : null;
    return (
      <>
        {heading}
        {choiceLine}
        <StepHeading key={`slots-${fromDay}`}>{t("booking.slotStep", { from: formatIsoDay(fromDay, locale) })}</StepHeading>
        {view.slots.length === 0 && (
          <div className="notice" role="status">
            <p>{t("booking.weekEmpty")}</p>
            {view.next && (
              <p><Link className="button" href={keep({ motif: motive.id, lieu: place.id, semaine: parisDay(view.next.start) })}>
                {t("booking.nextAvailability", { when: formatDateTime(view.next.start, locale) })}
              </Link></p>
            )}
          </div>
        )}
        <SlotWeek fromDay={fromDay} locale={locale}
          slots={view.slots.map((s) => ({ start: s.start, href: href(s.start.toISOString()) }))}
          labels={{ none: t("booking.noSlotDay"), slotAt: (time, day) => t("booking.slotAt", { time, day }) }} />
        <nav className="pager" aria-label={t("booking.weeks")}>
          {prev ? <Link href={keep({ motif: motive.id, lieu: place.id, semaine: prev })}>{t("booking.prevWeek")}</Link> : <span />}
          <Link href={keep({ motif: motive.id, lieu: place.id, semaine: addParisDays(weekStart(fromDay), 7) })}>{t("booking.nextWeek")}</Link>
        </nav>
      </>
    );
  }

  // Step 4: confirm — contact details for a new booking, one button for a move.
  const slotHref = keep({ motif: motive.id, lieu: place.id });
  const day = parisDay(start);
  const offered = (await findSlots(db, {
    territoryId: territory.id, motive, fromDay: day, toDay: addParisDays(day, 1), now, placeId: place.id, excludeAppointmentId: moving?.a.id,
  })).some((s) => s.start.getTime() === start.getTime());
  if (!offered) {
    const problem = await slotProblem(db, territory.id, motive, place.id, start, now, false);
    return (
      <>
        {heading}
        {choiceLine}
        <div className="error-summary" role="alert"><p>{tErr[problem]}</p></div>
        <p><Link className="button" href={slotHref}>{t("booking.otherSlot")}</Link></p>
      </>
    );
  }
  const localeTag = locale === "fr" ? "fr-FR" : "en-GB";
  const summary = (
    <section className="card" aria-labelledby="recap">
      <h2 id="recap">{t("booking.summary")}</h2>
      <p>{motiveText(motive, locale).name} — {formatDateTime(start, locale)}</p>
      <p>{motive.locationType === "phone" ? t("booking.byPhone") : `${place.name}, ${place.address}`}</p>
      <p><Link href={slotHref}>{t("booking.otherSlot")}</Link></p>
    </section>
  );
  if (moving) {
    return (
      <>
        {heading}
        <p>{t("booking.moveFrom", { when: formatDateTime(moving.a.startsAt, locale) })}</p>
        {summary}
        <ChangeForm action={moveAction.bind(null, slug, String(q.deplacer))} label={t("booking.confirmMove")} errors={tErr}
          hidden={{ placeId: place.id, start: start.toISOString() }} slotHref={slotHref} localeTag={localeTag} nextTitle={t("booking.nextTitle")} />
      </>
    );
  }
  const receipt = await bookingContextFromReceipt(db, territory.id, { withContact: true });
  return (
    <>
      {heading}
      {summary}
      <StepHeading key="contactStep">{t("booking.contactStep")}</StepHeading>
      <p className="hint">{t("booking.contactWhy")}</p>
      <ContactForm
        action={bookAction.bind(null, slug)}
        hidden={{ motiveId: motive.id, placeId: place.id, start: start.toISOString(), idempotencyKey: randomUUID() }}
        prefill={receipt?.prefill ?? { name: "", phone: "", email: "" }}
        slotHref={slotHref} localeTag={localeTag}
        strings={{
          name: t("booking.name"), phone: t("booking.phone"), phoneHint: t("booking.phoneHint"), email: t("booking.email"),
          contactHint: t("booking.contactHint"), submit: t("booking.submit"), errorSummary: t("booking.errorSummary"),
          errors: tErr, nextTitle: t("booking.nextTitle"), required: t("flow.required"), labelSep: t("flow.labelSep"),
        }}
      />
    </>
  );
}
