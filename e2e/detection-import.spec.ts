import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoCspViolation, signIn } from "./helpers";

/**
 * Import of a legacy detection sheet: a CCAS agent downloads the template, sends a faulty file
 * (every problem in a table by row and column, nothing stored), then a valid one (dry run → import
 * → counts); sending it again adds nothing — also without JavaScript.
 */
const HEADERS = ["Identifiant ménage", "Date", "Service détecteur", "Nature de la prestation", "Prestation", "Non réception", "Non demande",
  "Entraînée par une autre situation", "Situation à l'origine (n° de ligne)", "Actions engagées", "Temps passé (minutes)"];
const run = Date.now().toString(36).toUpperCase();
const GOOD = [
  [`E2E-${run}-1`, "05/03/2025", "EP", "financière", "RSA", "Pièces obligatoires manquantes", "", "", "", "Examen approfondi de la situation / du dossier", "30"],
  [`E2E-${run}-1`, "12/03/2025", "Écrivains publics", "financière", "CMU-C", "", "Manque de capacités", "oui", "2", "Contact direct par téléphone avec un autre service", "< ½ heure"],
  [`E2E-${run}-2`, "14/03/2025", "ASF", "non financière", "", "Lenteurs administratives", "", "", "", "", "45"],
];
const BAD = [
  GOOD[0],
  [`E2E-${run}-3`, "12/03/2025", "Mairie", "financière", "RSA", "Malchance", "", "", "", "", "2 heures"],
];

async function writeXlsx(name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Situations");
  for (const r of rows) ws.addRow(r);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "detection-import-")), name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function send(page: Page, file: string) {
  await page.getByLabel("Tableau de repérage (.xlsx)").setInputFiles(file);
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("heading", { name: "3. Vérification (essai)" })).toBeVisible();
}

test("a CCAS agent downloads the template, sees the problems of a faulty sheet, imports a valid one once", async ({ page, browser }) => {
  await signIn(page, "agent.demo@barometre.test");
  await page.goto("/staff/reperage/import");
  await expect(page.getByRole("heading", { level: 1, name: /Importer un tableau de repérage — / })).toBeVisible();
  await expectAccessible(page);
  await expectNoCspViolation(page);

  // The template: three sheets, the contract's headers, the territory's lists.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le modèle (.xlsx)" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Situations", "Listes", "Lisez-moi"]);
  expect((wb.getWorksheet("Situations")!.getRow(1).values as string[]).slice(1, 4)).toEqual(["Identifiant ménage", "Date", "Service détecteur"]);
  expect(JSON.stringify(wb.getWorksheet("Listes")!.getColumn(1).values)).toContain("Écrivains publics");

  // A faulty sheet: the problems by row and column; nothing is stored.
  await send(page, await writeXlsx("faulty.xlsx", [HEADERS, ...BAD]));
  const problems = page.getByRole("table", { name: /3 problèmes, par ligne et par colonne/ });
  await expect(problems.locator("tbody tr").nth(0)).toContainText(/Ligne 3, colonne C \(Service détecteur\)/);
  await expect(problems.locator("tbody tr").nth(0)).toContainText(/Service inconnu\s:\s«\sMairie\s»/);
  await expect(problems.locator("tbody tr").nth(1)).toContainText(/colonne F \(Non réception\)/);
  await expect(problems.locator("tbody tr").nth(2)).toContainText(/colonne K \(Temps passé \(minutes\)\)/);
  await expect(page.getByRole("button", { name: /^Importer la ligne valide/ })).toBeVisible();
  await expectAccessible(page);

  // The valid sheet: nothing from the faulty one was stored, so all three rows are new.
  const good = await writeXlsx("valide.xlsx", [HEADERS, ...GOOD]);
  await send(page, good);
  await expect(page.getByText(/3 lignes lues\s: 3 à ajouter, aucune déjà présente, aucune refusée\./)).toBeVisible();
  // With JavaScript the import streams its progress (rows written), then shows the counts.
  const [streamed] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/staff/reperage/import/importer")),
    page.getByRole("button", { name: "Importer", exact: true }).click(),
  ]);
  expect(streamed.headers()["content-type"]).toContain("application/x-ndjson");
  await expect(page.getByRole("heading", { name: "Import terminé" })).toBeVisible();
  await expect(page.getByText(/3 situations ajoutées, aucune déjà présente, aucune ligne refusée\./)).toBeVisible();
  await expectAccessible(page);
  await expectNoCspViolation(page);

  // The same file again, without JavaScript: the dry run and the import add nothing.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noJs = await context.newPage();
  await noJs.goto("/staff/reperage/import");
  await send(noJs, good);
  await expect(noJs.getByText(/3 lignes lues\s: aucune à ajouter, 3 déjà présentes, aucune refusée\./)).toBeVisible();
  await noJs.getByRole("button", { name: "Importer", exact: true }).click();
  await expect(noJs.getByText(/Aucune situation ajoutée, 3 déjà présentes, aucune ligne refusée\./)).toBeVisible();
  await context.close();
});

test("the committee cannot reach the import, and a sheet with an identity column is refused", async ({ page, browser }) => {
  const committee = await browser.newPage();
  await signIn(committee, "comite.demo@barometre.test");
  const res = await committee.goto("/staff/reperage/import");
  expect(res?.status()).toBe(404);
  await committee.close();

  await signIn(page, "admin.demo@barometre.test");
  await page.goto("/staff/reperage/import");
  await send(page, await writeXlsx("noms.xlsx", [[...HEADERS, "Nom"], [...GOOD[0], "Dupont"]]));
  await expect(page.getByRole("table")).toContainText(/Ligne 1, colonne L \(Nom\)/);
  await expect(page.getByText(/Ce fichier ne peut pas être importé/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);
  await expectAccessible(page);
});
