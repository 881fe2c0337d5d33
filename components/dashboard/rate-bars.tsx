import { formatRate } from "./format";
import type { DashboardView } from "./types";

type Tr = (key: string, values?: Record<string, string | number>) => string;

/**
 * Rates per visible area as horizontal bars with their 95 % interval, and the territory's
 * rate as a vertical line. Plain HTML; the table carries the same numbers for screen readers.
 */
export function RateBars({ view, locale, t }: { view: DashboardView; locale: string; t: Tr }) {
  const visible = view.rows.filter((r) => !r.suppressed && r.rate !== null).sort((a, b) => b.rate! - a.rate!);
  const pct = (v: number | null) => `${((v ?? 0) * 100).toFixed(2)}%`;
  return (
    <figure className="rate-bars" aria-hidden="true">
      <figcaption className="muted">{t("dashboard.chartLabel")}</figcaption>
      {visible.map((r) => (
        <div className="bar-row" key={r.key}>
          <span className="bar-label">{r.name}</span>
          <span className="bar-track">
            <span className="bar" style={{ width: pct(r.rate), background: r.colour }} />
            <span className="whisker" style={{ left: pct(r.low), width: `calc(${pct(r.high)} - ${pct(r.low)})` }} />
            {view.total.rate !== null && <span className="average-line" style={{ left: pct(view.total.rate) }} />}
          </span>
          <span className="bar-value">{formatRate(r.rate, locale)}</span>
        </div>
      ))}
    </figure>
  );
}
