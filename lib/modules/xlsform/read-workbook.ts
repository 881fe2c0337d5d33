import ExcelJS from "exceljs";
import { workbookFromEntries } from "@/lib/files/safe-workbook";
import { readZipSafely, ZipRefusal, type ZipRefusalCode } from "@/lib/files/safe-zip";
import { XlsformError, type XlsformIssueCode } from "./issues";
import { LIMITS, type WorkbookData } from "./sheets";

/**
 * Upload bytes → the text cells of the sheets `survey`, `choices` and `settings`. The archive is
 * inflated under limits first (lib/files/safe-zip.ts); exceljs then reads only what was measured,
 * with the workbook's defined names removed (lib/files/safe-workbook.ts).
 */
const ZIP_CODES: Record<ZipRefusalCode, XlsformIssueCode> = {
  too_large: "file_too_large",
  not_zip: "not_xlsx",
  corrupt: "corrupt",
  too_many_entries: "too_many_entries",
  entry_too_large: "zip_bomb",
  total_too_large: "zip_bomb",
  ratio: "zip_bomb",
};
const SHEET_ROWS: Record<string, number> = { survey: LIMITS.surveyRows, choices: LIMITS.choicesRows, settings: LIMITS.settingsRows };

const refuse = (code: XlsformIssueCode, sheet = "", params?: Record<string, string | number>): never => {
  throw new XlsformError([{ code, sheet, ...(params ? { params } : {}) }]);
};

/** One cell as text: rich text joined, formulas by their cached result, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? "").join("");
    if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value) return cellText((value as { text: ExcelJS.CellValue }).text);
    if ("error" in value) return "";
  }
  return "";
}

export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookData> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZipSafely(bytes);
  } catch (err) {
    if (err instanceof ZipRefusal) return refuse(ZIP_CODES[err.code], "", { max: "2 Mo" });
    throw err;
  }
  const workbook = await workbookFromEntries(entries);
  if (workbook === "not_xlsx" || workbook === "corrupt") return refuse(workbook);
  const out: WorkbookData = new Map();
  for (const ws of workbook.worksheets) {
    const key = ws.name.trim().toLowerCase();
    const maxRows = SHEET_ROWS[key];
    if (maxRows === undefined || out.has(key)) continue; // other sheets are not read
    if (ws.rowCount > maxRows + 1) refuse("too_many_rows", ws.name, { max: maxRows });
    if (ws.columnCount > LIMITS.columns) refuse("too_many_columns", ws.name, { max: LIMITS.columns });
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value).slice(0, LIMITS.cellChars + 1));
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      rows.push(cells);
    }
    out.set(key, { name: ws.name, rows });
  }
  return out;
}
