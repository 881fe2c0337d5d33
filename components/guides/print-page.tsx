import Link from "next/link";
import { PrintButton } from "@/components/booking/print-button";
import type { TerritoryGuide } from "@/lib/guides/store";
import { publicBaseUrl } from "@/lib/booking/notify";
import type { Locale } from "@/lib/i18n/locale";
import { PrintableSheet } from "./printable-sheet";
import type { GuideT } from "./texts";
import "./guides.css";

/** The print view of one sheet or a whole edition: on screen a title and a print button; on paper the sheets only. */
export function PrintPage({ title, guides, slug, back, locale, g }: { title: string | null; guides: TerritoryGuide[]; slug: string; back: string; locale: Locale; g: GuideT }) {
  const single = title === null;
  return (
    <div className="guide-print">
      {!single && <h1>{title}</h1>}
      <p className="no-print"><Link href={back}>{g("back")}</Link></p>
      <PrintButton label={g("printButton")} hint={g("printHint")} />
      {guides.length === 0 && <p>{g("printEmpty")}</p>}
      {guides.map((entry) => entry.guide && (
        <PrintableSheet key={entry.code} guide={entry.guide} locale={locale} t={g} heading={single ? "h1" : "h2"}
          statusLabel={g(`status.${entry.guide.status}`)} helpUrl={`${publicBaseUrl()}/t/${slug}/droits/${entry.code}`} />
      ))}
    </div>
  );
}
