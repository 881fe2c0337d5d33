import { expect, test, type Page } from "@playwright/test";
import { SEEDED_GUIDES } from "../lib/guides/content";
import { expectAccessible, signIn } from "./helpers";

/**
 * Benefit guides (issue 14 item 1): the list by edition and life moment, a checklist answered
 * without JavaScript, the printable sheets (one A4 page each, counted in the PDF), the lead's
 * edit and validation, and who may not reach the editor.
 */
const BASE = "/t/montpellier/droits";

/** Pages of a PDF: each page object is "/Type /Page" (the tree's root is "/Type /Pages"). */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
const printPdf = (page: Page) => page.pdf({ format: "A4", printBackground: true });

test("the list is entered by edition and life moment, with each sheet's status", async ({ page }) => {
  await page.goto(BASE);
  const list = page.getByTestId("guide-list");
  await expect(list.locator("li")).toHaveCount(SEEDED_GUIDES.length);
  await expect(list.locator('li[data-code="rsa"]').getByTestId("guide-status")).toHaveText("À vérifier par le CCAS");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Plus de 50 ans", exact: true }).click();
  await expect(page).toHaveURL(/public=plus_de_50_ans/);
  await expect(page.getByRole("link", { name: "Plus de 50 ans", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(list.locator('li[data-code="aspa"]')).toBeVisible();
  await expect(list.locator('li[data-code="allocations_familiales"]')).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Imprimer l'édition «\u00a0Plus de 50 ans\u00a0»" })).toHaveAttribute("href", `${BASE}/imprimer?public=plus_de_50_ans`);

  await page.getByRole("link", { name: "Je vais avoir un enfant" }).click();
  await expect(page).toHaveURL(/moment=avoir_un_enfant/);
  await expect(list.locator('li[data-code="allocations_familiales"]')).toBeVisible();
  await expect(list.locator('li[data-code="aspa"]')).toHaveCount(0);
  await expectAccessible(page);

  expect((await page.goto(`${BASE}/inconnue`))?.status()).toBe(404);
  expect((await page.goto(`${BASE}/inconnue/imprimer`))?.status()).toBe(404);
});

test("a person ticks a checklist without JavaScript and gets the verdict, then a missing condition", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${BASE}/pension_invalidite`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("La Pension d'Invalidité");
  await expect(page.getByTestId("cerfa")).toContainText("11174*05");
  await expect(page.getByTestId("help-places")).toHaveAttribute("href", "/t/montpellier/lieux?aide=pension_invalidite");
  await expect(page.getByTestId("help-booking")).toHaveAttribute("href", "/t/montpellier/rendez-vous");
  await expect(page.getByTestId("verdict")).toHaveCount(0);
  const before = await context.cookies();

  for (const id of ["employed_or_jobseeker", "health_reduces_income", "insured_12_months"]) await page.locator(`input[name="${id}"][value="yes"]`).check();
  await page.getByRole("button", { name: "Voir le résultat" }).click();
  await expect(page).toHaveURL(/insured_12_months=yes/);
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "likely");
  await expect(page.getByTestId("verdict")).toContainText("Vous y avez probablement droit.");
  // The answers stay ticked, in the same form.
  await expect(page.locator('input[name="insured_12_months"][value="yes"]')).toBeChecked();

  await page.locator('input[name="insured_12_months"][value="no"]').check();
  await page.getByRole("button", { name: "Voir le résultat" }).click();
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "missing");
  await expect(page.getByTestId("missing").locator("li")).toHaveText(["Vous êtes protégé par la Sécurité sociale depuis plus de 12 mois\u00a0?"]);
  // Nothing about the person is kept: no cookie was set by answering.
  expect(await context.cookies()).toEqual(before);

  // A forged answer is not understood, and never a "likely".
  await page.goto(`${BASE}/pension_invalidite?employed_or_jobseeker=peut-etre&health_reduces_income=yes&insured_12_months=yes`);
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "incomplete");
  await context.close();
});

test("every seeded sheet prints on exactly one A4 page, and an edition prints one sheet per page", async ({ page }) => {
  test.setTimeout(180_000);
  for (const guide of SEEDED_GUIDES) {
    await page.goto(`${BASE}/${guide.code}/imprimer`);
    await expect(page.getByTestId("print-sheet")).toHaveCount(1);
    expect(pdfPages(await printPdf(page)), `${guide.code} on one A4 page`).toBe(1);
  }
  await expectAccessible(page);

  await page.goto(`${BASE}/imprimer?public=agriculteurs`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fiches droits\u00a0: édition «\u00a0Agriculteurs\u00a0»");
  const sheets = await page.getByTestId("print-sheet").count();
  expect(sheets).toBe(SEEDED_GUIDES.filter((g) => g.audiences.includes("agriculteurs")).length);
  expect(sheets).toBeGreaterThan(1);
  expect(pdfPages(await printPdf(page))).toBe(sheets);
  await expectAccessible(page);
});

test("the lead edits a sheet and validates it without JavaScript; the public page follows", async ({ browser, page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  await page.getByRole("navigation", { name: "Navigation de l’espace professionnels" }).getByRole("link", { name: "Fiches droits" }).click();
  await expect(page).toHaveURL(/\/staff\/guides$/);
  await expect(page.locator('tr[data-code="cheque_energie"]')).toContainText("fiche d'origine");
  await expectAccessible(page);

  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const lead = await ctx.newPage();
  await lead.goto("/staff/guides/cheque_energie");
  // A refused form: French message by field, values kept, nothing saved.
  await lead.getByLabel("Titre (anglais)").fill("");
  await lead.getByRole("button", { name: "Enregistrer une nouvelle version" }).click();
  await expect(lead.locator(".error-summary")).toContainText("Titre en anglais\u00a0: obligatoire.");
  await expect(lead.getByText("Aucune version enregistrée")).toBeVisible();

  await lead.getByLabel("Titre (anglais)").fill("Energy voucher");
  await lead.getByLabel("En quoi cela consiste (français)").fill("Une aide de l'État pour payer les factures d'énergie <b>du logement</b>, relue par le CCAS.");
  await lead.getByLabel("Ce qui change (pour l'historique)").fill("Relecture e2e");
  await lead.getByRole("button", { name: "Enregistrer une nouvelle version" }).click();
  await expect(lead.getByTestId("guide-msg")).toHaveText("Nouvelle version enregistrée.");
  await lead.getByRole("button", { name: "Valider la fiche" }).click();
  await expect(lead.getByTestId("guide-msg")).toHaveText("Fiche validée.");
  const history = lead.getByTestId("guide-history").locator("tbody tr");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Validé par le CCAS");
  await expect(history.nth(1)).toContainText("Relecture e2e");
  await ctx.close();

  await page.goto("/staff/guides/cheque_energie");
  await expectAccessible(page);
  await page.goto(`${BASE}/cheque_energie`);
  await expect(page.getByText("Une aide de l'État pour payer les factures d'énergie du logement, relue par le CCAS.")).toBeVisible();
  await expect(page.getByTestId("guide-status").first()).toContainText("Validé par le CCAS");
  await expectAccessible(page);
  await page.goto(BASE);
  await expect(page.getByTestId("guide-list").locator('li[data-code="cheque_energie"]').getByTestId("guide-status")).toHaveText("Validé par le CCAS");
  // Another territory still shows its own (seeded) sheet.
  await page.goto("/t/grenoble/droits/cheque_energie");
  await expect(page.getByTestId("guide-status").first()).toContainText("À vérifier par le CCAS");
});

test("the committee and the interviewer cannot reach the guide editor", async ({ page }) => {
  for (const email of ["comite.montpellier@barometre.test", "enqueteur.montpellier@barometre.test"]) {
    await signIn(page, email);
    await expect(page.getByRole("link", { name: "Fiches droits" })).toHaveCount(0);
    expect((await page.goto("/staff/guides"))?.status()).toBe(404);
    expect((await page.goto("/staff/guides/rsa"))?.status()).toBe(404);
    await page.context().clearCookies();
  }
});
