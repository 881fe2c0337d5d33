import Link from "next/link";
import { notFound } from "next/navigation";
import { motiveText, placeAccessNotes } from "@/lib/booking/localized";
import { ChangeForm } from "@/components/booking/change-form";
import { formatDateTime } from "@/lib/booking/format";
import { findByToken, personRights } from "@/lib/booking/manage";
import { readContact } from "@/lib/booking/notify";
import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import { PrintButton } from "@/components/booking/print-button";
import { bookingReference, smsConfigured } from "@/lib/notifications/sms";
import { cancelAction, summaryAction } from "../../actions";

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
  params: Promise<{ slug: string; token: string }>; searchParams: Promise<{ confirme?: string; annule?: string; deplace?: string; recap?: string }>;
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
  const text = motiveText(motive, locale);
  const accessNotes = placeAccessNotes(place, locale);
  // Phone-only people get SMS once a provider is configured; until then this page is all they have.
  const bySms = !contact?.email && !!contact?.phone && smsConfigured();
  const recap = ["envoye", "invalide", "limite"].find((r) => r === flags.recap);
  return (
    <>
      <h1>{cancelled ? t("booking.cancelledTitle") : flags.confirme ? t("booking.confirmedTitle") : t("booking.appointmentTitle")}</h1>
      {flags.confirme && !cancelled && <p role="status" className="notice">{contact?.email ? t("booking.confirmedMail") : bySms ? t("booking.confirmedSms") : t("booking.confirmedNoMail")}</p>}
      {flags.deplace && !cancelled && <p role="status" className="notice">{t("booking.moved")}</p>}
      {flags.annule && cancelled && <p role="status" className="notice">{t("booking.cancelled")}</p>}
      <section className="card" aria-labelledby="details">
        <h2 id="details">{text.name}</h2>
        <dl className="review">
          <dt>{t("booking.when")}</dt><dd data-testid="appointment-when">{formatDateTime(a.startsAt, locale)}</dd>
          <dt>{t("booking.where")}</dt>
          <dd>{motive.locationType === "phone" ? t("booking.byPhone") : <>{place.name}<br />{place.address}</>}</dd>
          {accessNotes && motive.locationType === "on_site" && <><dt>{t("booking.access")}</dt><dd>{accessNotes}</dd></>}
          {text.instructions && !cancelled && <><dt>{t("booking.bring")}</dt><dd>{text.instructions}</dd></>}
          <dt>{t("booking.status")}</dt><dd className="status">{t(`appointments.status_${a.status}`)}</dd>
          <dt>{t("booking.reference")}</dt><dd data-testid="booking-reference"><strong>{bookingReference(a.id)}</strong></dd>
          {place.phone && <><dt>{t("booking.placePhone")}</dt><dd><a href={`tel:${place.phone.replace(/\s/g, "")}`}>{place.phone}</a></dd></>}
        </dl>
      </section>
      {!cancelled && <p><a href={`/t/${slug}/rendez-vous/g/${token}/ics`} download>{t("booking.addToCalendar")}</a></p>}
      <p className="muted">{t("booking.keepLink")}</p>
      {!cancelled && (
        <section className="card no-print" aria-labelledby="recap-title" id="recap" tabIndex={-1}>
          <h2 id="recap-title">{t("booking.recapTitle")}</h2>
          {recap && <p role={recap === "envoye" ? "status" : "alert"} className={recap === "envoye" ? "notice" : "error"}>{t(`booking.recap_${recap as "envoye" | "invalide" | "limite"}`)}</p>}
          <PrintButton label={t("booking.print")} hint={t("booking.printHint")} />
          <form action={summaryAction.bind(null, slug, token)} className="question">
            <label className="label" htmlFor="recap-email">{t("booking.recapEmail")}</label>
            <p className="hint" id="recap-email-hint">{t("booking.recapEmailHint")}</p>
            <input id="recap-email" name="email" type="email" autoComplete="email" required maxLength={200} aria-describedby="recap-email-hint" />
            <button className="button secondary" type="submit">{t("booking.recapSend")}</button>
          </form>
        </section>
      )}
      {rights.upcoming && (
        <section aria-labelledby="change">
          <h2 id="change">{t("booking.changeTitle")}</h2>
          {rights.canMove
            ? <p><Link className="button secondary" href={`/t/${slug}/rendez-vous?deplacer=${token}&lieu=${place.id}`}>{t("booking.move")}</Link></p>
            : <p>{t("booking.moveTooLate", { phone })}</p>}
          {rights.canCancel
            ? <ChangeForm action={cancelAction.bind(null, slug, token)} label={t("booking.cancel")} errors={{ ...tErr, deadline: t("booking.cancelTooLate", { phone }) }} secondary confirm={t("booking.cancelConfirm")} />
            : <p>{t("booking.cancelTooLate", { phone })}</p>}
        </section>
      )}
      {cancelled && <p><Link className="button" href={`/t/${slug}/rendez-vous`}>{t("booking.bookAgain")}</Link></p>}
    </>
  );
}
