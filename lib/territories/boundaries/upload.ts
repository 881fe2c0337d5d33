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
 * or a zip holding one, read with safe-zip's limits). Returns the levels in slot order or the
 * first fault, named by its slot (1-based).
 */
export async function readUploadedLevels(form: FormData): Promise<{ levels: UploadedLevel[] } | { error: UploadError }> {
  const levels: UploadedLevel[] = [];
  for (let i = 0; i < LEVEL_SLOTS; i++) {
    const slot = i + 1;
    const rawKey = String(form.get(`niveau${i}_cle`) ?? "");
    const rawName = String(form.get(`niveau${i}_nom`) ?? "");
    const f = form.get(`niveau${i}_fichier`);
    const file = isFile(f) && f.size > 0 ? f : null;
    // A slot without a file is skipped (the form prefills the current levels' keys and names).
    if (!file) continue;
    const key = keySchema.safeParse(rawKey);
    if (!key.success) return { error: { code: "key", slot } };
    const name = nameSchema.safeParse(rawName);
    if (!name.success) return { error: { code: "name", slot } };
    if (file.size > DEFAULT_LIMITS.maxFileBytes) return { error: { code: "tooLarge", slot } };
    const decoded = decodeLevelFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if ("error" in decoded) return { error: { ...decoded.error, slot } };
    const { file: fileName, text } = decoded;
    levels.push({ key: key.data, name: name.data, file: fileName, text });
  }
  if (levels.length === 0) return { error: { code: "none" } };
  return { levels };
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
      const max = DEFAULT_LIMITS.maxFileBytes;
      const entries = [...readZipSafely(bytes, { maxBytes: max, maxEntries: 20, maxEntryBytes: max, maxTotalBytes: max, maxRatio: 1000 })]
        .map(([entryName, data]) => ({ name: entryName, data }))
        .filter((e) => /\.(geo)?json$/i.test(e.name) && !e.name.startsWith("__MACOSX/"));
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
