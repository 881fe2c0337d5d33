import Link from "next/link";
import { notFound } from "next/navigation";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { weekParamSchema } from "@/lib/booking/booking-schema";
import { formatDateTime, formatIsoDay, formatTime } from "@/lib/booking/format";
import { moveOptions, STAFF_STATUSES, viewAppointment } from "@/lib/booking/manage";
import { listPlaces } from "@/lib/booking/settings/places";
import { parisDay } from "@/lib/booking/slots";
import { getT } from "@/lib/i18n/server";
import { isUuid } from "@/lib/validation/parsers";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("titles.appointment", "appointments.title");
}

export const dynamic = "force-dynamic";

/** One appointment for staff: the person's contact (each view audited) and the status buttons. */
export default async function StaffAppointmentPage({ params, searchParams }: {
  params: Promise<{ id: string }>; searchParams: Promise<{ t?: string; msg?: string; deplacer?: string }>;
}) {
  const user = await requirePermission("appointments:handle");
  const { id } = await params;
  const sp = await searchParams;
  if (!isUuid(id)) notFound();
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string) => string;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, sp.t);
  const row = await viewAppointment(db, territory.id, id, user.id);
  if (!row) notFound();
  const { a, motive, place, contact } = row;
  const tq = user.role === "admin" ? `?t=${territory.slug}` : "";
  const msg = sp.msg && /^[a-z_]{1,20}$/.test(sp.msg) ? sp.msg : null;
  const now = new Date();
  const movable = a.status === "upcoming" && a.startsAt.getTime() > now.getTime();
  // "Déplacer": the free slots of one day (the appointment's own by default), as buttons.
  const moveDay = weekParamSchema.parse(sp.deplacer) ?? parisDay(a.startsAt);
  const options = movable && sp.deplacer !== undefined ? await moveOptions(db, territory.id, row, moveDay, now) : [];
  const placeName = new Map((await listPlaces(db, territory.id, { includeArchived: true })).map((p) => [p.id, p.name]));
  return (
    <>
      <p><Link href={`/staff/rendez-vous${tq}`}>← {t("appointments.title")}</Link></p>
      <h1>{motive.name} — {formatDateTime(a.startsAt, locale)}</h1>
      {msg && <p role="status" className={msg === "saved" ? "notice" : "error"}>{tk(`appointments.msg_${msg}`)}</p>}
      <dl className="review">
        <dt>{t("appointments.statusLabel")}</dt><dd className="status" data-testid="appointment-status">{tk(`appointments.status_${a.status}`)}</dd>
        <dt>{t("appointments.place")}</dt><dd>{motive.locationType === "phone" ? t("booking.byPhone") : `${place.name}, ${place.address}`}</dd>
        <dt>{t("appointments.person")}</dt><dd>{contact?.name ?? "—"}</dd>
        <dt>{t("booking.phone")}</dt><dd>{contact?.phone ? <a href={`tel:${contact.phone}`}>{parsePhoneNumberFromString(contact.phone)?.formatNational() ?? contact.phone}</a> : "—"}</dd>
        <dt>{t("booking.email")}</dt><dd>{contact?.email ?? "—"}</dd>
        <dt>{t("appointments.source")}</dt><dd>{a.source === "staff" ? t("appointments.byStaff") : t("appointments.online")}</dd>
      </dl>
      <section aria-labelledby="status-title">
        <h2 id="status-title">{t("appointments.setStatus")}</h2>
        <div className="inline-choices">
          {STAFF_STATUSES.map((s) => (
            <form key={s} method="post" action={`/api/rendez-vous/${a.id}/statut${tq}`}>
              <input type="hidden" name="status" value={s} />
              <button className="button secondary" type="submit">{tk(`appointments.set_${s}`)}</button>
            </form>
          ))}
        </div>
      </section>
      {movable && (
        <section className="card" aria-labelledby="deplacer-title" id="deplacer" tabIndex={-1}>
          <h2 id="deplacer-title">{t("appointments.moveTitle")}</h2>
          <form method="get" action={`/staff/rendez-vous/${a.id}#deplacer`} className="question">
            {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
            <label className="label" htmlFor="move-day">{t("appointments.moveDay")}</label>
            <input id="move-day" name="deplacer" type="date" defaultValue={moveDay} required />
            <button className="button secondary" type="submit">{t("appointments.moveShow")}</button>
          </form>
          {sp.deplacer !== undefined && (options.length === 0 ? <p>{t("appointments.moveNone", { day: formatIsoDay(moveDay, locale) })}</p> : (
            <ul className="slot-list" aria-label={t("appointments.moveSlots", { day: formatIsoDay(moveDay, locale) })}>
              {options.map((o) => (
                <li key={`${o.placeId}-${o.start.toISOString()}`}>
                  <form method="post" action={`/api/rendez-vous/${a.id}/deplacer${tq}`}>
                    <input type="hidden" name="placeId" value={o.placeId} />
                    <input type="hidden" name="start" value={o.start.toISOString()} />
                    <button className="button secondary" type="submit">
                      {t("appointments.moveTo", { time: formatTime(o.start, locale), place: motive.locationType === "phone" ? t("booking.byPhone") : placeName.get(o.placeId) ?? "" })}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ))}
        </section>
      )}
      {a.callbackRequestId && <p><Link href={`/staff/rappels/${a.callbackRequestId}${tq}`}>{t("appointments.fromRequest")}</Link></p>}
    </>
  );
}
