import { notFound } from "next/navigation";
import { PrintPage } from "@/components/guides/print-page";
import { GUIDE_CODE, guidePage } from "@/lib/guides/page-context";
import { getTerritoryGuide } from "@/lib/guides/store";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("guides.printSheet");
}
export const dynamic = "force-dynamic";

/** One sheet on exactly one A4 page, for a stand (a sheet being written has nothing to print: 404). */
export default async function PrintGuidePage({ params }: { params: Promise<{ slug: string; code: string }> }) {
  const { slug, code } = await params;
  if (!GUIDE_CODE.test(code)) notFound();
  const { db, territory, locale, g, base } = await guidePage(slug);
  const entry = await getTerritoryGuide(db, territory.id, code);
  if (!entry?.guide) notFound();
  return <PrintPage title={null} guides={[entry]} slug={territory.slug} back={`${base}/droits/${code}`} locale={locale} g={g} />;
}
