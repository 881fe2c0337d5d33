import ExcelJS from "exceljs";
import { toCsv } from "@/lib/export/csv";
import type { DashboardView, Figure } from "./view";

export type ExportLabels = {
  header: string[]; unknownArea: string; total: string; yes: string; no: string;
  sheet: string; viewSheet: string; description: string; threshold: string;
  /** Exact or perturbed figures (decision 0007). */
  figures: string;
};

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** The rows of an export: one per area, then "no neighbourhood", then the territory. Hidden cells stay empty. */
export function exportRows(view: DashboardView, l: ExportLabels): (string | number | null)[][] {
  const row = (name: string, f: Figure) => [name, pct(f.rate), pct(f.low), pct(f.high), f.num, f.den, f.suppressed ? l.yes : l.no];
  return [...view.rows.map((r) => row(r.name, r)), row(l.unknownArea, view.unknown), row(l.total, view.total)];
}

export function viewToCsv(view: DashboardView, l: ExportLabels): string {
  return toCsv(l.header, exportRows(view, l));
}

export async function viewToXlsx(view: DashboardView, l: ExportLabels): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Baromètre";
  const ws = wb.addWorksheet(l.sheet);
  ws.addRow(l.header).font = { bold: true };
  for (const r of exportRows(view, l)) ws.addRow(r);
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 40 : 16; });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  const info = wb.addWorksheet(l.viewSheet);
  info.addRow([l.description]);
  info.addRow([l.threshold]);
  info.addRow([l.figures]);
  info.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
