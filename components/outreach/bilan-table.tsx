import type { Masked } from "@/lib/outreach/suppression";

/**
 * One measure of the outreach bilan: categories × periods with their totals. A hidden figure
 * is shown as `hidden` (never its value: the server already dropped it).
 */
export function BilanTable({ caption, categories, periods, table, labels }: {
  caption: string; categories: string[]; periods: string[]; table: Masked;
  labels: { category: string; total: string; hidden: string; categoryName: (c: string) => string; periodName: (p: string) => string; number: (n: number) => string };
}) {
  const show = (n: number | null) => (n === null ? <abbr title={labels.hidden}>s</abbr> : labels.number(n));
  return (
    <table className="bilan-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.category}</th>
          {periods.map((p) => <th key={p} scope="col">{labels.periodName(p)}</th>)}
          <th scope="col">{labels.total}</th>
        </tr>
      </thead>
      <tbody>
        {categories.map((c, i) => (
          <tr key={c}>
            <th scope="row">{labels.categoryName(c)}</th>
            {table.cells[i].map((v, j) => <td key={periods[j]}>{show(v)}</td>)}
            <td>{show(table.rowTotals[i])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{labels.total}</th>
          {table.colTotals.map((v, j) => <td key={periods[j]}>{show(v)}</td>)}
          <td>{show(table.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
