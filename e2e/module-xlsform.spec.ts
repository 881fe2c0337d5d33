import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { completeToReview, expectAccessible, signIn } from "./helpers";

/**
 * Module authoring from XLSForm: the Grenoble lead uploads a faulty file (faults named by sheet,
 * row and column), then a good one, previews it as a respondent (the constraint's own message),
 * publishes it; a respondent answers the published module with JavaScript off.
 */
type Sheets = { survey: string[][]; choices: string[][]; settings: string[][] };
const source = (): Sheets => JSON.parse(readFileSync(path.join("fixtures", "modules", "source", "grenoble.json"), "utf8"));

async function writeXlsx(name: string, sheets: Sheets): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "xlsform-")), name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function hydrated(page: Page) {
  await page.locator("form[data-hydrated]").first().waitFor({ timeout: 15_000 });
}

test("a territory lead uploads, previews and publishes an XLSForm module; a respondent answers it without JavaScript", async ({ page, browser }) => {
  await signIn(page, "admin.grenoble@barometre.test");
  await page.goto("/staff/reglages");
  await page.getByRole("link", { name: /Module du questionnaire/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Module du questionnaire — Grenoble/ })).toBeVisible();
  await expect(page.getByText(/Version 1\s:/)).toBeVisible();
  await expectAccessible(page);

  // A faulty file: an unknown type on row 3 and a reference to an unknown question.
  const bad = source();
  bad.survey[2][0] = "geopoint";
  bad.survey[4][7] = "${nowhere} = 'easy'";
  await page.getByLabel("Fichier XLSForm", { exact: true }).setInputFiles(await writeXlsx("faulty.xlsx", bad));
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("heading", { name: /Le fichier «\sfaulty\.xlsx\s» est refusé\s: 2 erreurs/ })).toBeVisible();
  const rows = page.locator("table tbody tr");
  await expect(rows.nth(0)).toContainText(/Feuille «\ssurvey\s», ligne 3, colonne A \(type\)/);
  await expect(rows.nth(0)).toContainText(/Type «\sgeopoint\s» inconnu/);
  await expect(rows.nth(1)).toContainText(/ligne 5, colonne H \(relevant\)/);
  await expect(rows.nth(1)).toContainText(/La question «\snowhere\s» n'existe pas/);
  await expectAccessible(page);

  // A good file: Grenoble's module with one more question.
  const good = source();
  const end = good.survey.findIndex((r, i) => i > 1 && r[0] === "end_group");
  good.survey.splice(end, 0, ["select_one online_ease", "gre_phone_ease", "Et au téléphone, joindre une administration, c'est…", "And reaching an administration by phone is…", "", "", "yes", "", "", "", "", "", ""]);
  await page.getByLabel("Fichier XLSForm", { exact: true }).setInputFiles(await writeXlsx("grenoble-v2.xlsx", good));
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("heading", { name: /Brouillon prêt/ })).toBeVisible();
  await expectAccessible(page);

  // Preview, exactly as a respondent sees it; the constraint refuses 500 hours with its own message.
  await page.getByRole("link", { name: "Prévisualiser comme un·e répondant·e" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Internet et démarches en ligne" })).toBeVisible();
  await hydrated(page);
  await expectAccessible(page);
  await page.getByLabel("Avec mon téléphone").check();
  await page.getByRole("group", { name: /Faire une démarche en ligne/ }).getByRole("radio", { name: "Facile, je le fais seul·e" }).check();
  await page.getByRole("group", { name: /Et au téléphone/ }).getByRole("radio", { name: "Possible, avec de l'aide" }).check();
  await page.getByLabel(/Combien d'heures par semaine/).fill("500");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByText("Indiquez un nombre d'heures entre 0 et 168 (une semaine).").first()).toBeVisible();
  await page.getByLabel(/Combien d'heures par semaine/).fill("6");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Les lieux d'aide près de chez vous" })).toBeVisible();
  // choice_filter: only the places of the kind chosen are offered.
  await page.getByRole("radio", { name: /Un lieu pour les démarches en ligne/ }).check();
  await expect(page.getByRole("radio", { name: "Une bibliothèque municipale" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Le CCAS" })).toHaveCount(0);
  await page.getByRole("radio", { name: "Une bibliothèque municipale" }).check();
  await page.getByRole("button", { name: /Vérifier mes réponses|Suivant/ }).click();
  await expect(page.getByText("Fin de l'aperçu. Aucune réponse n'a été enregistrée.")).toBeVisible();

  await page.getByRole("button", { name: "Publier ce module" }).click();
  await expect(page.getByText("La version 2 du module est publiée.")).toBeVisible();
  await expect(page.getByText(/Version 2\s:/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Télécharger la version 2/ }).click();
  expect((await download).suggestedFilename()).toBe("module-grenoble-v2.xlsx");

  // Another territory's module is not found for this lead (page, download, publish).
  expect((await page.goto("/staff/module?t=montpellier"))?.status()).toBe(404);
  expect((await page.request.get("/staff/module/telecharger?t=montpellier")).status()).toBe(404);
  expect((await page.request.post("/staff/module/publier?t=montpellier", { form: { confirm: "publish" }, headers: { origin: new URL(page.url()).origin } })).status()).toBe(404);

  // A respondent, JavaScript off, answers the published module (with its new question).
  const context = await browser.newContext({ javaScriptEnabled: false });
  const respondent = await context.newPage();
  await respondent.goto("/t/grenoble");
  await respondent.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await completeToReview(respondent, { q__gre_distance_km: "1,5", q__gre_hours_online: "4" });
  await expect(respondent.getByText("Et au téléphone, joindre une administration, c'est…")).toBeVisible();
  await expect(respondent.getByText("1,5", { exact: true })).toBeVisible();
  await respondent.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(respondent).toHaveURL(/\/t\/grenoble\/merci/);
  await context.close();
});

// Axe audits need scripts: these pages are audited with JavaScript in the test above.
test("without JavaScript: upload, preview with the error summary, publish an unchanged module", async ({ browser, page: staff }) => {
  await signIn(staff, "admin.montpellier@barometre.test");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await staff.context().storageState() });
  const page = await context.newPage();
  await page.goto("/staff/module");
  const sheets = JSON.parse(readFileSync(path.join("fixtures", "modules", "source", "montpellier.json"), "utf8")) as Sheets;
  await page.getByLabel("Fichier XLSForm", { exact: true }).setInputFiles(await writeXlsx("montpellier.xlsx", sheets));
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("heading", { name: /Brouillon prêt/ })).toBeVisible();
  await page.getByRole("link", { name: "Prévisualiser comme un·e répondant·e" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "L'aide près de chez vous" })).toBeVisible();
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByRole("heading", { name: /2 réponses sont à corriger/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Quels lieux d'aide connaissez-vous\s\?\s: Merci de répondre/ })).toBeVisible();
  await page.getByLabel("Aucun", { exact: true }).check();
  await page.getByLabel("Jamais").check();
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rencontrer quelqu'un pour faire le point" })).toBeVisible();
  await page.getByLabel("Par téléphone").check();
  await page.getByLabel("Le samedi").check();
  await page.getByRole("button", { name: /Vérifier mes réponses|Suivant/ }).click();
  await expect(page.getByText("Fin de l'aperçu. Aucune réponse n'a été enregistrée.")).toBeVisible();
  // The same module as the published one: publishing it publishes nothing new.
  await page.getByRole("button", { name: "Publier ce module" }).click();
  await expect(page.getByText("Ce fichier est identique à la version publiée : rien de nouveau n'a été publié.".replace(" :", "\u00a0:"))).toBeVisible();
  await expect(page.getByRole("heading", { name: /Brouillon prêt/ })).toHaveCount(0);
  await context.close();
});
