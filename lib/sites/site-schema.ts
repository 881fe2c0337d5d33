import { z } from "zod";
import { safeText } from "@/lib/validation/parsers";

/**
 * One collection site as typed in the form or read from a CSV / GeoJSON row. Errors are message
 * keys of `sitesAdmin.errors`. Longitude and latitude come together (WGS84) or not at all.
 */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const coordinate = (min: number, max: number, key: string) =>
  z.preprocess(blank, z.union([z.number(), z.string().trim().regex(/^-?\d{1,3}(?:[.,]\d{1,12})?$/, { error: key }).transform((s) => Number(s.replace(",", ".")))])
    .pipe(z.number({ error: key }).min(min, { error: key }).max(max, { error: key })).optional());

export const siteSchema = z.object({
  code: z.string({ error: "code" }).trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, { error: "code" }),
  name: safeText(120, { message: "name" }).pipe(z.string().min(1, { error: "name" })),
  kind: safeText(60, { message: "kind" }).pipe(z.string().min(1, { error: "kind" })),
  address: z.preprocess(blank, safeText(200, { message: "address" }).optional()),
  phone: z.preprocess(blank, z.string().trim().regex(/^[+0-9 .()-]{6,30}$/, { error: "phone" }).optional()),
  lon: coordinate(-180, 180, "lon"),
  lat: coordinate(-90, 90, "lat"),
}).refine((s) => (s.lon === undefined) === (s.lat === undefined), { error: "lon_lat_pair", path: ["lat"] });

export type SiteInput = z.infer<typeof siteSchema>;
