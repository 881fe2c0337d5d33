import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_ZIP_LIMITS, readZipSafely, rezip, ZipRefusal } from "./safe-zip";

function refusalOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ZipRefusal) return err.code;
    throw err;
  }
  return undefined;
}

describe("readZipSafely", () => {
  it("reads the entries of a workbook written by exceljs, and rezip keeps them readable", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("survey").addRow(["type", "name"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const entries = readZipSafely(bytes);
    expect([...entries.keys()]).toContain("xl/workbook.xml");
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(rezip(entries) as unknown as ArrayBuffer);
    expect(again.getWorksheet("survey")?.getCell("A1").text).toBe("type");
  });

  it("reads stored (uncompressed) entries", () => {
    const bytes = zipSync({ "a.txt": strToU8("hello") }, { level: 0 });
    expect(new TextDecoder().decode(readZipSafely(bytes).get("a.txt"))).toBe("hello");
  });

  it("refuses an upload over the size limit before reading it", () => {
    expect(refusalOf(() => readZipSafely(new Uint8Array(DEFAULT_ZIP_LIMITS.maxBytes + 1)))).toBe("too_large");
  });

  it("refuses what is not a zip, and a truncated zip", () => {
    expect(refusalOf(() => readZipSafely(strToU8("type,name\nnote,hello")))).toBe("not_zip");
    const bytes = zipSync({ "a.txt": strToU8("x".repeat(5000)) });
    expect(refusalOf(() => readZipSafely(bytes.subarray(0, 40)))).toBe("corrupt");
  });

  it("refuses a zip bomb after inflating no more than the limit", () => {
    // 50 MB of zeros compress to about 50 KB: under the upload limit, far over the inflated one.
    const bomb = zipSync({ "xl/sharedStrings.xml": new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(DEFAULT_ZIP_LIMITS.maxBytes);
    expect(refusalOf(() => readZipSafely(bomb))).toBe("entry_too_large");
  });

  it("refuses a total inflated size or a ratio over the limits, and too many entries", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) files[`f${i}.xml`] = new Uint8Array(1000);
    const bytes = zipSync(files);
    expect(refusalOf(() => readZipSafely(bytes, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 3000 }))).toBe("total_too_large");
    expect(refusalOf(() => readZipSafely(bytes, { ...DEFAULT_ZIP_LIMITS, maxRatio: 2 }))).toBe("ratio");
    expect(refusalOf(() => readZipSafely(bytes, { ...DEFAULT_ZIP_LIMITS, maxEntries: 4 }))).toBe("too_many_entries");
  });
});
