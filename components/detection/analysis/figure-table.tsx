import { tableTitle } from "@/lib/detection/rubriques/flatten";
import type { FigureTable } from "@/lib/detection/rubriques/types";
import { formatNumber, formatShare, type Tr } from "./format";

const DIGITS: Record<string, number> = { mean: 1, gap_to_mean: 1, min: 0, max: 0, missing: 0 };

/** One rubrique table: caption with its base and blanks, a count and a share per row, hidden cells said so. */
export function FigureTableView({ table, tr, locale }: { table: FigureTable; tr: Tr; locale: "fr" | "en" }) {
  const hidden = tr("detectionAnalysis.hidden");
  const ownDen = table.rows.some((r) => r.den !== undefined);
  const showShare = table.rows.some((r) => r.share !== null) || table.rows.some((r) => r.suppressed);
  const columns = table.columns ?? [];
  return (
    <table className="table rubrique-table" data-table={table.id}>
      <caption>
        {tableTitle(table, tr)}
        {table.den !== null && !ownDen && table.kind !== "time_by_service" && <span className="base"> — {tr("detectionAnalysis.base", { den: formatNumber(table.den, locale) })}</span>}
        {table.missing !== null && table.missing > 0 && <span className="base"> — {tr("detectionAnalysis.missing", { n: formatNumber(table.missing, locale) })}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{tr("detectionAnalysis.columns.label")}</th>
          <th scope="col">{tr("detectionAnalysis.columns.n")}</th>
          {showShare && <th scope="col">{tr("detectionAnalysis.columns.share")}</th>}
          {ownDen && <th scope="col">{tr("detectionAnalysis.columns.den")}</th>}
          {columns.map((c) => <th scope="col" key={c}>{tr(`detectionAnalysis.columns.${c}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{r.suppressed && r.n === null ? hidden : formatNumber(r.n, locale)}</td>
            {showShare && <td>{r.suppressed ? hidden : formatShare(r.share, locale)}</td>}
            {ownDen && <td>{r.den === null ? hidden : formatNumber(r.den, locale)}</td>}
            {columns.map((c) => {
              const v = r.values?.[c] ?? null;
              return <td key={c}>{c === "share_of_situations" ? formatShare(v, locale) : formatNumber(v, locale, DIGITS[c] ?? 1)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
