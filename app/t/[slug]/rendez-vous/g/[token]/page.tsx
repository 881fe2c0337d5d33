import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeForm } from "@/components/booking/change-form";
import { formatDateTime } from "@/lib/booking/format";
import { findByToken, personRights } from "@/lib/booking/manage";
import { readContact } from "@/lib/booking/notify";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { cancelAction } from "../../actions";

export const dynamic = "force-dynamic";

/** A title per page (RGAA 8.6), in the person's language. */
export async function generateMetadata({ searchParams }: { searchParams: Promise<{ confirme?: string; annule?: string }> }) {
  const { t } = await getT();
  const flags = await searchParams;
  return { title: `${flags.annule ? t("booking.cancelledTitle") : flags.confirme ? t("booking.confirmedTitle") : t("booking.appointmentTitle")} — ${t("booking.link")}` };
}

/**
 * The person's appointment page, reached by the unguessable link of the confirmation and the
 * e-mails: details, what to bring, calendar file, cancel and move within the motive's deadlines.
 * A tampered or expired link is simply not found.
 */
export default async function AppointmentPage({ params, searchParams }: {
  params: Promise<{ slug: string; token: string }>; searchParams: Promise<{ confirme?: string; annule?: string; deplace?: string }>;
}) {
  const { slug, token } = await params;
  const flags = await searchParams;
  const { locale, t } = await getT();
  const { db, territory } = await loadRespondent(slug);
  const now = new Date();
  const row = await findByToken(db, territory.id, token, now);
  if (!row) notFound();
  const { a, motive, place } = row;
  const rights = personRights(row, now);
  const contact = readContact(a);
  const tErr = (t.raw as (k: string) => unknown)("booking.errors") as Record<string, string>;
  const cancelled = a.status === "excused" || a.status === "revoked";
  const phone = place.phone ?? "";
  return (
    <>
      <h1>{cancelled ? t("booking.cancelledTitle") : flags.confirme ? t("booking.confirmedTitle") : t("booking.appointmentTitle")}</h1>
      {flags.confirme && !cancelled && <p role="status" className="notice">{contact?.email ? t("booking.confirmedMail") : t("booking.confirmedNoMail")}</p>}
      {flags.deplace && !cancelled && <p role="status" className="notice">{t("booking.moved")}</p>}
      {flags.annule && cancelled && <p role="status" className="notice">{t("booking.cancelled")}</p>}
      <section className="card" aria-labelledby="details">
        <h2 id="details">{motive.name}</h2>
        <dl className="review">
          <dt>{t("booking.when")}</dt><dd data-testid="appointment-when">{formatDateTime(a.startsAt, locale)}</dd>
          <dt>{t("booking.where")}</dt>
          <dd>{motive.locationType === "phone" ? t("booking.byPhone") : <>{place.name}<br />{place.address}</>}</dd>
          {place.accessNotes && motive.locationType === "on_site" && <><dt>{t("booking.access")}</dt><dd>{place.accessNotes}</dd></>}
          {motive.instructions && !cancelled && <><dt>{t("booking.bring")}</dt><dd>{motive.instructions}</dd></>}
          <dt>{t("booking.status")}</dt><dd className="status">{t(`appointments.status_${a.status}`)}</dd>
        </dl>
      </section>
      {!cancelled && <p><a href={`/t/${slug}/rendez-vous/g/${token}/ics`} download>{t("booking.addToCalendar")}</a></p>}
      <p className="muted">{t("booking.keepLink")}</p>
      {rights.upcoming && (
        <section aria-labelledby="change">
          <h2 id="change">{t("booking.changeTitle")}</h2>
          {rights.canMove
            ? <p><Link className="button secondary" href={`/t/${slug}/rendez-vous?deplacer=${token}&lieu=${place.id}`}>{t("booking.move")}</Link></p>
            : <p>{t("booking.moveTooLate", { phone })}</p>}
          {rights.canCancel
            ? <ChangeForm action={cancelAction.bind(null, slug, token)} label={t("booking.cancel")} errors={{ ...tErr, deadline: t("booking.cancelTooLate", { phone }) }} secondary />
            : <p>{t("booking.cancelTooLate", { phone })}</p>}
        </section>
      )}
      {cancelled && <p><Link className="button" href={`/t/${slug}/rendez-vous`}>{t("booking.bookAgain")}</Link></p>}
    </>
  );
}
