import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { CONTACT_LANGUAGES } from "@/lib/callbacks/opt-in-schema";
import { listAntennas } from "@/lib/callbacks/antennas";
import { callbackFunnel } from "@/lib/callbacks/funnel";
import { purgeContactDataThrottled } from "@/lib/callbacks/retention";
import { listQueue, queueCounts, queueNames, queueFiltersSchema, QUEUE_PAGE_SIZE } from "@/lib/callbacks/queue";
import { STATUSES } from "@/lib/callbacks/state-machine";
import { formatIsoDate, formatIsoDay, formatTime } from "@/lib/booking/format";
import { getT } from "@/lib/i18n/server";
import { listNeighbourhoodChoices } from "@/lib/territories/queries";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("queue.queueTitle");
}

export const dynamic = "force-dynamic";

/**
 * The CCAS queue of rights-review requests, built around the next call: overdue first, then due
 * today, then the oldest; first names shown to agents (the page view is audited); filters kept in
 * the URL, folded away.
 */
export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePermission("callbacks:handle");
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const db = await getDb();
  const sp = await searchParams;
  const { territory } = await staffTerritory(db, user, sp.t);
  const filters = queueFiltersSchema.parse(sp);
  await purgeContactDataThrottled(db); // retention also applies on servers that run for months
  const [queue, counts, areas, funnel, antennaList] = await Promise.all([
    listQueue(db, territory.id, filters, user.id), queueCounts(db, territory.id, user.id), listNeighbourhoodChoices(db, territory.id),
    callbackFunnel(db, territory.id), listAntennas(db, territory.id),
  ]);
  const rightsOpened = funnel.rightsOpened.reduce((n, r) => n + r.count, 0);
  const day = (d: Date | string) => new Date(d).toLocaleDateString(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris" });
  const qs = new URLSearchParams({ ...(user.role === "admin" ? { t: territory.slug } : {}), ...Object.fromEntries(Object.entries(sp).filter(([k]) => k !== "page" && k !== "t")) });
  const names = await queueNames(db, territory.id, queue.rows.map((r) => r.id), user.id);
  const filtered = filters.status !== "open" || !!(filters.neighbourhood || filters.antenna || filters.language || filters.mine || filters.overdue);
  const suffix = user.role === "admin" ? `?t=${territory.slug}` : "";
  return (
    <div className="wide">
      <h1>{t("queue.queueTitle")} — {territory.name}</h1>
      <p data-testid="queue-counts">
        {t("queue.countsOpen", { count: counts.open })} · {t("queue.countsUnassigned", { count: counts.unassigned })} ·{" "}
        {t("queue.countsMine", { count: counts.mine })} · <strong>{t("queue.countsOverdue", { count: counts.overdue })}</strong>
      </p>
      <details className="filters" open={filtered || undefined}>
        <summary>{t("queue.filters")}</summary>
      <form method="get" className="card" aria-label={t("queue.filters")}>
        {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
        <div className="question">
          <label className="label" htmlFor="status">{t("queue.status")}</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="open">{t("queue.statusAll")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{tk(`queue.status_${s}`)}</option>)}
          </select>
        </div>
        <div className="question">
          <label className="label" htmlFor="neighbourhood">{t("queue.neighbourhood")}</label>
          <select id="neighbourhood" name="neighbourhood" defaultValue={filters.neighbourhood ?? ""}>
            <option value="">{t("queue.anyNeighbourhood")}</option>
            {areas.map((a) => <option key={a.id} value={a.id}>{a.group ? `${a.group} — ` : ""}{a.name}</option>)}
          </select>
        </div>
        {antennaList.length > 0 && (
          <div className="question">
            <label className="label" htmlFor="antenna">{t("antenna.column")}</label>
            <select id="antenna" name="antenna" defaultValue={filters.antenna ?? ""}>
              <option value="">{t("antenna.any")}</option>
              {antennaList.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
        )}
        <div className="question">
          <label className="label" htmlFor="language">{t("queue.language")}</label>
          <select id="language" name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("queue.anyLanguage")}</option>
            {CONTACT_LANGUAGES.map((l) => <option key={l} value={l}>{tk(`callback.language_${l}`)}</option>)}
          </select>
        </div>
        <label className="choice" htmlFor="mine"><input id="mine" type="checkbox" name="mine" value="1" defaultChecked={!!filters.mine} /><span>{t("queue.mine")}</span></label>
        <label className="choice" htmlFor="overdue"><input id="overdue" type="checkbox" name="overdue" value="1" defaultChecked={!!filters.overdue} /><span>{t("queue.overdue")}</span></label>
        <button className="button secondary" type="submit">{t("queue.apply")}</button>
      </form>
      </details>
      {queue.rows.length === 0 ? <p>{t("queue.none")}</p> : (
        <table className="queue-table" data-testid="queue-table">
          <caption className="visually-hidden">{t("queue.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("queue.colName")}</th><th scope="col">{t("queue.colCallOn")}</th>
              <th scope="col">{t("queue.colAttempts")}</th><th scope="col">{t("queue.colChannel")}</th>
              <th scope="col">{t("queue.colTimes")}</th><th scope="col">{t("queue.colStatus")}</th>
              <th scope="col">{t("queue.colNeighbourhood")}</th><th scope="col">{t("queue.colLanguage")}</th>
              <th scope="col">{t("queue.colAssignee")}</th><th scope="col">{t("queue.colCreated")}</th>
              {antennaList.length > 0 && <th scope="col">{t("antenna.column")}</th>}
            </tr>
          </thead>
          <tbody>
            {queue.rows.map((r) => {
              const c = names.get(r.id);
              return (
                <tr key={r.id} data-overdue={r.overdue || undefined} data-due-today={r.dueToday || undefined}>
                  <td>
                    <Link href={`/staff/rappels/${r.id}${suffix}`}>{c?.firstName || t("queue.noName", { date: day(r.createdAt) })}</Link>
                    {r.outreachType && r.outreachOn && (
                      <><br /><span className="muted" data-testid="outreach-flag">{t("callback.outreachFlag", { type: tk(`outreach.type_${r.outreachType}`), date: formatIsoDate(r.outreachOn, locale) })}</span></>
                    )}
                  </td>
                  <td>
                    {r.callOn ? formatIsoDay(r.callOn, locale) : "—"}
                    {r.overdue && <strong className="error"> ({t("queue.overdueBadge")})</strong>}
                    {r.dueToday && <strong> ({t("queue.todayBadge")})</strong>}
                    {r.nextCallAt && <span className="muted"> {t("queue.agreedCall", { time: formatTime(r.nextCallAt, locale) })}</span>}
                  </td>
                  <td>{r.failedAttempts}</td>
                  <td>{tk(`callback.channel_${r.channel}`)}</td>
                  <td>{c ? [...c.days.map((d) => tk(`callback.days_${d}`)), ...c.times.map((x) => tk(`callback.times_${x}`))].join(", ") || "—" : "—"}</td>
                  <td>{tk(`queue.status_${r.status}`)}</td>
                  <td>{r.neighbourhood ?? "—"}</td>
                  <td>{tk(`callback.language_${r.language}`)}</td>
                  <td>{r.assignee ?? t("queue.unassigned")}</td>
                  <td>{day(r.createdAt)}</td>
                  {antennaList.length > 0 && <td>{r.antenna ?? "—"}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {queue.total > filters.page * QUEUE_PAGE_SIZE && (
        <p><Link href={`/staff/rappels?${qs}&page=${filters.page + 1}`}>→ {filters.page + 1}</Link></p>
      )}
      <p data-testid="funnel">
        {t("queue.funnel", { optedIn: funnel.optedIn, reached: funnel.reached, reviewed: funnel.reviewed, opened: rightsOpened })}
      </p>
      <p><a href={`/api/rappels/export?${qs}`}>{t("queue.exportCsv")}</a></p>
    </div>
  );
}
