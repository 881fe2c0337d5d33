import ExcelJS from "exceljs";

/** Sheets as rows of text (header row first) → .xlsx bytes. Used by the fixture builder and tests. */
export type SheetRows = Record<string, string[][]>;

export async function writeSheets(sheets: SheetRows): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Baromètre du non-recours";
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => { col.width = 24; });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
