import { expect, test, type Page } from "@playwright/test";
import { zipSync } from "fflate";
import { expectAccessible, signIn } from "./helpers";

/**
 * The boundaries import page (issue 12, item 2) on the fictional territory "demo" (no other spec
 * uses it): upload one GeoJSON per level, map the properties, preview (map and tables, what will
 * change), save; errors named precisely; the same without JavaScript.
 */
const PAGE = "/staff/territoire/decoupage";
const ORIGIN: [number, number] = [4.5, 42.9];
const CELL = 0.01;

function square(x: number, y: number, w: number, h: number) {
  const [x0, y0] = [ORIGIN[0] + x * CELL, ORIGIN[1] + y * CELL];
  const [x1, y1] = [x0 + w * CELL, y0 + h * CELL];
  return { type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}
const fc = (features: { properties: Record<string, unknown>; geometry: unknown }[]) =>
  Buffer.from(JSON.stringify({ type: "FeatureCollection", features: features.map((f) => ({ type: "Feature", ...f })) }));
const LETTERS = ["A", "B", "C"];
const quartiers = () => fc(LETTERS.map((l, i) => ({ properties: { code: `FIC-Q${l}`, nom: `Quartier fictif ${l}` }, geometry: square(i * 2, 0, 2, 2) })));
/** The îlots as a "new vintage": A1 renamed, C4 replaced by a new code. */
const ilots = () => fc(LETTERS.flatMap((l, i) => [0, 1, 2, 3].map((k) => {
  let code = `FIC-Q${l}-${k + 1}`;
  let nom = `Îlot fictif ${l}${k + 1}`;
  if (code === "FIC-QA-1") nom = "Îlot fictif A1 (renommé)";
  if (code === "FIC-QC-4") { code = "FIC-QC-9"; nom = "Îlot fictif C9 (nouveau)"; }
  return { properties: { code, nom, surface: 1 }, geometry: square(i * 2 + (k % 2), Math.floor(k / 2), 1, 1) };
})));

async function upload(page: Page, files: { name: string; buffer: Buffer }[]) {
  for (const [i, f] of files.entries()) {
    await page.locator(`#niveau${i}_fichier`).setInputFiles({ name: f.name, mimeType: "application/geo+json", buffer: f.buffer });
  }
  await page.getByRole("button", { name: "Déposer les fichiers" }).click();
}

test("the territory lead imports a new vintage: mapping, preview on a map and in tables, what changed", async ({ page }) => {
  await signIn(page, "admin.demo@barometre.test");
  await page.goto("/staff/reglages");
  await page.getByRole("link", { name: /Découpage du territoire/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Découpage du territoire" })).toBeVisible();
  await expect(page.getByLabel("Identifiant du niveau").first()).toHaveValue("quartier"); // the current levels prefill the slots
  await expectAccessible(page);

  await upload(page, [{ name: "quartiers.geojson", buffer: quartiers() }, { name: "ilots-2024.geojson", buffer: ilots() }]);
  await expect(page.getByRole("heading", { name: "2. Choisir les propriétés" })).toBeVisible();
  await expect(page.getByLabel("Propriété du code").nth(1)).toHaveValue("code");
  await page.getByLabel("Propriété du nom").nth(1).selectOption("nom");
  await expect(page.getByLabel("Propriété du code parent")).toHaveValue(""); // by containment
  await expectAccessible(page);
  await page.getByRole("button", { name: "Vérifier et prévisualiser" }).click();

  await expect(page.getByRole("heading", { name: "3. Aperçu avant enregistrement" })).toBeVisible();
  const changes = page.locator("#previsions");
  await expect(changes).toContainText("1 zone ajoutée — Îlot fictif C9 (nouveau) (FIC-QC-9)");
  await expect(changes).toContainText("1 zone retirée (les réponses y restent rattachées) — Îlot fictif C4 (FIC-QC-4)");
  await expect(changes).toContainText("1 renommée — Îlot fictif A1 → Îlot fictif A1 (renommé) (FIC-QA-1)");
  const table = page.getByRole("table", { name: /Îlot\s: 12 zones/ });
  await expect(table.getByRole("row", { name: /FIC-QC-9.*Îlot fictif C9 \(nouveau\).*Quartier fictif C \(FIC-QC\)/ })).toBeVisible();
  await expect(page.getByTestId("boundary-map")).toHaveAttribute("data-ready", "1");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Enregistrer le découpage" }).click();
  await expect(page.getByRole("status")).toHaveText("Découpage enregistré.");
  await expect(page.locator("#changements")).toContainText("1 zone retirée");
  await expect(page.getByText(/Îlot\s: 12 zones/)).toBeVisible();
});

test("without JavaScript: refused files are named precisely and nothing is saved", async ({ browser }) => {
  const staff = await browser.newContext();
  await signIn(await staff.newPage(), "admin.demo@barometre.test");
  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await staff.storageState() });
  await staff.close();
  const page = await ctx.newPage();
  await page.goto(PAGE);
  const lambert = fc([{ properties: { code: "L", nom: "Lambert" }, geometry: { type: "Polygon", coordinates: [[[770000, 6279000], [771000, 6279000], [771000, 6280000], [770000, 6279000]]] } }]);
  await upload(page, [{ name: "quartiers-l93.geojson", buffer: lambert }]);
  await page.getByRole("button", { name: "Vérifier et prévisualiser" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Import refusé : rien n'a été enregistré".replace(" :", "\u00a0:"));
  await expect(summary).toContainText(/quartiers-l93\.geojson, entité n° 1\s: les coordonnées sont en Lambert-93 \(EPSG:2154\)/);
  await expect(summary).toContainText("ogr2ogr -t_srs EPSG:4326");

  const bowtie = fc([{ properties: { code: "X", nom: "Nœud" }, geometry: { type: "Polygon", coordinates: [[[4.5, 42.9], [4.52, 42.92], [4.52, 42.9], [4.5, 42.92], [4.5, 42.9]]] } }]);
  await page.goto(PAGE);
  await upload(page, [{ name: "noeud.geojson", buffer: bowtie }]);
  await page.getByRole("button", { name: "Vérifier et prévisualiser" }).click();
  await expect(summary).toContainText(/noeud\.geojson, entité n° 1 \(code X\)\s: polygone 1, anneau 1\s: le contour se recoupe/);
  await expect(page.getByRole("button", { name: "Enregistrer le découpage" })).toHaveCount(0);
  await ctx.close();
});

test("a zip of several GeoJSON files, uploaded alone, gives one level per file in name order", async ({ page }) => {
  await signIn(page, "admin.demo@barometre.test");
  await page.goto(PAGE);
  const zip = Buffer.from(zipSync({ "2-ilots.geojson": new Uint8Array(ilots()), "1-quartiers.geojson": new Uint8Array(quartiers()) }));
  await page.locator("#niveau0_fichier").setInputFiles({ name: "decoupage.zip", mimeType: "application/zip", buffer: zip });
  await page.getByRole("button", { name: "Déposer les fichiers" }).click();
  await expect(page.getByRole("group", { name: "Niveau 1 : Quartier (decoupage.zip › 1-quartiers.geojson)".replace(" :", "\u00a0:") })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Niveau 2\s: Îlot \(decoupage\.zip › 2-ilots\.geojson\)$/ })).toBeVisible();
  await page.getByRole("button", { name: "Vérifier et prévisualiser" }).click();
  await expect(page.getByRole("table", { name: /Îlot\s: 12 zones/ })).toBeVisible();
});

test("another territory's lead does not reach this territory's boundaries", async ({ page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  const res = await page.goto(`${PAGE}?t=demo`);
  expect(res?.status()).toBe(404);
});
