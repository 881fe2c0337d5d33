import { Unzip, UnzipInflate, type UnzipFile } from "fflate";

/**
 * Reads a zip archive held in memory with hard limits, for uploads (GeoJSON bundles, XLSX…).
 * Limits are enforced on what is actually decompressed, not on the sizes the archive declares
 * (a zip bomb lies about them): the archive is fed to fflate's streaming `Unzip` in chunks and an
 * entry is terminated as soon as its inflated bytes pass the limit. Nothing is written to disk.
 */
export type SafeZipLimits = {
  /** Most entries (files; directories are not counted) accepted. */
  maxEntries: number;
  /** Most decompressed bytes for one entry. */
  maxEntryBytes: number;
  /** Most decompressed bytes for the whole archive. */
  maxTotalBytes: number;
  /** Most bytes of the archive itself. */
  maxArchiveBytes?: number;
  /** Entries to keep (others are skipped without being inflated); default: every file. */
  accept?: (name: string) => boolean;
};

export type SafeZipEntry = { name: string; data: Uint8Array };

export type SafeZipErrorCode =
  | "archive_too_large" | "not_a_zip" | "corrupt" | "too_many_entries" | "entry_too_large" | "total_too_large" | "unsafe_name";

export class SafeZipError extends Error {
  constructor(public code: SafeZipErrorCode, public entry?: string, message?: string) {
    super(message ?? `${code}${entry ? `: ${entry}` : ""}`);
    this.name = "SafeZipError";
  }
}

const CHUNK = 64 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Entry names that could escape a folder or hide a path: refused outright. */
function unsafeName(name: string): boolean {
  return name.includes("\0") || name.startsWith("/") || name.startsWith("\\") || /(^|[\\/])\.\.([\\/]|$)/.test(name) || /^[a-zA-Z]:/.test(name);
}

/** Decompresses the accepted entries of `bytes` or throws a `SafeZipError`. */
export function readZipSafely(bytes: Uint8Array, limits: SafeZipLimits): SafeZipEntry[] {
  if (limits.maxArchiveBytes !== undefined && bytes.length > limits.maxArchiveBytes) throw new SafeZipError("archive_too_large");
  if (!isZip(bytes)) throw new SafeZipError("not_a_zip");

  const entries: SafeZipEntry[] = [];
  const pending = new Set<string>();
  let fileCount = 0;
  let total = 0;
  let failure: SafeZipError | null = null;
  const active: UnzipFile[] = [];

  const unzip = new Unzip((file) => {
    if (failure) return;
    if (file.name.endsWith("/")) return; // directory
    fileCount += 1;
    if (fileCount > limits.maxEntries) {
      failure = new SafeZipError("too_many_entries", file.name);
      return;
    }
    if (unsafeName(file.name)) {
      failure = new SafeZipError("unsafe_name", file.name);
      return;
    }
    if (limits.accept && !limits.accept(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    pending.add(file.name);
    active.push(file);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new SafeZipError("corrupt", file.name);
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limits.maxEntryBytes) failure = new SafeZipError("entry_too_large", file.name);
      else if (total > limits.maxTotalBytes) failure = new SafeZipError("total_too_large", file.name);
      if (failure) {
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        pending.delete(file.name);
        const out = new Uint8Array(size);
        let offset = 0;
        for (const c of chunks) {
          out.set(c, offset);
          offset += c.length;
        }
        entries.push({ name: file.name, data: out });
      }
    };
    try {
      file.start();
    } catch {
      failure = new SafeZipError("corrupt", file.name);
    }
  });
  unzip.register(UnzipInflate);

  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch {
    failure ??= new SafeZipError("corrupt");
  }
  if (failure) {
    for (const f of active) {
      try { f.terminate(); } catch { /* already ended */ }
    }
    throw failure;
  }
  if (pending.size > 0) throw new SafeZipError("corrupt", [...pending][0]);
  return entries;
}
