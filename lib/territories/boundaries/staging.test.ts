import { describe, expect, it } from "vitest";
import { zipSync, strToU8 } from "fflate";
import { guessMapping, STAGING_TTL_MS, stagedUsable } from "./staging";
import { readUploadedLevels } from "./upload";

describe("staged import", () => {
  const s = { userId: "u1", territoryId: "t1", createdAt: 1_000 };
  it("is usable only by its user, for its territory, before it expires", () => {
    expect(stagedUsable(s, "u1", "t1", 2_000)).toBe(true);
    expect(stagedUsable(s, "u2", "t1", 2_000)).toBe(false);
    expect(stagedUsable(s, "u1", "t2", 2_000)).toBe(false);
    expect(stagedUsable(s, "u1", "t1", 1_000 + STAGING_TTL_MS)).toBe(false);
  });

  it("guesses the code and name properties of common open data files", () => {
    expect(guessMapping(["code_iris", "iris", "nom_iris", "insee_com"])).toEqual({ codeProperty: "code_iris", nameProperty: "nom_iris" });
    expect(guessMapping(["id", "code_quartier", "nom", "nom_source"])).toEqual({ codeProperty: "code_quartier", nameProperty: "nom" });
    expect(guessMapping(["ID", "NAME"])).toEqual({ codeProperty: "ID", nameProperty: "NAME" });
  });
});

describe("upload form", () => {
  const file = (name: string, body: string | Uint8Array) => new File([typeof body === "string" ? body : new Uint8Array(body)], name);
  it("reads the slots in order, skips those without a file, and opens a zip holding one GeoJSON", async () => {
    const form = new FormData();
    form.set("niveau0_cle", "quartier"); form.set("niveau0_nom", "Quartier"); form.set("niveau0_fichier", file("q.geojson", "{\"a\":1}"));
    form.set("niveau1_cle", "ilot"); form.set("niveau1_nom", "Îlot"); // no file: skipped
    form.set("niveau2_cle", "iris"); form.set("niveau2_nom", "IRIS"); form.set("niveau2_fichier", file("iris.zip", zipSync({ "dossier/iris.geojson": strToU8("{\"b\":2}") })));
    const r = await readUploadedLevels(form);
    expect(r).toEqual({ levels: [
      { key: "quartier", name: "Quartier", file: "q.geojson", text: "{\"a\":1}" },
      { key: "iris", name: "IRIS", file: "iris.zip › iris.geojson", text: "{\"b\":2}" },
    ] });
  });

  it("turns a zip of several GeoJSON files, uploaded alone, into one level per file in name order", async () => {
    const form = new FormData();
    form.set("niveau0_cle", "quartier"); form.set("niveau0_nom", "Quartier");
    form.set("niveau0_fichier", file("decoupage.zip", zipSync({
      "3-îlots_2024.geojson": strToU8("{\"c\":3}"), "1-quartiers.geojson": strToU8("{\"a\":1}"), "2-iris.geojson": strToU8("{\"b\":2}"), "notice.txt": strToU8("x"),
    })));
    form.set("niveau1_cle", "iris"); form.set("niveau1_nom", "IRIS");
    const r = await readUploadedLevels(form);
    expect("levels" in r && r.levels.map((l) => `${l.key}|${l.name}|${l.file}|${l.text}`)).toEqual([
      "quartier|Quartier|decoupage.zip › 1-quartiers.geojson|{\"a\":1}",
      "iris|IRIS|decoupage.zip › 2-iris.geojson|{\"b\":2}",
      "ilots_2024|Îlots 2024|decoupage.zip › 3-îlots_2024.geojson|{\"c\":3}",
    ]);
    form.set("niveau1_fichier", file("autre.geojson", "{}"));
    expect(await readUploadedLevels(form)).toEqual({ error: { code: "zipSeveral", slot: 1 } });
  });

  it("names the slot of a bad key, a zip bomb, a zip without GeoJSON, or nothing uploaded", async () => {
    const one = (key: string, f: File) => {
      const form = new FormData();
      form.set("niveau0_cle", key); form.set("niveau0_nom", "Nom"); form.set("niveau0_fichier", f);
      return readUploadedLevels(form);
    };
    expect(await one("Mauvaise Clé", file("a.geojson", "{}"))).toEqual({ error: { code: "key", slot: 1 } });
    const bomb = zipSync({ "b.geojson": new Uint8Array(20_000_000) }, { level: 9 });
    expect(await one("q", file("b.zip", bomb))).toEqual({ error: { code: "zip", slot: 1, detail: "entry_too_large" } });
    expect(await one("q", file("c.zip", zipSync({ "a.txt": strToU8("{}") })))).toEqual({ error: { code: "zipEmpty", slot: 1 } });
    expect(await readUploadedLevels(new FormData())).toEqual({ error: { code: "none" } });
  });
});
