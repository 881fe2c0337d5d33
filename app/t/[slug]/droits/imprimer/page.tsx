import { PrintPage } from "@/components/guides/print-page";
import { parseGuideFilter, printableGuides } from "@/lib/guides/filters";
import { guidePage } from "@/lib/guides/page-context";
import { listTerritoryGuides } from "@/lib/guides/store";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("guides.printTitle");
}
export const dynamic = "force-dynamic";

/** A whole edition (?public=), one sheet per A4 page; without an edition, every written sheet. */
export default async function PrintEditionPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ public?: string | string[] }> }) {
  const { slug } = await params;
  const { db, territory, locale, g, base } = await guidePage(slug);
  const { audience } = parseGuideFilter({ public: (await searchParams).public });
  const guides = printableGuides(await listTerritoryGuides(db, territory.id), audience);
  const title = audience ? g("printEditionTitle", { edition: g(`audience.${audience}`) }) : g("printAllTitle");
  const back = audience ? `${base}/droits?public=${audience}` : `${base}/droits`;
  return <PrintPage title={title} guides={guides} slug={territory.slug} back={back} locale={locale} g={g} />;
}
