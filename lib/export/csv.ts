/**
 * RFC 4180 CSV for spreadsheet users: `;`-separated with a BOM (what French Excel opens
 * directly), every field quoted, and cells that a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR) prefixed with a quote mark.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    let s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}
