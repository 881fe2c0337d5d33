import { formatIsoDay } from "@/lib/booking/format";
import type { BenefitGuide } from "@/lib/guides/guide-schema";
import { pick } from "@/lib/guides/localize";
import type { Locale } from "@/lib/i18n/locale";
import type { GuideT } from "./texts";

/**
 * One sheet for a stand, laid out to fit exactly one A4 page (guides.css: named page "guide-a4",
 * a page break after each sheet). The checklist is a column of empty boxes to tick with a pen,
 * the expected answer in bold.
 */
export function PrintableSheet({ guide, locale, t, heading, statusLabel, helpUrl }: {
  guide: BenefitGuide;
  locale: Locale;
  t: GuideT;
  heading: "h1" | "h2";
  statusLabel: string;
  helpUrl: string;
}) {
  const H = heading;
  const Sub = heading === "h1" ? "h2" : "h3";
  return (
    <article className="guide-print-sheet" data-testid="print-sheet" data-code={guide.code} lang={locale}>
      <H className="sheet-title">{pick(guide.title, locale)}</H>
      <p>{pick(guide.whatItIs, locale)}</p>
      <p><strong>{t("whoPays")}</strong> {pick(guide.whoPays.text, locale)}</p>
      <Sub>{t("checkTitle")}</Sub>
      <p>{t("printTick")}</p>
      <ul className="tick">
        {guide.checklist.map((item) => (
          <li key={item.id}>
            <span>{pick(item.question, locale)}</span>
            <span className="boxes">
              {(["yes", "no"] as const).map((v) => (
                <span key={v} className={v === item.expected ? "expected" : undefined}><span className="box" aria-hidden="true" />{t(v)}</span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <div className="cols">
        <div>
          <Sub>{t("documentsTitle")}</Sub>
          <ul>{guide.documents.map((d, i) => <li key={i}>{pick(d.label, locale)} ({t(d.original ? "original" : "copy")})</li>)}</ul>
        </div>
        <div>
          <Sub>{t("stepsTitle")}</Sub>
          <ol>{guide.steps.map((s, i) => <li key={i}>{pick(s, locale)}</li>)}</ol>
          <p>{guide.form.number ? `${t("formNumber", { number: guide.form.number })} — ` : ""}{pick(guide.form.label, locale)}</p>
        </div>
      </div>
      <Sub>{t("whereTitle")}</Sub>
      <p>{pick(guide.whereToApply, locale)}</p>
      <Sub>{t("amountTitle")}</Sub>
      {guide.amount ? (
        <p>{pick(guide.amount.text, locale)} <small>{t("amountAsOf", { date: formatIsoDay(guide.amount.asOf, locale), source: guide.amount.source })}</small></p>
      ) : <p>{t("amountVaries")}</p>}
      <p className="meta">
        {statusLabel} · {t("lastChecked", { date: formatIsoDay(guide.lastCheckedOn, locale) })} · {t("printHelp", { url: helpUrl })}
      </p>
    </article>
  );
}
