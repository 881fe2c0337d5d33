import { z } from "zod";
import { looksLikeZip, readZipSafely, ZipRefusal } from "@/lib/files/safe-zip";
import { DEFAULT_LIMITS } from "./types";

/** Level slots offered by the upload form (coarsest first); empty slots are ignored. */
export const LEVEL_SLOTS = 4;
/**
 * Whole multipart body, checked on Content-Length before reading: under the 10 MB that Next's
 * proxy buffers (experimental.proxyClientMaxBodySize; a longer body would arrive truncated).
 * A zip shrinks GeoJSON several times; the command line has no such limit.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024 - 64 * 1024;

export type UploadError =
  | { code: "none" }
  | { code: "key" | "name" | "notUtf8" | "zipEmpty" | "zipSeveral" | "zip" | "tooLarge"; slot: number; detail?: string };

export type UploadedLevel = { key: string; name: string; file: string; text: string };

const keySchema = z.string().trim().regex(/^[a-z0-9_]{1,40}$/);
const nameSchema = z.string().trim().min(1).max(80).refine((s) => !/[\u0000-\u001f\u007f]/.test(s));

type FileLike = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };
const isFile = (v: unknown): v is FileLike => !!v && typeof v === "object" && "arrayBuffer" in v && "size" in v && "name" in v;

/**
 * Reads the upload form: for each slot `niveauN_cle`, `niveauN_nom`, `niveauN_fichier` (a GeoJSON,
 * or a zip holding one, read with safe-zip's limits). A single zip holding several GeoJSON files,
 * uploaded alone, gives one level per file in file-name order (name them 1-quartiers.geojson,
 * 2-iris.geojson…), each named by the slot of its rank. Returns the levels in order or the first
 * fault, named by its slot (1-based).
 */
export async function readUploadedLevels(form: FormData): Promise<{ levels: UploadedLevel[] } | { error: UploadError }> {
  const slots: { slot: number; key: string; name: string; file: FileLike | null }[] = [];
  for (let i = 0; i < LEVEL_SLOTS; i++) {
    const f = form.get(`niveau${i}_fichier`);
    slots.push({
      slot: i + 1, key: String(form.get(`niveau${i}_cle`) ?? ""), name: String(form.get(`niveau${i}_nom`) ?? ""),
      file: isFile(f) && f.size > 0 ? f : null,
    });
  }
  const withFile = slots.filter((s) => s.file);
  if (withFile.length === 0) return { error: { code: "none" } };
  const levels: UploadedLevel[] = [];
  for (const s of withFile) {
    const file = s.file!;
    if (file.size > DEFAULT_LIMITS.maxFileBytes) return { error: { code: "tooLarge", slot: s.slot } };
    const bytes = new Uint8Array(await file.arrayBuffer());
    const several = withFile.length === 1 && looksLikeZip(bytes) ? decodeLevelFiles(file.name, bytes) : null;
    const decoded = several && "files" in several && several.files.length > 1 ? several.files : [decodeLevelFile(file.name, bytes)];
    for (const [k, d] of decoded.entries()) {
      // Slot of this level: the uploading slot, then the following ones for a zip's later files.
      const slot = slots[s.slot - 1 + k] ?? { slot: s.slot + k, key: "", name: "" };
      if ("error" in d) return { error: { ...d.error, slot: slot.slot } };
      const fallback = k > 0 || !slot.key.trim() ? fromFileName(d.file) : null;
      const key = keySchema.safeParse(slot.key.trim() || fallback?.key || "");
      if (!key.success) return { error: { code: "key", slot: slot.slot } };
      const name = nameSchema.safeParse(slot.name.trim() || fallback?.name || "");
      if (!name.success) return { error: { code: "name", slot: slot.slot } };
      levels.push({ key: key.data, name: name.data, file: d.file, text: d.text });
    }
  }
  return { levels };
}

/** A level key and name from a file name: "2-sous_quartiers.geojson" → sous_quartiers, "Sous quartiers". */
function fromFileName(file: string): { key: string; name: string } {
  const base = (file.split(" › ").pop() ?? file).replace(/\.(geo)?json$/i, "").replace(/^\d+[-_. ]*/, "");
  const key = base.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
  const words = base.replace(/[_-]+/g, " ").trim();
  return { key, name: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** The .geojson/.json entries of a zip read under safe-zip's limits, in file-name order. */
function geojsonEntries(bytes: Uint8Array, maxTotalBytes: number) {
  const max = DEFAULT_LIMITS.maxFileBytes;
  return [...readZipSafely(bytes, { maxBytes: max, maxEntries: 20, maxEntryBytes: max, maxTotalBytes, maxRatio: 1000 })]
    .map(([name, data]) => ({ name, data }))
    .filter((e) => /\.(geo)?json$/i.test(e.name) && !e.name.startsWith("__MACOSX/") && !e.name.endsWith("/"))
    .sort((a, b) => a.name.localeCompare(b.name, "fr", { numeric: true }));
}

/** Every .geojson/.json entry of a zip, in file-name order (for a zip holding several levels). */
function decodeLevelFiles(name: string, bytes: Uint8Array): { files: ({ file: string; text: string } | { error: { code: "notUtf8"; detail?: string } })[] } | null {
  try {
    const entries = geojsonEntries(bytes, 3 * DEFAULT_LIMITS.maxFileBytes);
    return {
      files: entries.map((e) => {
        try {
          return { file: `${name} › ${e.name.split("/").pop()}`, text: new TextDecoder("utf-8", { fatal: true }).decode(e.data) };
        } catch {
          return { error: { code: "notUtf8" as const } };
        }
      }),
    };
  } catch {
    return null; // decodeLevelFile reports the archive's fault
  }
}

/**
 * A level file's text: a GeoJSON as UTF-8, or the single .geojson/.json entry of a zip (read with
 * safe-zip's limits). The name shown in messages is the upload's, with the entry's for a zip.
 */
export function decodeLevelFile(name: string, input: Uint8Array):
  { file: string; text: string } | { error: { code: "notUtf8" | "zipEmpty" | "zipSeveral" | "zip"; detail?: string } } {
  let bytes = input;
  let fileName = name.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 120) || "niveau.geojson";
  if (looksLikeZip(bytes)) {
    try {
      const entries = geojsonEntries(bytes, DEFAULT_LIMITS.maxFileBytes);
      if (entries.length === 0) return { error: { code: "zipEmpty" } };
      if (entries.length > 1) return { error: { code: "zipSeveral" } };
      bytes = entries[0].data;
      fileName = `${fileName} › ${entries[0].name.split("/").pop()}`;
    } catch (e) {
      return { error: { code: "zip", detail: e instanceof ZipRefusal ? e.code : "corrupt" } };
    }
  }
  try {
    return { file: fileName, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { error: { code: "notUtf8" } };
  }
}
