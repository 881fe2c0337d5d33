import { notFound } from "next/navigation";
import { HelpPointCard } from "@/components/places/help-point-card";
import "@/components/places/places.css";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { territoryBenefitLabels } from "@/lib/places/benefits";
import { coarsestAreas } from "@/lib/places/map-data";
import { listHelpPoints } from "@/lib/places/queries";
import { loadRespondent } from "@/lib/respondent/context";
import { parseUuid } from "@/lib/validation/parsers";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("places.printTitle");
}

/** A printable sheet of one area's help points (for stands and desks); without ?quartier: every point. */
export default async function PlacesPrintPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ quartier?: string }> }) {
  const { slug } = await params;
  const { db, territory } = await loadRespondent(slug);
  const { t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const raw = (await searchParams).quartier;
  const areaId = raw ? parseUuid(raw) : null;
  const { areas } = await coarsestAreas(db, territory.id);
  const area = areaId ? areas.find((a) => a.id === areaId) : null;
  if (raw && !area) notFound(); // another territory's area, or none
  const now = new Date();
  const [points, labels] = await Promise.all([listHelpPoints(db, territory.id, area ? { neighbourhoodId: area.id } : {}), territoryBenefitLabels(db, territory.id)]);
  const printed = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" }).format(now);
  return (
    <div className="places-print">
      <h1>{area ? tk("places.printHeading", { area: area.name }) : tk("places.printHeadingAll", { territory: territory.name })}</h1>
      <p className="muted">{tk("places.printedOn", { date: printed })}</p>
      {points.length === 0 ? <p>{t("places.none")}</p> : points.map((p) => (
        <HelpPointCard key={p.id} point={p} slug={territory.slug} at={now} benefitLabels={labels} compact headingLevel={2} />
      ))}
    </div>
  );
}
