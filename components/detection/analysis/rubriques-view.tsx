import type { Block, Rubriques, Stat } from "@/lib/detection/rubriques/types";
import { SvgMap } from "@/components/dashboard/svg-map";
import type { AreaRow, Geo } from "@/components/dashboard/types";
import { FigureTableView } from "./figure-table";
import { formatNumber, formatShare, type Tr } from "./format";

function StatLine({ s, tr, locale }: { s: Stat; tr: Tr; locale: "fr" | "en" }) {
  const digits = s.unit === "mean" ? 2 : 0;
  const value = s.value === null ? tr("detectionAnalysis.hidden") : `${formatNumber(s.value, locale, digits)}${s.unit === "euros" ? "\u00a0€" : ""}`;
  const share = s.value !== null && s.den ? ` (${formatShare(s.value / s.den, locale)})` : "";
  return (
    <div data-stat={s.id}>
      <dt>{tr(`detectionAnalysis.stats.${s.id}`)}</dt>
      <dd>
        {value}{s.unit === "count" ? share : ""}
        {s.den !== undefined && <span className="base"> — {s.den === null ? tr("detectionAnalysis.baseHidden") : tr("detectionAnalysis.base", { den: formatNumber(s.den, locale) })}</span>}
        {s.missing !== undefined && s.missing !== null && s.missing > 0 && <span className="base"> — {tr("detectionAnalysis.missing", { n: formatNumber(s.missing, locale) })}</span>}
      </dd>
    </div>
  );
}

function CrossTableView({ r, tr, locale }: { r: Rubriques; tr: Tr; locale: "fr" | "en" }) {
  const c = r.financialByService;
  const flag = (row: string, col: string) => c.test?.cells.find((x) => x.row === row && x.col === col)?.flag;
  return (
    <>
      <table className="table rubrique-table" data-table="financial_by_service">
        <caption>{tr("detectionAnalysis.cross.title")}</caption>
        <thead><tr><td />{c.cols.map((col) => <th scope="col" key={col.key}>{col.label}</th>)}</tr></thead>
        <tbody>
          {c.rows.map((row, i) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {c.cols.map((col, j) => {
                const f = flag(row.key, col.key);
                return <td key={col.key}>{c.cells[i][j] === null ? tr("detectionAnalysis.hidden") : formatNumber(c.cells[i][j], locale)}{f ? ` (${tr(`detectionAnalysis.cross.${f}`)})` : ""}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {c.test
          ? tr("detectionAnalysis.cross.test", { stat: formatNumber(c.test.statistic, locale, 2), df: c.test.df, p: c.test.pValue < 0.001 ? "< 0,001" : formatNumber(c.test.pValue, locale, 3) })
          : tr("detectionAnalysis.cross.none")}
        {c.test && c.test.minExpected < 5 ? ` ${tr("detectionAnalysis.cross.approx")}` : ""}
      </p>
    </>
  );
}

/**
 * Every block of the rubriques, server-rendered (the page and the printed report): headings,
 * figures with their bases, tables with captions. No JavaScript.
 */
export function RubriquesView({ r, tr, locale, map, headingLevel = 2 }: {
  r: Rubriques; tr: Tr; locale: "fr" | "en"; map: { areas: Geo; rows: AreaRow[] } | null; headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as "h2" | "h3";
  const block = (b: Block) => (
    <section key={b.id} aria-labelledby={`block-${b.id}`} className="rubrique" data-block={b.id}>
      <H id={`block-${b.id}`}>{tr(`detectionAnalysis.blocks.${b.id}`)}</H>
      {b.stats.length > 0 && <dl className="rubrique-stats">{b.stats.map((s) => <StatLine key={s.id} s={s} tr={tr} locale={locale} />)}</dl>}
      {b.id === "map" && map && <SvgMap areas={map.areas} sites={{ type: "FeatureCollection", features: [] }} rows={map.rows} label={tr("detectionAnalysis.mapLabel")} />}
      {b.tables.map((t) => <FigureTableView key={t.id} table={t} tr={tr} locale={locale} />)}
      {b.id === "benefits" && <CrossTableView r={r} tr={tr} locale={locale} />}
      {b.id === "cumulation" && r.households && (
        <>
          <table className="table rubrique-table" data-table="households">
            <caption>{tr("detectionAnalysis.householdsTitle")}</caption>
            <thead><tr>{["rank", "code", "situations", "services", "cumulative", "complete"].map((c) => <th scope="col" key={c}>{tr(`detectionAnalysis.columns.${c}`)}</th>)}</tr></thead>
            <tbody>
              {r.households.rows.map((h) => (
                <tr key={h.code}><td>{h.rank}</td><th scope="row">{h.code}</th><td>{h.situations}</td><td>{h.services}</td><td>{h.cumulative}</td><td>{h.complete}</td></tr>
              ))}
            </tbody>
          </table>
          {r.households.total > r.households.rows.length && <p>{tr("detectionAnalysis.householdsMore", { shown: r.households.rows.length, total: r.households.total })}</p>}
        </>
      )}
    </section>
  );
  return <>{r.blocks.map(block)}</>;
}
