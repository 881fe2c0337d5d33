import Link from "next/link";
import { notFound } from "next/navigation";
import { ChecklistForm } from "@/components/guides/checklist-form";
import { GuideHowTo, GuideWhat } from "@/components/guides/guide-sheet";
import { StatusBadge } from "@/components/guides/status-badge";
import "@/components/guides/guides.css";
import { formatIsoDay } from "@/lib/booking/format";
import { checklistAnswersSchema, evaluateChecklist } from "@/lib/guides/checklist";
import { pick, readChecklistQuery } from "@/lib/guides/localize";
import { GUIDE_CODE, guidePage } from "@/lib/guides/page-context";
import { getTerritoryGuide } from "@/lib/guides/store";
import { getDb } from "@/db/client";
import { getLocale } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { getTerritoryBySlug } from "@/lib/territories/queries";

type Params = { params: Promise<{ slug: string; code: string }> };

/** "<benefit> — Fiche droits": each sheet names itself (RGAA 8.6). */
export async function generateMetadata({ params }: Params) {
  const { slug, code } = await params;
  const base = await pageTitle("guides.sheetTitle");
  const territory = GUIDE_CODE.test(code) ? await getTerritoryBySlug(await getDb(), slug) : null;
  const guide = territory ? await getTerritoryGuide(await getDb(), territory.id, code) : null;
  return guide ? { title: `${pick(guide.label, await getLocale())} — ${base.title}` } : base;
}
export const dynamic = "force-dynamic";

/**
 * One benefit sheet. The checklist is a GET form answered by this same page (evaluateChecklist):
 * nothing stored, no cookie. A catalogue benefit without a sheet says it is being written.
 */
export default async function GuideSheetPage({ params, searchParams }: Params & { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, code } = await params;
  if (!GUIDE_CODE.test(code)) notFound();
  const { db, territory, locale, g, base } = await guidePage(slug);
  const entry = await getTerritoryGuide(db, territory.id, code);
  if (!entry) notFound();
  const help = (
    <section className="card" aria-labelledby="help-title">
      <h2 id="help-title">{g("helpTitle")}</h2>
      <ul>
        <li><Link href={`${base}/lieux?aide=${code}`} data-testid="help-places">{g("helpPlacesFor")}</Link></li>
        <li><Link href={`${base}/rendez-vous`} data-testid="help-booking">{g("helpBooking")}</Link></li>
      </ul>
    </section>
  );
  const guide = entry.guide;
  if (!guide) {
    return (
      <>
        <h1>{pick(entry.label, locale)}</h1>
        <p><StatusBadge status="none" label={g("status.none")} /></p>
        <p data-testid="unwritten">{g("unwritten")}</p>
        {help}
        <p><Link href={`${base}/droits`}>{g("back")}</Link></p>
      </>
    );
  }
  const query = await searchParams;
  const ids = guide.checklist.map((i) => i.id);
  const read = readChecklistQuery(ids, query);
  const answers = checklistAnswersSchema(guide.checklist).parse(read.answers);
  const result = read.submitted ? evaluateChecklist(guide.checklist, answers) : null;
  return (
    <>
      <p className="no-print"><Link href={`${base}/droits`}>{g("back")}</Link></p>
      <h1>{pick(guide.title, locale)}</h1>
      <p><StatusBadge status={guide.status} label={g("statusLabel", { status: g(`status.${guide.status}`) })} /></p>
      <GuideWhat guide={guide} locale={locale} t={g} />
      <ChecklistForm action={`${base}/droits/${code}`} items={guide.checklist} answers={read.answers} result={result} invalid={read.invalid} locale={locale} t={g} />
      <GuideHowTo guide={guide} locale={locale} t={g} />
      <p data-testid="last-checked">{g("lastChecked", { date: formatIsoDay(guide.lastCheckedOn, locale) })}</p>
      {help}
      <p><Link href={`${base}/droits/${code}/imprimer`}>{g("printSheet")}</Link></p>
    </>
  );
}
