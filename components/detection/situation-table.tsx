import Link from "next/link";

export type SituationRow = { id: string; date: string; household: string; object: string; service: string; worker: string; status: string; reminder?: string; overdue?: boolean };

/** A table of situations (no identity, ever: the household is its pseudonymous code). */
export function SituationTable({ rows, caption, cols, hrefOf, testId }: {
  rows: SituationRow[]; caption: string; testId: string;
  cols: { date: string; household: string; object: string; service: string; worker: string; status: string; reminder?: string; overdue?: string };
  hrefOf: (id: string) => string;
}) {
  return (
    <table className="queue-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{cols.date}</th><th scope="col">{cols.household}</th><th scope="col">{cols.object}</th>
          <th scope="col">{cols.service}</th><th scope="col">{cols.worker}</th><th scope="col">{cols.status}</th>
          {cols.reminder && <th scope="col">{cols.reminder}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-overdue={r.overdue || undefined}>
            <td><Link href={hrefOf(r.id)}>{r.date}</Link></td>
            <td>{r.household}</td><td>{r.object}</td><td>{r.service}</td><td>{r.worker}</td><td>{r.status}</td>
            {cols.reminder && <td>{r.reminder ?? "—"}{r.overdue && <strong className="error"> ({cols.overdue})</strong>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
