import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { completeToReview, expectAccessible, invite, signIn, waitForInvitation } from "./helpers";

/**
 * Issue 12 end to end: a territory brought aboard with no developer. The platform admin creates
 * it, uploads its boundaries, adds a site and invites a committee member and a territory lead;
 * the lead uploads an XLSForm module, previews and publishes it; respondents answer it with and
 * without JavaScript; the committee maps a question of that module.
 */
const run = Date.now().toString(36);
const slug = `onb-${run}`;
const PASSWORD = "un-mot-de-passe-solide";

// Two quartiers side by side, each cut in two îlots, far from the demo territories.
const ORIGIN: [number, number] = [2.30, 46.50];
const square = (x: number, y: number, w: number, h: number) => {
  const [x0, y0] = [ORIGIN[0] + x * 0.01, ORIGIN[1] + y * 0.01];
  return { type: "Polygon", coordinates: [[[x0, y0], [x0 + w * 0.01, y0], [x0 + w * 0.01, y0 + h * 0.01], [x0, y0 + h * 0.01], [x0, y0]]] };
};
const collection = (features: { properties: Record<string, string>; geometry: unknown }[]) =>
  Buffer.from(JSON.stringify({ type: "FeatureCollection", features: features.map((f) => ({ type: "Feature", ...f })) }));
const quartiers = collection([
  { properties: { code: "N", nom: "Quartier Nord" }, geometry: square(0, 0, 2, 2) },
  { properties: { code: "S", nom: "Quartier Sud" }, geometry: square(2, 0, 2, 2) },
]);
const ilots = collection([
  { properties: { code: "N1", nom: "Îlot Nord 1", parent: "N" }, geometry: square(0, 0, 1, 2) },
  { properties: { code: "N2", nom: "Îlot Nord 2", parent: "N" }, geometry: square(1, 0, 1, 2) },
  { properties: { code: "S1", nom: "Îlot Sud 1", parent: "S" }, geometry: square(2, 0, 1, 2) },
  { properties: { code: "S2", nom: "Îlot Sud 2", parent: "S" }, geometry: square(3, 0, 1, 2) },
]);

/** The invited person opens the link from the e-mail, chooses a password, then signs in. */
async function acceptInvitation(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(await waitForInvitation(email));
  await page.getByLabel("Nouveau mot de passe").fill(PASSWORD);
  await page.getByLabel("Le même mot de passe, une seconde fois").fill(PASSWORD);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page).toHaveURL(/\/connexion\?invitation=ok/);
  await signIn(page, email, PASSWORD);
  return page;
}

async function moduleFile(): Promise<string> {
  type Sheets = Record<"survey" | "choices" | "settings", string[][]>;
  const sheets = JSON.parse(readFileSync(path.join("fixtures", "modules", "source", "grenoble.json"), "utf8")) as Sheets;
  sheets.settings[1][0] = `Module de ${slug}`;
  sheets.settings[1][2] = "onboarding";
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "onboarding-")), "module.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function answerAndSend(page: Page) {
  await page.goto(`/t/${slug}`);
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await completeToReview(page, { q__gre_distance_km: "2", q__gre_hours_online: "3" });
  await expect(page.getByText("Comment accédez-vous à internet ?").first()).toBeVisible();
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}/merci`));
}

test("a territory comes aboard without a developer: boundaries, site, people, module, answers, committee map", async ({ page, browser }) => {
  test.setTimeout(600_000);
  // 1. The platform admin creates the territory.
  await signIn(page, "admin@barometre.test");
  await page.goto("/staff/territoires");
  await page.getByLabel("Nom du territoire").fill(`Territoire ${run}`);
  await page.getByLabel("Identifiant dans l’adresse").fill(slug);
  await page.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/territoires/reglages\\?t=${slug}`));

  // 2. Its boundaries: two levels, parents by property for the fine one.
  await page.goto(`/staff/territoire/decoupage?t=${slug}`);
  await page.locator("#niveau0_cle").fill("quartier");
  await page.locator("#niveau0_nom").fill("Quartier");
  await page.locator("#niveau0_fichier").setInputFiles({ name: "quartiers.geojson", mimeType: "application/geo+json", buffer: quartiers });
  await page.locator("#niveau1_cle").fill("ilot");
  await page.locator("#niveau1_nom").fill("Îlot");
  await page.locator("#niveau1_fichier").setInputFiles({ name: "ilots.geojson", mimeType: "application/geo+json", buffer: ilots });
  await page.getByRole("button", { name: "Déposer les fichiers" }).click();
  await page.getByLabel("Propriété du nom").nth(0).selectOption("nom");
  await page.getByLabel("Propriété du nom").nth(1).selectOption("nom");
  await page.getByLabel("Propriété du code parent").selectOption("parent");
  await page.getByRole("button", { name: "Vérifier et prévisualiser" }).click();
  await expect(page.getByRole("table", { name: /Îlot\s: 4 zones/ }).getByRole("row", { name: /S2.*Îlot Sud 2.*Quartier Sud/ })).toBeVisible();
  await expect(page.getByTestId("boundary-map")).toHaveAttribute("data-ready", "1");
  await page.getByRole("button", { name: "Enregistrer le découpage" }).click();
  await expect(page.getByRole("status")).toHaveText("Découpage enregistré.");

  // 3. A collection site.
  await page.goto(`/staff/sites?t=${slug}`);
  const site = page.locator("#site");
  await site.getByLabel("Code du lieu").fill("MPT-NORD");
  await site.getByLabel("Nom", { exact: true }).fill("Maison pour Tous du Nord");
  await site.getByLabel("Type de lieu").fill("maison_pour_tous");
  await site.getByLabel("Longitude (WGS84)").fill("2.305");
  await site.getByLabel("Latitude (WGS84)").fill("46.505");
  await site.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByRole("status")).toContainText("Lieu ajouté");

  // 4. People: a committee member and a territory lead.
  await page.goto(`/staff/personnes?t=${slug}`);
  const lead = `cheffe-${run}@exemple.fr`;
  const committee = `comite-${run}@exemple.fr`;
  for (const [name, email, role] of [[`Cheffe ${run}`, lead, "cheffe ou chef de projet du territoire"], [`Comité ${run}`, committee, "comité scientifique"]]) {
    await invite(page, name, email, role);
    await expect(page.getByRole("status")).toHaveText("Invitation envoyée.");
  }

  // 5. The lead uploads the module, previews it as a respondent, publishes it.
  const leadPage = await acceptInvitation(browser, lead);
  await leadPage.goto("/staff/module");
  await expect(leadPage.getByRole("heading", { level: 1, name: new RegExp(`Module du questionnaire — Territoire ${run}`) })).toBeVisible();
  await leadPage.getByLabel("Fichier XLSForm", { exact: true }).setInputFiles(await moduleFile());
  await leadPage.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(leadPage.getByRole("heading", { name: /Brouillon prêt/ })).toBeVisible();
  await leadPage.getByRole("link", { name: "Prévisualiser comme un·e répondant·e" }).click();
  await expect(leadPage.getByRole("heading", { level: 1, name: "Internet et démarches en ligne" })).toBeVisible();
  await expectAccessible(leadPage);
  await leadPage.goto("/staff/module");
  await leadPage.getByRole("button", { name: "Publier ce module" }).click();
  await expect(leadPage.getByText("La version 1 du module est publiée.")).toBeVisible();

  // 6. Respondents answer it, with and without JavaScript.
  const withJs = await (await browser.newContext()).newPage();
  await answerAndSend(withJs);
  const noJsContext = await browser.newContext({ javaScriptEnabled: false });
  await answerAndSend(await noJsContext.newPage());
  await noJsContext.close();

  // 7. The committee maps a question of the module.
  const committeePage = await acceptInvitation(browser, committee);
  await committeePage.goto("/staff/tableau-de-bord");
  const map = committeePage.getByTestId("dashboard-map");
  await expect(map).toHaveAttribute("data-ready", "1", { timeout: 30_000 });
  const picker = committeePage.getByLabel("Indicateur", { exact: true });
  const moduleGroup = picker.locator("optgroup", { hasText: "Comment accédez-vous à internet" }).first();
  const option = moduleGroup.locator("option", { hasText: "Comment accédez-vous à internet" }).first();
  const value = (await option.getAttribute("value"))!;
  expect(value).toMatch(/^q\.gre_internet_access\./);
  await picker.selectOption(value);
  await expect(committeePage).toHaveURL(new RegExp(`indicator=${value.replace(/\./g, "\\.")}`));
  await expect(map).toHaveAttribute("data-ready", "1");
  // Two respondents only: every area is below the threshold, so no figure is shown for them.
  await expect(committeePage.getByTestId("indicator-table").locator("caption")).toContainText("Comment accédez-vous à internet");
  await expectAccessible(committeePage);
});
