import { HelpPointCard } from "@/components/places/help-point-card";
import { HelpPointsMap } from "@/components/places/help-points-map";
import { PlacesFilterForm } from "@/components/places/places-filter-form";
import "@/components/places/places.css";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { territoryBenefitLabels } from "@/lib/places/benefits";
import { coarsestAreas, mapGeo } from "@/lib/places/map-data";
import { listHelpPoints } from "@/lib/places/queries";
import { parsePlacesSearch, type PlacesSearch } from "@/lib/places/search-params";
import { loadRespondent } from "@/lib/respondent/context";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("places.title");
}

/**
 * The help points (stable contract: plain HTML without JavaScript). The GET form filters; the map
 * is drawn in the browser from the same filtered points, the list stays the accessible version.
 */
export default async function PlacesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<PlacesSearch> }) {
  const { slug } = await params;
  const { db, territory } = await loadRespondent(slug);
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const q = parsePlacesSearch(await searchParams, new Date());
  const [points, { levelName, areas }, labels] = await Promise.all([
    listHelpPoints(db, territory.id, q.filters), coarsestAreas(db, territory.id), territoryBenefitLabels(db, territory.id),
  ]);
  const geo = mapGeo(areas, points);
  const base = `/t/${territory.slug}/lieux`;
  const when = q.fixedTime ? new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeZone: "Europe/Paris", dateStyle: "full", timeStyle: "short" }).format(q.at) : null;
  return (
    <>
      <h1>{t("places.title")}</h1>
      <p>{t("places.intro")}</p>
      <PlacesFilterForm action={base} values={q.values} areaLabel={levelName} areas={areas} benefits={[...labels.entries()]} errors={q.errors} />
      <p role="status" data-testid="places-count">
        {tk("places.count", { count: points.length })}
        {when ? ` ${tk("places.evaluatedAt", { when })}` : ""}
      </p>
      {q.values.quartier && q.filters.neighbourhoodId && (
        <p><a href={`${base}/imprimer?quartier=${q.filters.neighbourhoodId}`}>{t("places.printArea")}</a></p>
      )}
      <section aria-labelledby="places-map-title">
        <h2 id="places-map-title">{t("places.mapTitle")}</h2>
        <HelpPointsMap areas={geo.areas} points={geo.points} label={tk("places.mapLabel", { count: geo.points.features.length })} unavailable={t("places.mapUnavailable")} />
      </section>
      <section aria-labelledby="places-list-title">
        <h2 id="places-list-title">{t("places.listTitle")}</h2>
        {points.length === 0 ? <p>{t("places.none")}</p> : (
          <ul className="places-list" data-testid="places-list">
            {points.map((p) => <li key={p.id}><HelpPointCard point={p} slug={territory.slug} at={q.at} benefitLabels={labels} headingLevel={3} /></li>)}
          </ul>
        )}
      </section>
    </>
  );
}
