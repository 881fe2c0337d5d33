import { siteSchema, type SiteInput } from "./site-schema";
import { csvRecords } from "@/lib/files/csv-records";

/**
 * Reading a file of sites (pure): CSV with the columns code, nom, type, adresse, telephone, lon,
 * lat (comma or semicolon, optional quotes, UTF-8 with or without BOM), or a GeoJSON
 * FeatureCollection of points with those properties. Every fault is reported with its row; a
 * file with any fault imports nothing.
 */
export const MAX_SITE_ROWS = 2000;
export const MAX_SITE_FILE_BYTES = 1024 * 1024;

export type RowError = { row: number; field: string; message: string };
export type ParsedSites = { ok: true; sites: SiteInput[] } | { ok: false; errors: RowError[] };

const COLUMNS: Record<string, keyof SiteInput> = {
  code: "code", nom: "name", name: "name", type: "kind", adresse: "address", address: "address",
  telephone: "phone", "téléphone": "phone", phone: "phone", lon: "lon", longitude: "lon", lat: "lat", latitude: "lat",
};
const REQUIRED: (keyof SiteInput)[] = ["code", "name", "kind"];


function validateRows(rows: { row: number; values: Record<string, unknown> }[]): ParsedSites {
  const errors: RowError[] = [];
  const sites: SiteInput[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0) return { ok: false, errors: [{ row: 0, field: "file", message: "empty" }] };
  if (rows.length > MAX_SITE_ROWS) return { ok: false, errors: [{ row: 0, field: "file", message: "too_many" }] };
  for (const { row, values } of rows) {
    const key = typeof values.code === "string" ? values.code.trim().toLowerCase() : "";
    if (key && seen.has(key)) errors.push({ row, field: "code", message: "duplicate_code" });
    else if (key) seen.set(key, row);
    const parsed = siteSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, field: String(issue.path[0] ?? "code"), message: issue.message });
      continue;
    }
    sites.push(parsed.data);
  }
  return errors.length ? { ok: false, errors } : { ok: true, sites };
}

export function parseSitesCsv(input: string): ParsedSites {
  const text = input.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const [header, ...records] = csvRecords(text, delimiter);
  if (!header) return { ok: false, errors: [{ row: 0, field: "file", message: "empty" }] };
  const columns = header.map((h) => COLUMNS[h.trim().toLowerCase()]);
  const missing = REQUIRED.filter((r) => !columns.includes(r));
  if (missing.length) return { ok: false, errors: missing.map((m) => ({ row: 1, field: m, message: "missing_column" })) };
  return validateRows(records.map((r, i) => ({
    // Row numbers as a spreadsheet shows them: the header is row 1.
    row: i + 2,
    values: Object.fromEntries(columns.flatMap((c, j) => (c ? [[c, r[j] ?? ""]] : []))),
  })));
}

export function parseSitesGeoJson(input: string): ParsedSites {
  let doc: unknown;
  try {
    doc = JSON.parse(input.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, errors: [{ row: 0, field: "file", message: "not_json" }] };
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features)) return { ok: false, errors: [{ row: 0, field: "file", message: "not_feature_collection" }] };
  const errors: RowError[] = [];
  const rows = (fc.features as unknown[]).map((f, i) => {
    const feature = f as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> | null };
    const coords = feature?.geometry?.coordinates;
    if (feature?.geometry?.type !== "Point" || !Array.isArray(coords) || coords.length < 2 || !coords.slice(0, 2).every((n) => typeof n === "number" && Number.isFinite(n))) {
      errors.push({ row: i + 1, field: "geometry", message: "not_point" });
    }
    const props = feature?.properties ?? {};
    const values: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) {
      const c = COLUMNS[k.toLowerCase()];
      if (c && c !== "lon" && c !== "lat") values[c] = typeof v === "number" ? String(v) : v ?? "";
    }
    if (Array.isArray(coords)) [values.lon, values.lat] = coords as number[];
    return { row: i + 1, values };
  });
  if (errors.length) return { ok: false, errors };
  return validateRows(rows);
}
