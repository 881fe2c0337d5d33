import type { FunnelBenefit, FunnelStep } from "@/lib/dashboard/funnel";

type Tr = (key: string, values?: Record<string, string | number>) => string;

/** Opted in → reached → reviewed → rights opened, then per benefit (small counts hidden). */
export function FunnelSection({ funnel, t, benefitLabels }: {
  funnel: { steps: FunnelStep[]; byBenefit: FunnelBenefit[] }; t: Tr; benefitLabels: Record<string, string>;
}) {
  const tk = t;
  const n = (v: number | null) => (v === null ? t("dashboard.hidden") : String(v));
  return (
    <section aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t("dashboard.funnelTitle")}</h2>
      <p>{t("dashboard.funnelIntro")}</p>
      <ol className="funnel" data-testid="funnel-steps">
        {funnel.steps.map((s) => <li key={s.key}><span>{tk(`dashboard.step_${s.key}`)}</span> <strong>{n(s.count)}</strong></li>)}
      </ol>
      {funnel.byBenefit.length === 0 ? <p className="muted">{t("dashboard.funnelNone")}</p> : (
        <table className="compact">
          <caption>{t("dashboard.funnelByBenefit")}</caption>
          <thead>
            <tr><th scope="col">{t("dashboard.benefit")}</th><th scope="col">{t("dashboard.colReviewed")}</th><th scope="col">{t("dashboard.colEligible")}</th><th scope="col">{t("dashboard.colOpened")}</th></tr>
          </thead>
          <tbody>
            {funnel.byBenefit.map((b) => (
              <tr key={b.benefit}>
                <th scope="row">{benefitLabels[b.benefit] ?? b.benefit}</th>
                {b.suppressed ? <td colSpan={3} className="hidden-cell">{t("dashboard.hidden")}</td> : (
                  <><td>{b.reviewed}</td><td>{b.eligible}</td><td>{b.opened}</td></>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
