import { describe, expect, it } from "vitest";
import { zipSync, strToU8 } from "fflate";
import { readZipSafely, SafeZipError } from "./safe-zip";

const limits = { maxEntries: 5, maxEntryBytes: 1000, maxTotalBytes: 2000 };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof SafeZipError) return e.code;
    throw e;
  }
  return undefined;
}

describe("readZipSafely", () => {
  it("reads the files of a small archive, skipping directories", () => {
    const zip = zipSync({ "a.geojson": strToU8("{}"), "dir/": new Uint8Array(), "dir/b.txt": strToU8("hello") });
    const entries = readZipSafely(zip, limits);
    expect(entries.map((e) => e.name).sort()).toEqual(["a.geojson", "dir/b.txt"]);
    expect(new TextDecoder().decode(entries.find((e) => e.name === "dir/b.txt")!.data)).toBe("hello");
  });

  it("keeps only accepted entries", () => {
    const zip = zipSync({ "a.geojson": strToU8("{}"), "b.txt": strToU8("x") });
    expect(readZipSafely(zip, { ...limits, accept: (n) => n.endsWith(".geojson") }).map((e) => e.name)).toEqual(["a.geojson"]);
  });

  it("refuses what is not a zip, and a truncated archive", () => {
    expect(code(() => readZipSafely(strToU8("not a zip at all"), limits))).toBe("not_a_zip");
    const zip = zipSync({ "a.txt": strToU8("x".repeat(500)) }, { level: 0 });
    expect(code(() => readZipSafely(zip.subarray(0, 60), limits))).toBe("corrupt");
  });

  it("refuses too many entries", () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.txt`, strToU8("x")]));
    expect(code(() => readZipSafely(zipSync(files), limits))).toBe("too_many_entries");
  });

  it("measures the bytes actually inflated (a bomb compresses 10 MB of zeros to a few KB)", () => {
    const bomb = zipSync({ "zeros.txt": new Uint8Array(10_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(50_000);
    expect(code(() => readZipSafely(bomb, limits))).toBe("entry_too_large");
    const many = zipSync({ "a.txt": new Uint8Array(900), "b.txt": new Uint8Array(900), "c.txt": new Uint8Array(900) });
    expect(code(() => readZipSafely(many, limits))).toBe("total_too_large");
  });

  it("refuses an archive larger than allowed, and names that climb out of a folder", () => {
    const zip = zipSync({ "a.txt": strToU8("x") });
    expect(code(() => readZipSafely(zip, { ...limits, maxArchiveBytes: 10 }))).toBe("archive_too_large");
    expect(code(() => readZipSafely(zipSync({ "../evil.txt": strToU8("x") }), limits))).toBe("unsafe_name");
  });
});
