import Link from "next/link";
import { redirect } from "next/navigation";
import { SituationTable, type SituationRow } from "@/components/detection/situation-table";
import { can } from "@/lib/auth/permissions";
import { formatIsoDay } from "@/lib/booking/format";
import { parisDay } from "@/lib/booking/slots";
import { objectLabel } from "@/lib/detection/form-options";
import { findHouseholdByCode } from "@/lib/detection/households";
import { findHouseholdsByIdentity } from "@/lib/detection/identity";
import { loadLists } from "@/lib/detection/options";
import { detectionPage } from "@/lib/detection/page-context";
import { listRecentSituations, listToFollow, type ListedSituation } from "@/lib/detection/situations";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("detection.title");
}
export const dynamic = "force-dynamic";

/**
 * The detection desk: find a household (by its code; with detection:identity, by name or file
 * number too), my situations to follow (overdue reminders first), the territory's recent ones.
 */
export default async function DetectionHome({ searchParams }: { searchParams: Promise<{ t?: string; q?: string }> }) {
  const sp = await searchParams;
  const { user, db, territory, q } = await detectionPage(sp.t);
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const query = (sp.q ?? "").trim().slice(0, 120);
  const identity = can(user, "detection:identity");
  let found: { code: string }[] | null = null;
  if (query) {
    const byCode = await findHouseholdByCode(db, territory.id, query);
    if (byCode) redirect(`/staff/reperage/menages/${encodeURIComponent(byCode.code)}${q()}`);
    found = identity ? await findHouseholdsByIdentity(db, territory.id, query, user.id) : [];
    if (found.length === 1) redirect(`/staff/reperage/menages/${encodeURIComponent(found[0].code)}${q()}`);
  }
  const today = parisDay(new Date());
  const [lists, toFollow, recent] = await Promise.all([loadLists(db, territory.id), listToFollow(db, territory.id, user.id, today), listRecentSituations(db, territory.id)]);
  const row = (s: ListedSituation & { remindOn?: string | null; overdue?: boolean }): SituationRow => ({
    id: s.id, date: formatIsoDay(s.detectedOn, locale), household: s.householdCode, object: objectLabel(lists, s), service: s.service,
    worker: s.worker ?? "—", status: tk(`detection.status_${s.status}`), reminder: s.remindOn ? formatIsoDay(s.remindOn, locale) : undefined, overdue: s.overdue,
  });
  const cols = {
    date: t("detection.colDate"), household: t("detection.colHousehold"), object: t("detection.colObject"), service: t("detection.colService"),
    worker: t("detection.colWorker"), status: t("detection.colStatus"),
  };
  const hrefOf = (id: string) => `/staff/reperage/situations/${id}${q()}`;
  return (
    <div className="wide">
      <h1>{t("detection.title")} — {territory.name}</h1>
      <p>{t("detection.intro")}</p>
      <p><Link className="button" href={`/staff/reperage/nouvelle${q()}`}>{t("detection.newSituation")}</Link></p>
      <nav aria-label={t("detection.toolsNav")}>
        <ul className="inline-list">
          <li><Link href={`/staff/reperage/analyse${q()}`}>{t("detection.toolsAnalysis")}</Link></li>
          <li><Link href={`/staff/reperage/interpellations${q()}`}>{t("detection.toolsDossiers")}</Link></li>
          <li><Link href={`/staff/reperage/import${q()}`}>{t("detection.toolsImport")}</Link></li>
          {can(user, "territory:configure") && <li><Link href={`/staff/reperage/reglages${q()}`}>{t("detection.toolsSettings")}</Link></li>}
        </ul>
      </nav>

      <section className="card" aria-labelledby="search-title">
        <h2 id="search-title">{t("detection.searchTitle")}</h2>
        <form method="get" action="/staff/reperage" role="search">
          {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
          <div className="question">
            <label className="label" htmlFor="q">{identity ? t("detection.searchLabelIdentity") : t("detection.searchLabel")}</label>
            <p className="hint" id="q-hint">{t("detection.searchHint")}</p>
            <input id="q" name="q" type="search" maxLength={120} defaultValue={query} aria-describedby="q-hint" autoComplete="off" />
          </div>
          <button className="button secondary" type="submit">{t("detection.searchButton")}</button>
        </form>
        {found && found.length === 0 && <p role="status" data-testid="search-none">{t("detection.searchNone")}</p>}
        {found && found.length > 1 && (
          <>
            <h3>{t("detection.searchResults")}</h3>
            <ul>{found.map((h) => <li key={h.code}><Link href={`/staff/reperage/menages/${encodeURIComponent(h.code)}${q()}`}>{h.code}</Link></li>)}</ul>
          </>
        )}
      </section>

      <section aria-labelledby="follow-title">
        <h2 id="follow-title">{t("detection.toFollowTitle")}</h2>
        {toFollow.length === 0 ? <p>{t("detection.toFollowNone")}</p> : (
          <SituationTable testId="to-follow" rows={toFollow.map(row)} caption={t("detection.toFollowTitle")} hrefOf={hrefOf}
            cols={{ ...cols, reminder: t("detection.colReminder"), overdue: t("detection.overdue") }} />
        )}
      </section>

      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t("detection.recentTitle")}</h2>
        {recent.length === 0 ? <p>{t("detection.recentNone")}</p> : (
          <SituationTable testId="recent" rows={recent.map(row)} caption={t("detection.recentTitle")} hrefOf={hrefOf} cols={cols} />
        )}
      </section>
    </div>
  );
}
