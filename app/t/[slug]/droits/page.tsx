import Link from "next/link";
import { StatusBadge } from "@/components/guides/status-badge";
import "@/components/guides/guides.css";
import { filterGuides, parseGuideFilter } from "@/lib/guides/filters";
import { AUDIENCES, LIFE_MOMENTS } from "@/lib/guides/guide-schema";
import { pick } from "@/lib/guides/localize";
import { guidePage } from "@/lib/guides/page-context";
import { listTerritoryGuides } from "@/lib/guides/store";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("guides.title");
}
export const dynamic = "force-dynamic";

type Search = { public?: string | string[]; moment?: string | string[] };

/** The territory's benefit sheets, entered by edition (?public=) or life moment (?moment=): plain links. */
export default async function GuidesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const { db, territory, locale, g, base } = await guidePage(slug);
  const filter = parseGuideFilter(await searchParams);
  const guides = filterGuides(await listTerritoryGuides(db, territory.id), filter);
  const current = (on: boolean) => (on ? ({ "aria-current": "page" } as const) : {});
  const heading = filter.audience
    ? g("editionTitle", { edition: g(`audience.${filter.audience}`) })
    : filter.moment ? g("momentTitle", { moment: g(`moment.${filter.moment}`) }) : g("allGuides");
  const printHref = filter.audience ? `${base}/droits/imprimer?public=${filter.audience}` : `${base}/droits/imprimer`;
  return (
    <div className="guides">
      <h1>{g("title")}</h1>
      <p>{g("intro")}</p>
      <nav aria-label={g("entryNav")} className="guide-entry">
        <h2>{g("byEdition")}</h2>
        <ul className="inline-list">
          <li><Link href={`${base}/droits`} {...current(!filter.audience && !filter.moment)}>{g("allGuides")}</Link></li>
          {AUDIENCES.map((a) => <li key={a}><Link href={`${base}/droits?public=${a}`} {...current(filter.audience === a)}>{g(`audience.${a}`)}</Link></li>)}
        </ul>
        <h2>{g("byMoment")}</h2>
        <ul className="inline-list">
          {LIFE_MOMENTS.map((m) => <li key={m}><Link href={`${base}/droits?moment=${m}`} {...current(filter.moment === m)}>{g(`moment.${m}`)}</Link></li>)}
        </ul>
      </nav>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{heading}</h2>
        <p>{g("count", { count: guides.length })}</p>
        <ul className="guide-list" data-testid="guide-list">
          {guides.map((guide) => (
            <li key={guide.code} data-code={guide.code}>
              <Link href={`${base}/droits/${guide.code}`}>{pick(guide.label, locale)}</Link>
              <StatusBadge status={guide.status ?? "none"} label={g(`status.${guide.status ?? "none"}`)} />
            </li>
          ))}
        </ul>
        {!filter.moment && (
          <p><Link href={printHref}>{filter.audience ? g("printEdition", { edition: g(`audience.${filter.audience}`) }) : g("printAll")}</Link></p>
        )}
      </section>
      <section className="card" aria-labelledby="help-title">
        <h2 id="help-title">{g("helpTitle")}</h2>
        <ul>
          <li><Link href={`${base}/lieux`}>{g("helpPlaces")}</Link></li>
          <li><Link href={`${base}/rendez-vous`}>{g("helpBooking")}</Link></li>
        </ul>
      </section>
    </div>
  );
}
