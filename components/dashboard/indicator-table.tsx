"use client";

import { useState } from "react";
import { formatCount, formatRate } from "./format";
import type { AreaRow, DashboardView } from "./types";

type Key = "name" | "rate" | "num" | "den";
type Tr = (key: string, values?: Record<string, string | number>) => string;

/** The same numbers as the map, as a sortable table (the accessible alternative to the map). */
export function IndicatorTable({ view, caption, locale, t, selected, onSelect }: {
  view: DashboardView; caption: string; locale: string; t: Tr; selected: string | null; onSelect: (key: string) => void;
}) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: "name", dir: 1 });
  const value = (r: AreaRow, k: Key) => (k === "name" ? r.name : r[k]);
  const rows = [...view.rows].sort((a, b) => {
    const [x, y] = [value(a, sort.key), value(b, sort.key)];
    if (x === y) return a.name.localeCompare(b.name, "fr");
    if (x === null) return 1; // hidden and empty cells last, whatever the direction
    if (y === null) return -1;
    return (typeof x === "string" ? x.localeCompare(y as string, "fr") : (x as number) - (y as number)) * sort.dir;
  });
  const header = (k: Key, label: string) => (
    <th scope="col" aria-sort={sort.key === k ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key: k, dir: s.key === k ? (-s.dir as 1 | -1) : 1 }))}>
        {label}<span aria-hidden="true">{sort.key === k ? (sort.dir === 1 ? " ▲" : " ▼") : " ↕"}</span>
      </button>
    </th>
  );
  const cells = (f: Pick<AreaRow, "rate" | "low" | "high" | "num" | "den" | "suppressed">) =>
    f.suppressed ? (
      <td colSpan={4} className="hidden-cell">{t("dashboard.hidden")}</td>
    ) : !f.den ? (
      <td colSpan={4} className="muted">{t("dashboard.noData")}</td>
    ) : (
      <>
        <td data-col="rate">{formatRate(f.rate, locale)}</td>
        <td>{t("dashboard.interval", { low: formatRate(f.low, locale), high: formatRate(f.high, locale) })}</td>
        <td data-col="num">{formatCount(f.num, locale)}</td>
        <td data-col="den">{formatCount(f.den, locale)}</td>
      </>
    );
  return (
    <table className="dashboard-table" data-testid="indicator-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {header("name", t("dashboard.colArea"))}
          {header("rate", t("dashboard.colRate"))}
          <th scope="col">{t("dashboard.colInterval")}</th>
          {header("num", t("dashboard.colNum"))}
          {header("den", t("dashboard.colDen"))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-key={r.key} data-suppressed={r.suppressed ? "1" : undefined} aria-current={selected === r.key ? "true" : undefined}>
            <th scope="row">
              <button type="button" className="linklike" onClick={() => onSelect(r.key)} onFocus={() => onSelect(r.key)}>
                {r.colour && <span className="swatch" style={{ background: r.colour }} aria-hidden="true" />}
                {r.name}
              </button>
            </th>
            {cells(r)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-key="unknown"><th scope="row">{t("dashboard.unknownArea")}</th>{cells(view.unknown)}</tr>
        <tr data-key="total"><th scope="row">{t("dashboard.total")}</th>{cells(view.total)}</tr>
      </tfoot>
    </table>
  );
}
