import { describe, expect, it } from "vitest";
import type { Position } from "@/lib/geo/geometry";
import { contains } from "@/lib/geo/geometry";
import { parseImportArgs } from "./cli-args";
import { diffImport, type StoredArea } from "./diff";
import { formatIssue } from "./messages";
import { planImport } from "./plan";
import { pointOnSurface } from "./point-on-surface";
import { DEFAULT_LIMITS, type LevelFile } from "./types";

type Props = Record<string, unknown>;
const square = (x: number, y: number, s = 1): Position[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const poly = (ring: Position[]) => ({ type: "Polygon", coordinates: [ring] });
const fc = (features: { properties: Props; geometry: unknown }[], extra: Props = {}) =>
  JSON.stringify({ type: "FeatureCollection", ...extra, features: features.map((f) => ({ type: "Feature", ...f })) });
const level = (file: string, text: string, over: Partial<LevelFile> = {}): LevelFile =>
  ({ key: file.replace(/\W/g, "_"), name: file, file, text, codeProperty: "code", nameProperty: "nom", ...over });

// Two quartiers side by side, each cut in two îlots; coordinates near Montpellier.
const Q = fc([
  { properties: { code: "Q1", nom: "Nord" }, geometry: poly(square(3.8, 43.6, 0.02)) },
  { properties: { code: "Q2", nom: "Sud" }, geometry: poly(square(3.82, 43.6, 0.02)) },
]);
const ilots = (withParent: boolean) => fc([
  { properties: { code: "I1", nom: "Un", q: withParent ? "Q1" : null }, geometry: poly(square(3.8, 43.6, 0.01)) },
  { properties: { code: "I2", nom: "Deux", q: "Q1" }, geometry: poly(square(3.81, 43.61, 0.01)) },
  { properties: { code: "I3", nom: "Trois", q: "Q2" }, geometry: poly(square(3.825, 43.605, 0.01)) },
]);

const issuesOf = (files: LevelFile[], limits = DEFAULT_LIMITS) => planImport(files, limits).issues.map((i) => formatIssue(i));

describe("boundaries import: validation", () => {
  it("accepts sound files and finds parents by containment", () => {
    const { plan, issues } = planImport([level("quartiers.geojson", Q), level("ilots.geojson", ilots(false))]);
    expect(issues).toEqual([]);
    expect(plan!.levels[1].areas.map((a) => `${a.code}→${a.parentCode}`)).toEqual(["I1→Q1", "I2→Q1", "I3→Q2"]);
  });

  it("finds parents by the mapped property, and refuses an unknown or missing parent code", () => {
    const ok = planImport([level("q.geojson", Q), level("i.geojson", ilots(true), { parentProperty: "q" })]);
    expect(ok.plan!.levels[1].areas.map((a) => a.parentCode)).toEqual(["Q1", "Q1", "Q2"]);
    const bad = fc([{ properties: { code: "I9", nom: "Neuf", q: "Q7" }, geometry: poly(square(3.8, 43.6, 0.01)) }]);
    expect(issuesOf([level("q.geojson", Q), level("i.geojson", bad, { parentProperty: "q" })])).toEqual([
      "i.geojson, entité n° 1 (code I9)\u00a0: le code parent «\u00a0Q7\u00a0» n'existe pas au niveau supérieur.",
    ]);
    expect(issuesOf([level("q.geojson", Q), level("i.geojson", ilots(false), { parentProperty: "q" })])[0]).toMatch(/^i\.geojson, entité n° 1 \(code I1\).*zone sans parent/);
  });

  it("refuses a fine area that no coarser area contains", () => {
    const outside = fc([{ properties: { code: "X", nom: "Ailleurs" }, geometry: poly(square(3.9, 43.7, 0.01)) }]);
    expect(issuesOf([level("q.geojson", Q), level("i.geojson", outside)])).toEqual([
      "i.geojson, entité n° 1 (code X)\u00a0: zone sans parent\u00a0: aucune zone du niveau supérieur ne la contient.",
    ]);
  });

  it("recognises Lambert-93 coordinates or crs and refuses them with the ogr2ogr hint", () => {
    const l93 = fc([{ properties: { code: "A", nom: "A" }, geometry: poly(square(770_000, 6_279_000, 500)) }]);
    const [msg] = issuesOf([level("l93.geojson", l93)]);
    expect(msg).toMatch(/^l93\.geojson, entité n° 1\u00a0: .*Lambert-93 \(EPSG:2154\).*ogr2ogr -t_srs EPSG:4326/);
    const named = fc([{ properties: { code: "A", nom: "A" }, geometry: poly(square(3.8, 43.6)) }], { crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::2154" } } });
    expect(issuesOf([level("crs.geojson", named)])[0]).toMatch(/Lambert-93/);
    const other = fc([{ properties: { code: "A", nom: "A" }, geometry: poly(square(5_000, 5_000, 10)) }]);
    expect(issuesOf([level("m.geojson", other)])[0]).toMatch(/hors du WGS84/);
  });

  it("refuses a self-intersecting ring (a bow tie), an unclosed ring, a point and malformed coordinates", () => {
    const bowtie: Position[] = [[3.8, 43.6], [3.81, 43.61], [3.81, 43.6], [3.8, 43.61], [3.8, 43.6]];
    const unclosed = square(3.8, 43.6, 0.01).slice(0, 4).concat([[3.8, 43.605]]);
    const text = fc([
      { properties: { code: "B", nom: "Nœud" }, geometry: poly(bowtie) },
      { properties: { code: "U", nom: "Ouvert" }, geometry: poly(unclosed) },
      { properties: { code: "P", nom: "Point" }, geometry: { type: "Point", coordinates: [3.8, 43.6] } },
      { properties: { code: "M", nom: "Mal formé" }, geometry: { type: "Polygon", coordinates: [["a", "b"]] } },
    ]);
    expect(issuesOf([level("g.geojson", text)])).toEqual([
      "g.geojson, entité n° 1 (code B)\u00a0: polygone 1, anneau 1\u00a0: le contour se recoupe près de 3.81, 43.61.",
      "g.geojson, entité n° 2 (code U)\u00a0: polygone 1, anneau 1\u00a0: l'anneau n'est pas fermé (sa dernière position doit répéter la première).",
      "g.geojson, entité n° 3 (code P)\u00a0: géométrie «\u00a0Point\u00a0»\u00a0: un Polygon ou un MultiPolygon est attendu.",
      "g.geojson, entité n° 4 (code M)\u00a0: coordonnées mal formées (des positions [longitude, latitude] sont attendues).",
    ]);
  });

  it("does not take a repeated position for a crossing", () => {
    const ring = square(3.8, 43.6, 0.01);
    ring.splice(2, 0, ring[1]);
    expect(issuesOf([level("r.geojson", fc([{ properties: { code: "R", nom: "R" }, geometry: poly(ring) }]))])).toEqual([]);
  });

  it("refuses duplicate codes, empty codes and names, and a property that no feature has", () => {
    const text = fc([
      { properties: { code: "A", nom: "Un" }, geometry: poly(square(3.8, 43.6, 0.01)) },
      { properties: { code: "A", nom: "Deux" }, geometry: poly(square(3.81, 43.6, 0.01)) },
      { properties: { code: " ", nom: "" }, geometry: poly(square(3.82, 43.6, 0.01)) },
    ]);
    expect(issuesOf([level("d.geojson", text)])).toEqual([
      "d.geojson, entité n° 2 (code A)\u00a0: ce code est déjà celui de l'entité n° 1.",
      "d.geojson, entité n° 3\u00a0: code vide (propriété «\u00a0code\u00a0»).",
      "d.geojson, entité n° 3\u00a0: nom vide (propriété «\u00a0nom\u00a0»).",
    ]);
    expect(issuesOf([level("d.geojson", text, { nameProperty: "libelle" })])).toEqual([
      "d.geojson\u00a0: aucune entité n'a la propriété «\u00a0libelle\u00a0» choisie pour le nom.",
    ]);
  });

  it("refuses what is not a FeatureCollection, bad JSON, a file too large and 200,000 vertices, cheaply", () => {
    expect(issuesOf([level("f.geojson", JSON.stringify({ type: "Feature" }))])[0]).toMatch(/FeatureCollection GeoJSON est attendue \(type trouvé\u00a0: Feature\)/);
    expect(issuesOf([level("f.geojson", "{ pas du json")])[0]).toMatch(/pas un fichier JSON valide/);
    expect(issuesOf([level("f.geojson", Q)], { ...DEFAULT_LIMITS, maxFileBytes: 100 })[0]).toMatch(/^f\.geojson\u00a0: le fichier pèse .* Mo, au-delà de la limite/);
    const ring: Position[] = Array.from({ length: 200_000 }, (_, i) => {
      const a = (i / 200_000) * 2 * Math.PI;
      return [3.8 + 0.01 * Math.cos(a), 43.6 + 0.01 * Math.sin(a)];
    });
    ring.push(ring[0]);
    const big = fc([{ properties: { code: "G", nom: "Gros" }, geometry: poly(ring) }]);
    const t0 = performance.now();
    expect(issuesOf([level("gros.geojson", big)])).toEqual([
      "gros.geojson\u00a0: plus de 150000 sommets\u00a0: simplifiez les contours (par exemple ogr2ogr -simplify 5) ou découpez le fichier.",
    ]);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it("checks a large sound ring for crossings within the budget", () => {
    const ring: Position[] = Array.from({ length: 50_000 }, (_, i) => {
      const a = (i / 50_000) * 2 * Math.PI;
      return [3.8 + 0.01 * Math.cos(a), 43.6 + 0.01 * Math.sin(a)];
    });
    ring.push(ring[0]);
    const t0 = performance.now();
    expect(issuesOf([level("rond.geojson", fc([{ properties: { code: "C", nom: "Cercle" }, geometry: poly(ring) }]))])).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});

describe("point on surface", () => {
  it("is inside a concave area whose centroid is outside (a U shape)", () => {
    const u = { type: "Polygon" as const, coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]] as Position[]] };
    expect(contains(u, pointOnSurface(u))).toBe(true);
  });
});

describe("what changed on a re-import", () => {
  it("counts added, retired, renamed, reshaped, moved and unchanged areas, and retired levels", () => {
    const g = (x: number) => ({ type: "Polygon", coordinates: [square(x, 0)] });
    const stored: StoredArea[] = [
      { levelKey: "iris", code: "A", name: "Alpha", geometry: g(0), parentCode: "Q", retired: false },
      { levelKey: "iris", code: "B", name: "Beta", geometry: g(1), parentCode: "Q", retired: false },
      { levelKey: "iris", code: "C", name: "Gamma", geometry: g(2), parentCode: "Q", retired: false },
      { levelKey: "iris", code: "D", name: "Delta", geometry: g(3), parentCode: "Q", retired: false },
      { levelKey: "iris", code: "E", name: "Epsilon", geometry: g(4), parentCode: "Q", retired: true },
    ];
    const area = (code: string, name: string, x: number, parentCode = "Q") => ({ code, name, parentCode, geometry: g(x) as never });
    const diff = diffImport(stored, ["quartier", "iris", "ilot"], { levels: [{ key: "iris", name: "IRIS", file: "i", areas: [
      area("A", "Alpha", 0), area("B", "Bêta", 1), area("C", "Gamma", 9), area("E", "Epsilon", 4), area("F", "Phi", 5), area("D", "Delta", 3, "R"),
    ] }] });
    const [l] = diff.levels;
    expect({ added: l.added.map((a) => a.code), retired: l.retired.map((a) => a.code), renamed: l.renamed, reshaped: l.reshaped.map((a) => a.code), moved: l.reparented.map((a) => a.code), unchanged: l.unchanged })
      .toEqual({ added: ["E", "F"], retired: [], renamed: [{ code: "B", from: "Beta", to: "Bêta" }], reshaped: ["C"], moved: ["D"], unchanged: 1 });
    expect(diff.retiredLevels).toEqual(["quartier", "ilot"]);
    expect(diff.changed).toBe(true);
    const again = diffImport(stored.filter((a) => !a.retired), ["iris"], { levels: [{ key: "iris", name: "IRIS", file: "i", areas: [area("A", "Alpha", 0)] }] });
    expect(again.levels[0].retired.map((a) => a.code)).toEqual(["B", "C", "D"]);
  });

  it("sees no change when the same files are imported again (whatever the key order of stored geometry)", () => {
    const stored: StoredArea[] = [{ levelKey: "q", code: "A", name: "A", geometry: { coordinates: [square(0, 0)], type: "Polygon" }, parentCode: null, retired: false }];
    const diff = diffImport(stored, ["q"], { levels: [{ key: "q", name: "Q", file: "q", areas: [{ code: "A", name: "A", parentCode: null, geometry: { type: "Polygon", coordinates: [square(0, 0)] } }] }] });
    expect(diff.changed).toBe(false);
    expect(diff.levels[0].unchanged).toBe(1);
  });
});

describe("territory:import arguments", () => {
  it("reads levels and refuses malformed ones with a French message", () => {
    expect(parseImportArgs(["--territory", "grenoble", "--level", "iris:IRIS:a/b.geojson:code_iris:nom_iris:gq"])).toEqual({
      kind: "levels", territory: "grenoble",
      levels: [{ key: "iris", name: "IRIS", path: "a/b.geojson", codeProperty: "code_iris", nameProperty: "nom_iris", parentProperty: "gq" }],
    });
    expect(parseImportArgs(["--manifest", "m.json"])).toEqual({ kind: "manifest", manifest: "m.json" });
    expect(parseImportArgs(["--territory", "grenoble", "--level", "iris:IRIS:f.geojson"])).toMatchObject({ error: expect.stringMatching(/attendu clé:Nom:fichier/) });
    expect(parseImportArgs([])).toMatchObject({ error: "Indiquez --manifest ou --territory." });
  });
});
