import { Unzip, UnzipInflate, UnzipPassThrough, zipSync, type Zippable } from "fflate";

/**
 * Reads an uploaded zip (an .xlsx is one) without trusting what it declares: the upload size,
 * the number of entries and the ACTUAL inflated bytes (counted while inflating, chunk by chunk)
 * are capped, so a zip bomb is refused after inflating at most the limit, never the bomb.
 * Callers then parse only the entries returned here (or `rezip` them), never the raw upload,
 * so that what a parser reads is exactly what was measured.
 */
export type ZipLimits = {
  /** Size of the upload itself. */
  maxBytes: number;
  maxEntries: number;
  /** Inflated size of one entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries together. */
  maxTotalBytes: number;
  /** Inflated / compressed size of the whole archive. */
  maxRatio: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxEntries: 100,
  maxEntryBytes: 10 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  maxRatio: 200,
};

export type ZipRefusalCode = "too_large" | "not_zip" | "too_many_entries" | "entry_too_large" | "total_too_large" | "ratio" | "corrupt";

/** A refused archive; `code` for translations, `entry` names the file inside when known. */
export class ZipRefusal extends Error {
  constructor(readonly code: ZipRefusalCode, readonly entry?: string) {
    super(`zip refused: ${code}${entry ? ` (${entry})` : ""}`);
    this.name = "ZipRefusal";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Inflates every entry of `bytes` under the limits; throws ZipRefusal otherwise. */
export function readZipSafely(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  if (bytes.length > limits.maxBytes) throw new ZipRefusal("too_large");
  if (!looksLikeZip(bytes)) throw new ZipRefusal("not_zip");
  const maxTotal = Math.min(limits.maxTotalBytes, Math.max(bytes.length, 1) * limits.maxRatio);
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let count = 0;
  let refusal: ZipRefusal | null = null;

  const unzip = new Unzip((file) => {
    if (refusal) return;
    count += 1;
    if (count > limits.maxEntries) {
      refusal = new ZipRefusal("too_many_entries");
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (refusal) return;
      if (err) {
        refusal = new ZipRefusal("corrupt", file.name);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) refusal = new ZipRefusal("entry_too_large", file.name);
      else if (total > limits.maxTotalBytes) refusal = new ZipRefusal("total_too_large", file.name);
      else if (total > maxTotal) refusal = new ZipRefusal("ratio", file.name);
      if (refusal) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, concat(chunks, size));
    };
    try {
      file.start();
    } catch {
      refusal ??= new ZipRefusal("corrupt", file.name);
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  // Feed the archive in small slices: a refusal stops the work at the next slice.
  const SLICE = 64 * 1024;
  try {
    for (let at = 0; at < bytes.length && !refusal; at += SLICE) {
      unzip.push(bytes.subarray(at, Math.min(at + SLICE, bytes.length)), at + SLICE >= bytes.length);
    }
  } catch (err) {
    if (err instanceof ZipRefusal) throw err;
    throw refusal ?? new ZipRefusal("corrupt");
  }
  if (refusal) throw refusal;
  if (entries.size === 0 || entries.size !== count) throw new ZipRefusal("corrupt");
  return entries;
}

/** Builds a fresh archive from entries already read safely (for libraries that want a zip). */
export function rezip(entries: Map<string, Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = data;
  return zipSync(files, { level: 1 });
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
