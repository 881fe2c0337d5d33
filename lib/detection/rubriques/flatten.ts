import ExcelJS from "exceljs";
import { toCsv } from "@/lib/export/csv";
import { percentText } from "@/lib/dashboard/export";
import type { FigureTable, Rubriques } from "./types";

/** A loose translator over the detectionAnalysis messages (keys built from table and stat ids). */
export type Tr = (key: string, values?: Record<string, string | number>) => string;

export const tableTitle = (tb: Pick<FigureTable, "kind" | "subject">, tr: Tr) => tr(`detectionAnalysis.tables.${tb.kind}`, { subject: tb.subject ?? "" });

const EXTRA = ["mean", "min", "max", "gap_to_mean", "share_of_situations"] as const;
type Row = [block: string, table: string, label: string, n: number | null, share: number | null, den: number | null, missing: number | null, ...extra: (number | null)[]];

/**
 * Every figure of the rubriques as one row (stats first in each block, then its tables):
 * rubrique, table, label, count, share, base, blanks, and the extra columns. Hidden figures are
 * empty cells, as on the page. The household table is not exported (it names households by code).
 */
export function flattenRubriques(r: Rubriques, tr: Tr): { header: string[]; rows: Row[] } {
  const header = ["block", "table", "label", "n", "share", "den", "missing", ...EXTRA].map((c) => tr(`detectionAnalysis.columns.${c}`));
  const rows: Row[] = [];
  for (const b of r.blocks) {
    const block = tr(`detectionAnalysis.blocks.${b.id}`);
    for (const s of b.stats) {
      const mean = s.unit === "mean" || s.unit === "euros" ? s.value : null;
      rows.push([block, tr(`detectionAnalysis.stats.${s.id}`), "", mean === null ? s.value : null, null, s.den ?? null, s.missing ?? null, mean, null, null, null, null]);
    }
    for (const t of b.tables) {
      const title = tableTitle(t, tr);
      for (const f of t.rows) {
        const v = f.values ?? {};
        rows.push([block, title, f.label, f.n, f.share, f.den ?? t.den, t.missing, ...EXTRA.map((c) => v[c] ?? null)]);
      }
    }
  }
  const cross = r.financialByService;
  for (const [i, row] of cross.rows.entries()) for (const [j, col] of cross.cols.entries()) {
    rows.push([tr("detectionAnalysis.blocks.benefits"), tr("detectionAnalysis.cross.title"), `${row.label} × ${col.label}`, cross.cells[i][j], null, null, null, null, null, null, null, null]);
  }
  return { header, rows };
}

export function rubriquesCsv(r: Rubriques, tr: Tr, locale: "fr" | "en"): string {
  const { header, rows } = flattenRubriques(r, tr);
  const num = (v: number | null) => (v === null ? null : locale === "fr" ? String(Math.round(v * 100) / 100).replace(".", ",") : String(Math.round(v * 100) / 100));
  return toCsv(header, rows.map(([block, table, label, n, share, den, missing, ...extra]) => [block, table, label, n, percentText(share, locale), den, missing, ...extra.map(num)]));
}

export async function rubriquesXlsx(r: Rubriques, tr: Tr, info: string[]): Promise<Buffer> {
  const { header, rows } = flattenRubriques(r, tr);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Baromètre";
  const ws = wb.addWorksheet(tr("detectionAnalysis.xlsxSheet").slice(0, 31));
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((c, i) => {
    c.width = i < 3 ? 40 : 14;
    if (i === 4) c.numFmt = "0.0%";
    if (i >= 7) c.numFmt = "0.00";
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const sheet = wb.addWorksheet(tr("detectionAnalysis.xlsxInfo").slice(0, 31));
  for (const line of info) sheet.addRow([line]);
  sheet.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
