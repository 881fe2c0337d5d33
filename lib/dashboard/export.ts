import ExcelJS from "exceljs";
import { toCsv } from "@/lib/export/csv";
import type { DashboardView, Figure } from "./view";

export type ExportLabels = {
  header: string[]; unknownArea: string; total: string; yes: string; no: string;
  /** Sheet names (at most 31 characters: Excel's limit). */
  sheet: string; viewSheet: string; description: string; threshold: string;
  /** Exact or perturbed figures (decision 0007). */
  figures: string;
  /** When the file was made, in Paris time. */
  exportedAt: string;
  locale: "fr" | "en";
};

type Row = [name: string, rate: number | null, low: number | null, high: number | null, num: number | null, den: number | null, hidden: string];

/** The rows of an export: one per area, then "no neighbourhood", then the territory. Hidden cells stay empty; rates are fractions. */
export function exportRows(view: DashboardView, l: Pick<ExportLabels, "unknownArea" | "total" | "yes" | "no">): Row[] {
  const row = (name: string, f: Figure): Row => [name, f.rate, f.low, f.high, f.num, f.den, f.suppressed ? l.yes : l.no];
  return [...view.rows.map((r) => row(r.name, r)), row(l.unknownArea, view.unknown), row(l.total, view.total)];
}

/** A percentage with one decimal, written the way the reader's spreadsheet reads it (decimal comma in French). */
export function percentText(v: number | null, locale: "fr" | "en"): string | null {
  if (v === null) return null;
  const s = (Math.round(v * 1000) / 10).toFixed(1);
  return locale === "fr" ? s.replace(".", ",") : s;
}

export function viewToCsv(view: DashboardView, l: ExportLabels): string {
  const p = (v: number | null) => percentText(v, l.locale);
  return toCsv(l.header, exportRows(view, l).map(([name, rate, low, high, num, den, hidden]) => [name, p(rate), p(low), p(high), num, den, hidden]));
}

export async function viewToXlsx(view: DashboardView, l: ExportLabels): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Baromètre";
  const ws = wb.addWorksheet(l.sheet.slice(0, 31));
  ws.addRow(l.header).font = { bold: true };
  // Rates are real numbers shown as percentages; the header says "(%)".
  for (const r of exportRows(view, l)) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : 18;
    if (i >= 1 && i <= 3) c.numFmt = "0.0%";
    if (i === 4 || i === 5) c.numFmt = "0";
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const info = wb.addWorksheet(l.viewSheet.slice(0, 31));
  for (const line of [l.description, l.threshold, l.figures, l.exportedAt]) info.addRow([line]);
  info.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
