import Link from "next/link";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { calendarNames, hasFeed, listCalendar } from "@/lib/booking/calendar";
import { listBookableAgents } from "@/lib/booking/settings/agents";
import { weekParamSchema } from "@/lib/booking/booking-schema";
import { formatIsoDay, formatTime } from "@/lib/booking/format";
import { publicBaseUrl } from "@/lib/booking/notify";
import { addParisDays, parisDay, parisDays, parisInstant, weekStart } from "@/lib/booking/slots";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** A title per page (RGAA 8.6), in the person's language. */
export async function generateMetadata() {
  const { t } = await getT();
  return { title: t("appointments.title") };
}

/** An agent's day or week of appointments (or every agent's), with links to each appointment. */
export default async function CalendarPage({ searchParams }: {
  searchParams: Promise<{ t?: string; vue?: string; date?: string; agent?: string; flux?: string }>;
}) {
  const user = await requirePermission("appointments:handle");
  const sp = await searchParams;
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string) => string;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, sp.t);
  const agents = await listBookableAgents(db, territory.id);
  const agentId = sp.agent === "tous" ? null
    : agents.find((a) => a.id === sp.agent)?.id ?? (agents.some((a) => a.id === user.id) ? user.id : null);
  const week = sp.vue !== "jour";
  const day = weekParamSchema.parse(sp.date) ?? parisDay(new Date());
  const from = week ? weekStart(day) : day;
  const to = addParisDays(from, week ? 7 : 1);
  const now = new Date();
  const items = await listCalendar(db, territory.id, parisInstant(from, "00:00"), parisInstant(to, "00:00"), agentId);
  // The platform admin's territory travels in the links; everyone else's is implicit.
  const onlyT = user.role === "admin" ? `?t=${territory.slug}` : "";
  const link = (over: Record<string, string>) => {
    const p = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), vue: week ? "semaine" : "jour", date: day, agent: agentId ?? "tous", ...over });
    return `/staff/rendez-vous?${p.toString()}`;
  };
  const step = week ? 7 : 1;
  // Who is expected: names for the territory's agents and lead (not the platform admin); audited.
  const showNames = user.role !== "admin";
  const names = showNames ? await calendarNames(db, territory.id, items.map((i) => i.id), user.id) : new Map<string, string>();
  const feed = await hasFeed(db, user.id);
  return (
    <>
      <p><Link href={`/staff${user.role === "admin" ? `?t=${territory.slug}` : ""}`}>← {t("staff.title")}</Link></p>
      <h1>{t("appointments.title")}</h1>
      <p><Link className="button secondary" href={`/staff/rendez-vous/nouveau${onlyT}`}>{t("appointments.bookOnBehalf")}</Link></p>
      <form method="get" action="/staff/rendez-vous" className="question">
        {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
        <label className="label" htmlFor="agent">{t("appointments.agent")}</label>
        <select id="agent" name="agent" defaultValue={agentId ?? "tous"}>
          <option value="tous">{t("appointments.allAgents")}</option>
          {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <label className="label" htmlFor="vue">{t("appointments.view")}</label>
        <select id="vue" name="vue" defaultValue={week ? "semaine" : "jour"}>
          <option value="semaine">{t("appointments.week")}</option>
          <option value="jour">{t("appointments.day")}</option>
        </select>
        <label className="label" htmlFor="date">{t("appointments.date")}</label>
        <input id="date" name="date" type="date" defaultValue={day} />
        <button className="button secondary" type="submit">{t("appointments.show")}</button>
      </form>
      <nav className="pager" aria-label={t("appointments.navigation")}>
        <Link href={link({ date: addParisDays(day, -step) })}>{week ? t("booking.prevWeek") : t("appointments.prevDay")}</Link>
        <Link href={link({ date: parisDay(new Date()) })}>{t("appointments.today")}</Link>
        <Link href={link({ date: addParisDays(day, step) })}>{week ? t("booking.nextWeek") : t("appointments.nextDay")}</Link>
      </nav>
      {parisDays(from, to).map((d) => {
        const list = items.filter((i) => parisDay(i.startsAt) === d);
        return (
          <section key={d} aria-labelledby={`day-${d}`}>
            <h2 id={`day-${d}`} className="week-day">{formatIsoDay(d, locale)}</h2>
            {list.length === 0 ? <p className="muted">{t("appointments.none")}</p> : (
              <table className="calendar-table">
                <thead><tr><th scope="col">{t("appointments.time")}</th>{showNames && <th scope="col">{t("appointments.expected")}</th>}<th scope="col">{t("appointments.motive")}</th><th scope="col">{t("appointments.place")}</th>{!agentId && <th scope="col">{t("appointments.agent")}</th>}<th scope="col">{t("appointments.statusLabel")}</th><th scope="col"><span className="visually-hidden">{t("appointments.actions")}</span></th></tr></thead>
                <tbody>
                  {list.map((i) => (
                    <tr key={i.id} data-testid="calendar-row">
                      <td><Link href={`/staff/rendez-vous/${i.id}${onlyT}`}>{formatTime(i.startsAt, locale)}–{formatTime(i.endsAt, locale)}</Link></td>
                      {showNames && <td>{names.get(i.id) ?? "—"}</td>}
                      <td>{i.motive}{i.source === "staff" ? ` (${t("appointments.byStaff")})` : ""}</td>
                      <td>{i.locationType === "phone" ? t("booking.byPhone") : i.place}</td>
                      {!agentId && <td>{i.agentName}</td>}
                      <td className="status">{tk(`appointments.status_${i.status}`)}</td>
                      <td>{i.status === "upcoming" && i.startsAt > now && (
                        <Link href={`/staff/rendez-vous/${i.id}?${user.role === "admin" ? `t=${territory.slug}&` : ""}deplacer=${parisDay(i.startsAt)}#deplacer`}>
                          {t("appointments.move")}<span className="visually-hidden"> — {names.get(i.id) ?? ""} {formatTime(i.startsAt, locale)}</span>
                        </Link>
                      )}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
      <section className="card" aria-labelledby="feed">
        <h2 id="feed">{t("appointments.feedTitle")}</h2>
        <p>{t("appointments.feedIntro")}</p>
        {sp.flux && /^[A-Za-z0-9_-]{32}$/.test(sp.flux) && (
          <p role="status">{t("appointments.feedUrl")} <code data-testid="feed-url">{`${publicBaseUrl()}/api/rendez-vous/agenda/${sp.flux}`}</code></p>
        )}
        <form method="post" action={`/api/rendez-vous/flux${onlyT}`}>
          <button className="button secondary" type="submit">{feed ? t("appointments.feedRotate") : t("appointments.feedCreate")}</button>
        </form>
      </section>
      {can(user, "territory:configure") && (
        <>
          <p><Link href={`/staff/rendez-vous/reglages${onlyT}`}>{t("bookingSettings.link")}</Link></p>
          <p><Link href={`/staff/rendez-vous/messages${onlyT}`}>{t("appointments.outboxLink")}</Link></p>
        </>
      )}
    </>
  );
}
