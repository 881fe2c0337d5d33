import { describe, expect, it } from "vitest";
import { parseSitesCsv, parseSitesGeoJson } from "./parse-import";

describe("sites from a CSV file", () => {
  it("reads the columns in any order, with semicolons, quotes and a BOM", () => {
    const csv = "\uFEFFnom;code;type;adresse;telephone;lon;lat\r\n\"Maison pour tous; Centre\";MPT-1;Maison pour tous;\"1 rue \"\"A\"\"\";04 67 00 00 00;3,87;43,61\r\nMarché;MARCHE;marché;;;;\r\n";
    const r = parseSitesCsv(csv);
    expect(r).toEqual({ ok: true, sites: [
      { code: "MPT-1", name: "Maison pour tous; Centre", kind: "Maison pour tous", address: "1 rue \"A\"", phone: "04 67 00 00 00", lon: 3.87, lat: 43.61 },
      { code: "MARCHE", name: "Marché", kind: "marché" },
    ] });
  });
  it("names every fault by row and field, and keeps nothing", () => {
    const csv = "code,nom,type,lon,lat\nA1,Un,lieu,3.8,\nA1,Deux,lieu,,\n,Trois,lieu,,\nB 2,Quatre,,200,10\n";
    const r = parseSitesCsv(csv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { row: 2, field: "lat", message: "lon_lat_pair" },
      { row: 3, field: "code", message: "duplicate_code" },
      { row: 4, field: "code", message: "code" },
      { row: 5, field: "code", message: "code" },
      { row: 5, field: "kind", message: "kind" },
      { row: 5, field: "lon", message: "lon" },
    ]);
  });
  it("refuses a file without the required columns or without rows", () => {
    expect(parseSitesCsv("code,name\nA,B\n")).toEqual({ ok: false, errors: [{ row: 1, field: "kind", message: "missing_column" }] });
    expect(parseSitesCsv("code,nom,type\n")).toEqual({ ok: false, errors: [{ row: 0, field: "file", message: "empty" }] });
  });
});

describe("sites from GeoJSON points", () => {
  it("reads points and their properties", () => {
    const doc = { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [3.88, 43.6] }, properties: { code: "CCAS", nom: "CCAS", type: "CCAS", adresse: "125 place Thermidor" } }] };
    expect(parseSitesGeoJson(JSON.stringify(doc))).toEqual({ ok: true, sites: [{ code: "CCAS", name: "CCAS", kind: "CCAS", address: "125 place Thermidor", lon: 3.88, lat: 43.6 }] });
  });
  it("refuses what is not a collection of points, by feature", () => {
    expect(parseSitesGeoJson("{")).toEqual({ ok: false, errors: [{ row: 0, field: "file", message: "not_json" }] });
    const doc = { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Polygon", coordinates: [] }, properties: { code: "X", nom: "X", type: "x" } }] };
    expect(parseSitesGeoJson(JSON.stringify(doc))).toEqual({ ok: false, errors: [{ row: 1, field: "geometry", message: "not_point" }] });
    // Lambert-93 metres are not degrees.
    const l93 = { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [770000, 6280000] }, properties: { code: "X", nom: "X", type: "x" } }] };
    expect(parseSitesGeoJson(JSON.stringify(l93))).toMatchObject({ ok: false, errors: [{ row: 1, field: "lon", message: "lon" }, { row: 1, field: "lat", message: "lat" }] });
  });
});
