"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { createTranslator } from "use-intl/core";
import { ChoroplethMap } from "./choropleth-map";
import { FilterForm, type FilterOptions, type FilterValues } from "./filter-form";
import { formatCount, formatRate } from "./format";
import { IndicatorTable } from "./indicator-table";
import type { DashboardPanels } from "@/lib/dashboard/panels";
import { everythingHidden } from "@/lib/dashboard/view-state";
import { CollectionProgressSection } from "./collection-progress";
import { FiguresNotice } from "./figures-notice";
import { FunnelSection } from "./funnel-section";
import { MapLegend } from "./map-legend";
import { RateBars } from "./rate-bars";
import type { DashboardView, Geo, Messages } from "./types";

const VIEW_KEYS = ["t", "indicator", "benefit", "from", "to", "sex", "age", "household", "site", "mode", "level", "source", "figures"];

function query(values: FilterValues): string {
  const q = new URLSearchParams();
  for (const k of VIEW_KEYS) if (values[k]) q.set(k, values[k]);
  return q.toString();
}

/**
 * The interactive part of the dashboard: filters, map, legend, details, table and chart, all
 * drawn from one view (aggregates with suppression applied on the server). A filter change
 * fetches the new view as JSON and keeps the whole view in the URL.
 */
export function DashboardClient(props: {
  initialView: DashboardView; initialValues: FilterValues; options: FilterOptions; messages: Messages; locale: string;
  areas: Geo; sites: Geo; baseMapUrl?: string; territorySlug?: string; indicatorLabels: Record<string, string>;
  initialPanels: DashboardPanels; benefitLabels: Record<string, string>;
}) {
  const { locale, options, areas, sites } = props;
  const t = useMemo(() => {
    const tr = createTranslator({ locale, messages: { dashboard: props.messages } });
    return tr as unknown as (key: string, values?: Record<string, string | number>) => string;
  }, [locale, props.messages]);
  const [view, setView] = useState(props.initialView);
  const [panels, setPanels] = useState(props.initialPanels);
  const [values, setValues] = useState<FilterValues>(props.initialValues);
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<string>("");
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const request = useRef(0);

  const onChange = useCallback(async (name: string, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    const q = query(next);
    if (name === "level" || name === "figures") {
      // Another level means other shapes; other figures, another collection progress and
      // funnel below (server-rendered): load the page for it.
      window.location.assign(`/staff/tableau-de-bord?${q}`);
      return;
    }
    performance.mark("dashboard:filter-change");
    const id = ++request.current;
    setStatus(t("dashboard.loading"));
    // Progress and funnel follow the same view, fetched beside it so that the map is not kept waiting.
    void fetch(`/api/tableau-de-bord/panneaux?${q}`, { headers: { accept: "application/json" } })
      .then(async (r) => { if (r.ok && id === request.current) setPanels((await r.json()) as DashboardPanels); })
      .catch(() => {});
    const res = await fetch(`/api/tableau-de-bord/vue?${q}`, { headers: { accept: "application/json" } });
    if (id !== request.current) return;
    if (!res.ok) {
      setError(await res.text());
      setStatus("");
      return;
    }
    setError("");
    const v = (await res.json()) as DashboardView;
    performance.mark("dashboard:view-received");
    setView(v);
    window.history.replaceState(null, "", `/staff/tableau-de-bord${q ? `?${q}` : ""}`);
    setStatus(t("dashboard.updated", { indicator: props.indicatorLabels[v.indicator] ?? v.indicator }));
  }, [values, t, props.indicatorLabels]);

  const indicatorName = props.indicatorLabels[view.indicator] ?? view.indicator;
  const focusKey = hovered ?? selected;
  const focus = view.rows.find((r) => r.key === focusKey);
  const q = query(values);

  return (
    <>
      <FilterForm values={values} options={options} t={t} territorySlug={props.territorySlug} onChange={onChange} />
      <p className="visually-hidden" role="status">{status}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <FiguresNotice view={view} t={t} locale={locale === "en" ? "en" : "fr"} />
      {everythingHidden(view) && <p className="notice" role="status" data-testid="all-hidden">{t("dashboard.allHidden")}</p>}
      {view.source !== "real" && <p className="notice synthetic" data-testid="synthetic-banner"><strong>{t("dashboard.syntheticBanner")}</strong></p>}
      <div className="dashboard-grid">
        <section aria-labelledby="map-title" className="dashboard-map-section">
          <h2 id="map-title">{t("dashboard.mapTitle")} — {indicatorName}</h2>
          <ChoroplethMap
            areas={areas} sites={sites} rows={view.rows} selected={selected} baseMapUrl={props.baseMapUrl}
            label={t("dashboard.mapLabel", { indicator: indicatorName })} unavailable={t("dashboard.mapUnavailable")}
            onHover={setHovered} onSelect={setSelected}
          />
        </section>
        <aside className="dashboard-side">
          <MapLegend view={view} locale={locale} t={t} />
          <div className="card" aria-live="polite" data-testid="details">
            <h3>{t("dashboard.details")}</h3>
            {focus ? (
              <p>
                <strong>{focus.name}</strong> :{" "}
                {focus.suppressed ? t("dashboard.hidden") : !focus.den ? t("dashboard.noData") : (
                  <>
                    {formatRate(focus.rate, locale)} ({formatCount(focus.num, locale)} / {formatCount(focus.den, locale)}) —{" "}
                    {t("dashboard.colInterval")} : {t("dashboard.interval", { low: formatRate(focus.low, locale), high: formatRate(focus.high, locale) })}
                  </>
                )}
              </p>
            ) : <p className="muted">{t("dashboard.detailsHint")}</p>}
          </div>
          <nav aria-label={t("dashboard.exports")} className="card">
            <h3>{t("dashboard.exports")}</h3>
            <ul>
              <li><a href={`/api/tableau-de-bord/export?format=csv${q ? `&${q}` : ""}`} data-testid="export-csv">{t("dashboard.exportCsv")}</a></li>
              <li><a href={`/api/tableau-de-bord/export?format=xlsx${q ? `&${q}` : ""}`}>{t("dashboard.exportXlsx")}</a></li>
              <li><a href={`/staff/tableau-de-bord/rapport${q ? `?${q}` : ""}`}>{t("dashboard.report")}</a></li>
            </ul>
          </nav>
        </aside>
      </div>
      <section aria-labelledby="table-title">
        <h2 id="table-title">{t("dashboard.tableTitle")}</h2>
        <IndicatorTable view={view} locale={locale} t={t} selected={selected} onSelect={setSelected}
          caption={t("dashboard.tableCaption", { indicator: indicatorName, level: view.level.name })} />
      </section>
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">{t("dashboard.chartTitle")}</h2>
        <RateBars view={view} locale={locale} t={t} />
      </section>
      <CollectionProgressSection progress={panels.progress} t={t} locale={locale} />
      <FunnelSection funnel={panels.funnel} t={t} benefitLabels={props.benefitLabels} />
    </>
  );
}
