import ExcelJS from "exceljs";
import { DEFAULT_ZIP_LIMITS, readZipSafely, rezip, ZipRefusal, type ZipLimits } from "@/lib/files/safe-zip";
import { cellText } from "@/lib/modules/xlsform/read-workbook";
import type { ImportProblem } from "./problems";

/** Caps of an uploaded legacy sheet: a year of a large CCAS fits well within them. */
export const SHEET_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 20000, maxColumns: 80, cellChars: 2000 } as const;
const ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxBytes: SHEET_LIMITS.maxBytes, maxEntryBytes: 60 * 1024 * 1024, maxTotalBytes: 80 * 1024 * 1024 };

/** A file refused as a whole (unreadable, too large): the problems say why. */
export class LegacyFileError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`legacy sheet refused: ${problems.map((p) => p.code).join(", ")}`);
    this.name = "LegacyFileError";
  }
}
const refuse = (code: ImportProblem["code"], params?: Record<string, string | number>): never => {
  throw new LegacyFileError([{ level: "error", code, row: null, column: null, ...(params ? { params } : {}) }]);
};

/**
 * Upload bytes → the text cells of the sheet "Situations" (or the first sheet when none is named
 * so). The archive is inflated under limits first (lib/files/safe-zip.ts), exceljs reads only
 * what was measured, with defined names removed (as lib/modules/xlsform/read-workbook.ts does).
 */
export async function readLegacySheet(bytes: Uint8Array): Promise<string[][]> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZipSafely(bytes, ZIP_LIMITS);
  } catch (err) {
    if (!(err instanceof ZipRefusal)) throw err;
    return refuse(err.code === "too_large" ? "tooLarge" : "unreadable", { max: "5 Mo" });
  }
  const workbookXml = entries.get("xl/workbook.xml");
  if (!workbookXml) return refuse("unreadable");
  const xml = new TextDecoder().decode(workbookXml).replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/g, "");
  entries.set("xl/workbook.xml", new TextEncoder().encode(xml));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(rezip(entries)) as unknown as ArrayBuffer);
  } catch {
    return refuse("unreadable");
  }
  const ws = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === "situations") ?? workbook.worksheets[0];
  if (!ws) return refuse("noSheet");
  if (ws.rowCount > SHEET_LIMITS.maxRows + 1) refuse("tooManyRows", { max: SHEET_LIMITS.maxRows });
  const columns = Math.min(ws.columnCount, SHEET_LIMITS.maxColumns);
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c).value).slice(0, SHEET_LIMITS.cellChars));
    rows.push(cells);
  }
  return rows;
}
