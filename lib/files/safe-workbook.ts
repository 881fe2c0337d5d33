import ExcelJS from "exceljs";
import { rezip } from "./safe-zip";

/**
 * Entries already inflated under limits (lib/files/safe-zip.ts) → an exceljs workbook, with the
 * workbook's defined names removed first (whole-column names make exceljs allocate every cell).
 * "not_xlsx" when there is no workbook part, "corrupt" when exceljs cannot read it.
 */
export async function workbookFromEntries(entries: Map<string, Uint8Array>): Promise<ExcelJS.Workbook | "not_xlsx" | "corrupt"> {
  const workbookXml = entries.get("xl/workbook.xml");
  if (!workbookXml) return "not_xlsx";
  const xml = new TextDecoder().decode(workbookXml).replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/g, "");
  entries.set("xl/workbook.xml", new TextEncoder().encode(xml));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(rezip(entries)) as unknown as ArrayBuffer);
  } catch {
    return "corrupt";
  }
  return workbook;
}
