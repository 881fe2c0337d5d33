import { formatRate } from "./format";
import type { DashboardView } from "./types";

type Tr = (key: string, values?: Record<string, string | number>) => string;

/** Classes with their bounds and number of areas, the hidden and empty styles, the territory average. */
export function MapLegend({ view, locale, t }: { view: DashboardView; locale: string; t: Tr }) {
  return (
    <div className="dashboard-legend" data-testid="legend">
      <h3>{t("dashboard.legend")}</h3>
      <ul>
        {view.legend.classes.map((c) => (
          <li key={c.index}>
            <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
            {t("dashboard.legendClass", { from: formatRate(c.from, locale), to: formatRate(c.to, locale), count: c.count })}
          </li>
        ))}
        <li><span className="swatch hatched" aria-hidden="true" />{t("dashboard.legendSuppressed")}</li>
        <li><span className="swatch" style={{ background: "#ffffff" }} aria-hidden="true" />{t("dashboard.legendNoData")}</li>
        <li><span className="swatch dot" aria-hidden="true" />{t("dashboard.legendSites")}</li>
      </ul>
      {view.legend.overlap && <p className="muted" data-testid="legend-overlap">{t("dashboard.legendOverlap")}</p>}
      <p data-testid="average">
        <strong>
          {view.total.suppressed || view.total.rate === null
            ? t("dashboard.averageHidden")
            : t("dashboard.average", { value: formatRate(view.total.rate, locale) })}
        </strong>
      </p>
    </div>
  );
}
