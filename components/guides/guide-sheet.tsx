import { formatIsoDay } from "@/lib/booking/format";
import type { BenefitGuide } from "@/lib/guides/guide-schema";
import { pick } from "@/lib/guides/localize";
import type { Locale } from "@/lib/i18n/locale";
import type { GuideT } from "./texts";

/** The body of a sheet (what it is, who pays, documents, steps, where, how much), for the web page. */
export function GuideWhat({ guide, locale, t }: { guide: BenefitGuide; locale: Locale; t: GuideT }) {
  return (
    <>
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t("whatItIs")}</h2>
        <p>{pick(guide.whatItIs, locale)}</p>
      </section>
      <section aria-labelledby="who-title">
        <h2 id="who-title">{t("whoPays")}</h2>
        <p>{pick(guide.whoPays.text, locale)}</p>
      </section>
    </>
  );
}

export function GuideHowTo({ guide, locale, t }: { guide: BenefitGuide; locale: Locale; t: GuideT }) {
  return (
    <>
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t("documentsTitle")}</h2>
        <ul data-testid="documents">
          {guide.documents.map((d, i) => <li key={i}>{pick(d.label, locale)} ({t(d.original ? "original" : "copy")})</li>)}
        </ul>
      </section>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t("stepsTitle")}</h2>
        <ol>{guide.steps.map((s, i) => <li key={i}>{pick(s, locale)}</li>)}</ol>
        <p>
          <strong>{t("formTitle")}</strong>{locale === "fr" ? "\u00a0: " : ": "}
          {guide.form.number && <span data-testid="cerfa">{t("formNumber", { number: guide.form.number })} — </span>}
          {pick(guide.form.label, locale)}
        </p>
      </section>
      <section aria-labelledby="where-title">
        <h2 id="where-title">{t("whereTitle")}</h2>
        <p>{pick(guide.whereToApply, locale)}</p>
      </section>
      <section aria-labelledby="amount-title">
        <h2 id="amount-title">{t("amountTitle")}</h2>
        {guide.amount ? (
          <>
            <p>{pick(guide.amount.text, locale)}</p>
            <p className="hint">{t("amountAsOf", { date: formatIsoDay(guide.amount.asOf, locale), source: guide.amount.source })}</p>
          </>
        ) : <p>{t("amountVaries")}</p>}
      </section>
    </>
  );
}
