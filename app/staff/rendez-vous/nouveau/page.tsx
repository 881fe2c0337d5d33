import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/booking/contact-form";
import { SlotWeek } from "@/components/booking/slot-week";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { getMotive, getPlace, listMotives, placesForMotive, weekView } from "@/lib/booking/availability";
import { weekParamSchema } from "@/lib/booking/booking-schema";
import { formatDateTime, formatIsoDay } from "@/lib/booking/format";
import { addParisDays, parisDay, weekStart } from "@/lib/booking/slots";
import { viewRequest } from "@/lib/callbacks/handle-request";
import { getT } from "@/lib/i18n/server";
import { staffBookAction } from "./actions";
import { UUID_PATTERN } from "@/lib/validation/parsers";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("appointments.bookTitle", "appointments.title");
}

export const dynamic = "force-dynamic";
const UUID = UUID_PATTERN;

/** Staff book for a person (from a rights-review request or a phone call): motive, place, slot, contact. */
export default async function StaffBookingPage({ searchParams }: {
  searchParams: Promise<{ t?: string; demande?: string; motif?: string; lieu?: string; semaine?: string; creneau?: string }>;
}) {
  const user = await requirePermission("appointments:handle");
  const sp = await searchParams;
  const { locale, t } = await getT();
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, sp.t);
  const requestId = sp.demande && UUID.test(sp.demande) ? sp.demande : null;
  const seen = requestId ? await viewRequest(db, territory.id, requestId, user.id) : null;
  if (requestId && !seen) notFound();
  const link = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ t: user.role === "admin" ? territory.slug : undefined, demande: requestId ?? undefined, ...over })) if (v) p.set(k, v);
    return `/staff/rendez-vous/nouveau?${p.toString()}`;
  };
  const motives = await listMotives(db, territory.id, { onlineOnly: false });
  const motive = sp.motif && UUID.test(sp.motif) ? await getMotive(db, territory.id, sp.motif) : null;
  const places = motive ? await placesForMotive(db, territory.id, motive.id, parisDay(new Date())) : [];
  const place = motive && sp.lieu && UUID.test(sp.lieu) ? await getPlace(db, territory.id, sp.lieu) : null;
  const now = new Date();
  const today = parisDay(now);
  const requested = weekParamSchema.parse(sp.semaine);
  const fromDay = requested && requested > today ? weekStart(requested) : today;
  const view = motive && place ? await weekView(db, { territoryId: territory.id, motive, fromDay, now, placeId: place.id, staff: true }) : null;
  const start = sp.creneau ? new Date(sp.creneau) : null;
  const tErr = (t.raw as (k: string) => unknown)("booking.errors") as Record<string, string>;
  return (
    <>
      <p><Link href={requestId ? `/staff/rappels/${requestId}` : "/staff/rendez-vous"}>← {t("appointments.back")}</Link></p>
      <h1>{t("appointments.bookTitle")}</h1>
      {seen && <p>{t("appointments.forRequest", { name: seen.contact?.firstName ?? "—" })}</p>}
      <form method="get" action="/staff/rendez-vous/nouveau" className="question">
        {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
        {requestId && <input type="hidden" name="demande" value={requestId} />}
        <label className="label" htmlFor="motif">{t("appointments.motive")}</label>
        <select id="motif" name="motif" defaultValue={motive?.id ?? ""}>
          <option value="">—</option>
          {motives.map((m) => <option key={m.id} value={m.id}>{m.name}{m.bookableOnline ? "" : ` (${t("appointments.staffOnly")})`}</option>)}
        </select>
        {motive && (
          <>
            <label className="label" htmlFor="lieu">{t("appointments.place")}</label>
            <select id="lieu" name="lieu" defaultValue={place?.id ?? ""}>
              <option value="">—</option>
              {places.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </>
        )}
        <button className="button secondary" type="submit">{t("appointments.showSlots")}</button>
      </form>
      {motive && place && view && !start && (
        <>
          <h2>{t("booking.slotStep", { from: formatIsoDay(fromDay, locale) })}</h2>
          {view.slots.length === 0 && view.next && (
            <p><Link href={link({ motif: motive.id, lieu: place.id, semaine: parisDay(view.next.start) })}>{t("booking.nextAvailability", { when: formatDateTime(view.next.start, locale) })}</Link></p>
          )}
          <SlotWeek fromDay={fromDay} locale={locale}
            slots={view.slots.map((s) => ({ start: s.start, href: link({ motif: motive.id, lieu: place.id, creneau: s.start.toISOString() }) }))}
            labels={{ none: t("booking.noSlotDay"), slotAt: (time, day) => t("booking.slotAt", { time, day }) }} />
          <nav className="pager" aria-label={t("booking.weeks")}>
            <Link href={link({ motif: motive.id, lieu: place.id, semaine: addParisDays(weekStart(fromDay), 7) })}>{t("booking.nextWeek")}</Link>
          </nav>
        </>
      )}
      {motive && place && start && !Number.isNaN(start.getTime()) && (
        <>
          <p className="card">{motive.name} — {formatDateTime(start, locale)} — {place.name}</p>
          <ContactForm
            action={staffBookAction.bind(null, user.role === "admin" ? territory.slug : undefined, requestId)}
            hidden={{ motiveId: motive.id, placeId: place.id, start: start.toISOString(), idempotencyKey: randomUUID() }}
            prefill={{ name: seen?.contact?.firstName ?? "", phone: seen?.contact?.phone ?? "", email: seen?.contact?.email ?? "" }}
            slotHref={link({ motif: motive.id, lieu: place.id })} localeTag={locale === "fr" ? "fr-FR" : "en-GB"}
            strings={{
              name: t("booking.name"), phone: t("booking.phone"), phoneHint: t("booking.phoneHint"), email: t("booking.email"),
              contactHint: t("booking.contactHint"), submit: t("booking.submit"), errorSummary: t("booking.errorSummary"), errors: tErr, nextTitle: t("booking.nextTitle"), required: t("flow.required"), labelSep: t("flow.labelSep"),
            }}
          />
        </>
      )}
    </>
  );
}
