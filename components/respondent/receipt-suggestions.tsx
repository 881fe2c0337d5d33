import Link from "next/link";
import { describeOpening, openingState } from "@/lib/places/opening-hours";
import type { ReceiptSuggestions as Suggestions } from "@/lib/respondent/receipt-suggestions";

import type { getT } from "@/lib/i18n/server";

type T = Awaited<ReturnType<typeof getT>>["t"];

/**
 * The receipt's next steps: guides matching the answers, the nearest help points, the booking.
 * On a kiosk the guide titles are not links: the shared screen is wiped on this page only.
 */
export function ReceiptSuggestions({ slug, data, locale, t, kiosk, now }: {
  slug: string; data: Suggestions; locale: "fr" | "en"; t: T; kiosk: boolean; now: Date;
}) {
  const base = `/t/${slug}`;
  return (
    <>
      <section className="card" aria-labelledby="suggested-guides" data-testid="suggested-guides">
        <h2 id="suggested-guides">{t("receipt.guidesTitle")}</h2>
        {data.guides.length ? (
          <>
            <p>{t("receipt.guidesIntro")}</p>
            <ul>
              {data.guides.map((g) => (
                <li key={g.code} data-code={g.code}>
                  {kiosk ? <strong>{g.title[locale] ?? g.title.fr}</strong> : <Link href={`${base}/droits/${g.code}`}>{g.title[locale] ?? g.title.fr}</Link>}
                  {" — "}{t(`receipt.guideReason.${g.reason}`)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("receipt.guidesNone")}</p>
        )}
        {!kiosk && <p><Link href={`${base}/droits`}>{t("receipt.allGuides")}</Link></p>}
      </section>
      <section className="card" aria-labelledby="nearest-places" data-testid="nearest-places">
        <h2 id="nearest-places">{t("receipt.placesTitle")}</h2>
        {data.places.length ? (
          <ul>
            {data.places.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>
                {p.address && <>, {p.address}</>}
                <br />
                {describeOpening(openingState(p.openingHours, now, p.lat != null && p.lon != null ? { lat: p.lat, lon: p.lon } : undefined), now, locale)}
                {p.phone && <> — <a href={`tel:${p.phone.replace(/[^+0-9]/g, "")}`}>{p.phone}</a></>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("receipt.placesNone")}</p>
        )}
        {!kiosk && <p><Link href={`${base}/lieux`}>{t("receipt.allPlaces")}</Link></p>}
      </section>
      {!kiosk && (
        <section className="card" aria-labelledby="book-title">
          <h2 id="book-title">{t("receipt.bookTitle")}</h2>
          <p>{t("receipt.bookIntro")}</p>
          <p><Link className="button secondary" href={`${base}/rendez-vous`}>{t("booking.link")}</Link></p>
        </section>
      )}
    </>
  );
}
