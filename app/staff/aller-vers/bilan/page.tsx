import Link from "next/link";
import { BilanTable } from "@/components/outreach/bilan-table";
import { parisDay } from "@/lib/booking/slots";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { MEASURES, outreachBilan, parseBilanFilters } from "@/lib/outreach/aggregates";
import { outreachPage } from "@/lib/outreach/page-context";

export function generateMetadata() {
  return pageTitle("outreach.bilanTitle");
}
export const dynamic = "force-dynamic";

/**
 * The committee's outreach bilan (outreach:aggregates): aggregates only, small counts of people
 * suppressed on the server. No action, no name, no contact is listed here.
 */
export default async function BilanPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const { db, territory, q, user, can } = await outreachPage(sp.t, "outreach:aggregates");
  const { t, locale } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const f = parseBilanFilters(sp, parisDay(new Date()));
  const bilan = await outreachBilan(db, territory, f);
  const nf = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB");
  const monthFmt = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "short", timeZone: "UTC" });
  const labels = {
    category: f.by === "actionType" ? t("outreach.dim_actionType") : t("outreach.dim_placeType"),
    total: t("outreach.total"), hidden: t("outreach.hiddenNote", { k: bilan.k }),
    categoryName: (c: string) => tk(`outreach.${f.by === "actionType" ? "type" : "place"}_${c}`),
    periodName: (p: string) => (p.includes("Q") ? t("outreach.quarterLabel", { q: p.slice(-1), year: p.slice(0, 4) }) : monthFmt.format(new Date(`${p}-15T00:00:00Z`))),
    number: (n: number) => nf.format(n),
  };
  return (
    <div className="wide">
      {can("outreach:propose") && <p><Link href={`/staff/aller-vers${q()}`}>← {t("outreach.back")}</Link></p>}
      <h1>{t("outreach.bilanTitle")} — {territory.name}</h1>
      <p>{t("outreach.bilanIntro")}</p>
      <form method="get" className="card" aria-label={t("outreach.show")}>
        {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
        <div className="question">
          <label className="label" htmlFor="by">{t("outreach.dimension")}</label>
          <select id="by" name="by" defaultValue={f.by}>
            <option value="actionType">{t("outreach.dim_actionType")}</option>
            <option value="placeType">{t("outreach.dim_placeType")}</option>
          </select>
        </div>
        <div className="question">
          <label className="label" htmlFor="year">{t("outreach.year")}</label>
          <input id="year" name="year" type="number" min={2020} max={2100} defaultValue={f.year} inputMode="numeric" />
        </div>
        <button className="button secondary" type="submit">{t("outreach.show")}</button>
      </form>
      {bilan.categories.length === 0 ? <p data-testid="bilan-empty">{t("outreach.noReported")}</p> : (
        <div data-testid="bilan">
          <p>{t("outreach.hiddenNote", { k: bilan.k })}</p>
          <p data-testid="perturbed-note">{t("outreach.perturbedNote")}</p>
          {MEASURES.map((m) => (
            <BilanTable key={m} caption={tk(`outreach.m_${m}`)} categories={bilan.categories} periods={bilan.periods} table={bilan.tables[m]} labels={labels} />
          ))}
        </div>
      )}
    </div>
  );
}
