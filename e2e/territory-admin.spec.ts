import { expect, test } from "@playwright/test";
import { completeToReview, expectAccessible, signIn } from "./helpers";

/** Issue 12, item 3: territories, their general settings and their collection sites. */
const run = Date.now().toString(36);

test("the platform admin creates a territory and sets its general settings", async ({ page }) => {
  await signIn(page, "admin@barometre.test");
  await page.goto("/staff/territoires");
  await expectAccessible(page);
  await page.getByLabel("Nom du territoire").fill(`Territoire ${run}`);
  await page.getByLabel("Identifiant dans l’adresse").fill("Pas Bon");
  await page.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(page.locator("#territory-error")).toContainText("lettres minuscules");
  await page.getByLabel("Nom du territoire").fill(`Territoire ${run}`);
  await page.getByLabel("Identifiant dans l’adresse").fill("staff");
  await page.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(page.locator("#territory-error")).toContainText("réservé");
  await page.getByLabel("Nom du territoire").fill(`Territoire ${run}`);
  await page.getByLabel("Identifiant dans l’adresse").fill(`terr-${run}`);
  await page.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/territoires/reglages\\?t=terr-${run}`));
  await expect(page.getByRole("status")).toContainText("Territoire créé");
  await expectAccessible(page);

  await page.getByLabel("Seuil de diffusion des tableaux de bord").fill("2");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.locator(".error-summary")).toContainText("entier de 3 à 100");
  await page.getByLabel("Seuil de diffusion des tableaux de bord").fill("6");
  await page.getByLabel(/Objectif de collecte/).fill("400");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.getByRole("status")).toContainText("Réglages enregistrés");
  await expect(page.getByLabel("Seuil de diffusion des tableaux de bord")).toHaveValue("6");

  // The same slug again is refused.
  await page.goto("/staff/territoires");
  await page.getByLabel("Nom du territoire").fill("Doublon");
  await page.getByLabel("Identifiant dans l’adresse").fill(`terr-${run}`);
  await page.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(page.locator("#territory-error")).toContainText("déjà cet identifiant");
});

test("a territory lead cannot reach the territories list", async ({ page }) => {
  await signIn(page, "admin.grenoble@barometre.test");
  expect((await page.goto("/staff/territoires"))?.status()).toBe(404);
  const res = await page.request.post("/api/territoires", { form: { name: "X", slug: `x-${run}` }, maxRedirects: 0 });
  expect(res.status()).toBe(404);
});

test("a territory lead adds, imports and archives sites; archived sites leave the QR sheet", async ({ page, browser }) => {
  await signIn(page, "admin.grenoble@barometre.test");
  await page.goto("/staff/sites");
  await expectAccessible(page);
  const form = page.locator("#site");
  await form.getByLabel("Code du lieu").fill(`ST-${run}`);
  await form.getByLabel("Nom", { exact: true }).fill(`Salle ${run}`);
  await form.getByLabel("Type de lieu").fill("salle municipale");
  await form.getByLabel("Longitude (WGS84)").fill("5.72");
  await form.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.locator("#site .error-summary")).toContainText("longitude et la latitude ensemble");
  await form.getByLabel("Latitude (WGS84)").fill("45.18");
  await form.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByRole("status")).toContainText("Lieu ajouté");
  await expect(page.getByRole("row", { name: new RegExp(`Salle ${run}`) })).toContainText("actif");

  // A faulty CSV: every fault by row, nothing imported.
  const csv = (body: string) => ({ name: "lieux.csv", mimeType: "text/csv", buffer: Buffer.from(body, "utf8") });
  await page.getByLabel("Fichier CSV ou GeoJSON").setInputFiles(csv(`code;nom;type;lon;lat\nIMP-${run}-1;Lieu importé ${run};marché;5.7;45.1\nIMP-${run}-2;;marché;;\nIMP-${run}-1;Doublon;marché;;\n`));
  await page.getByRole("button", { name: "Importer le fichier" }).click();
  const errors = page.locator("#import-errors");
  await expect(errors).toContainText("aucun lieu n’a été modifié");
  await expect(errors).toContainText(/Ligne 3, Nom\s: Indiquez le nom/);
  await expect(errors).toContainText(/Ligne 4, Code du lieu\s: Ce code est déjà utilisé/);
  await expect(page.getByRole("row", { name: new RegExp(`Lieu importé ${run}`) })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Fichier CSV ou GeoJSON").setInputFiles(csv(`code,nom,type,adresse,telephone,lon,lat\nIMP-${run}-1,Lieu importé ${run},marché,"Place, Grenoble",04 76 00 00 00,5.7,45.1\n`));
  await page.getByRole("button", { name: "Importer le fichier" }).click();
  await expect(page.getByRole("status")).toContainText("1 lieu(x) créé(s), 0 mis à jour");
  await page.getByLabel("Fichier CSV ou GeoJSON").setInputFiles({ name: "lieux.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify({
    type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [5.73, 45.19] }, properties: { code: `GEO-${run}`, nom: `Point ${run}`, type: "association" } }],
  })) });
  await page.getByRole("button", { name: "Importer le fichier" }).click();
  await expect(page.getByRole("status")).toContainText("1 lieu(x) créé(s)");

  // Archive: gone from the QR sheet, still listed here; restore brings it back.
  await page.getByRole("row", { name: new RegExp(`Lieu importé ${run}`) }).getByRole("button", { name: /Archiver/ }).click();
  await expect(page.getByRole("row", { name: new RegExp(`Lieu importé ${run}`) })).toContainText("archivé");
  await page.goto("/staff/liens");
  await expect(page.getByRole("heading", { name: `Salle ${run}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Lieu importé ${run}` })).toHaveCount(0);
  // An old QR code of the archived site still opens the questionnaire, without the site.
  const old = await page.request.get(`/t/grenoble?site=IMP-${run}-1`);
  expect(old.status()).toBe(200);
  expect(await old.text()).not.toContain(`Lieu importé ${run}`);

  // Editing without JavaScript.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const nojs = await context.newPage();
  await nojs.goto("/staff/sites");
  await nojs.getByRole("row", { name: new RegExp(`Salle ${run}`) }).getByRole("link", { name: /Modifier/ }).click();
  await expect(nojs.getByRole("heading", { level: 1 })).toContainText(`Salle ${run}`);
  await nojs.getByLabel("Nom", { exact: true }).fill(`Salle renommée ${run}`);
  await nojs.getByRole("button", { name: "Enregistrer le lieu" }).click();
  await expect(nojs.getByRole("status")).toContainText("Lieu modifié");
  await expect(nojs.getByRole("row", { name: new RegExp(`Salle renommée ${run}`) })).toBeVisible();
  await context.close();
});

test("a territory lead adds the territory's own benefit, orders it, archives it; the common ones cannot be archived", async ({ page, browser }) => {
  await signIn(page, "admin.grenoble@barometre.test");
  await page.goto("/staff/reglages");
  await page.getByRole("link", { name: /Catalogue des prestations/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Catalogue des prestations");
  await expectAccessible(page);
  const rsa = page.getByRole("row", { name: /RSA/ });
  await expect(rsa).toContainText("questionnaire commun (obligatoire)");
  await expect(rsa.getByRole("button", { name: /Archiver/ })).toHaveCount(0);

  await page.getByLabel("Code", { exact: true }).fill("Pas bon");
  await page.getByLabel("Libellé en français").fill("Aide");
  await page.getByRole("button", { name: "Ajouter la prestation" }).click();
  await expect(page.locator("#benefit-error")).toContainText("lettres minuscules");
  const code = `aide_${run.replace(/[^a-z0-9]/g, "")}`.slice(0, 40);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Libellé en français").fill(`Aide locale ${run}`);
  await page.getByLabel(/Libellé en anglais/).fill(`Local aid ${run}`);
  await page.getByRole("button", { name: "Ajouter la prestation" }).click();
  await expect(page.getByRole("status")).toContainText("Prestation ajoutée");
  const row = () => page.getByRole("row", { name: new RegExp(`Aide locale ${run}`) });
  await expect(row()).toContainText("propre au territoire");
  await expect(row().locator("td").first()).toHaveText("10");

  // A respondent, with and without JavaScript, is asked about it in the benefit grid, and the response is stored.
  for (const javaScriptEnabled of [true, false]) {
    const respondent = await browser.newContext({ javaScriptEnabled });
    const r = await respondent.newPage();
    await r.goto("/t/grenoble");
    await r.getByRole("button", { name: "Commencer le questionnaire" }).click();
    await completeToReview(r);
    // The review page lists the grid's answers, the territory's own benefit among them.
    await expect(r.getByRole("main")).toContainText(`Aide locale ${run}`);
    await r.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(r.getByTestId("receipt-code")).toHaveText(/^BM-/);
    await respondent.close();
  }

  // Reordering and archiving work without JavaScript too.
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const nojs = await context.newPage();
  await nojs.goto("/staff/prestations");
  await nojs.getByRole("row", { name: new RegExp(`Aide locale ${run}`) }).getByRole("button", { name: /Monter/ }).click();
  await expect(nojs.getByRole("status")).toContainText("Ordre modifié");
  await expect(nojs.getByRole("row", { name: new RegExp(`Aide locale ${run}`) }).locator("td").first()).toHaveText("9");
  await nojs.getByRole("row", { name: new RegExp(`Aide locale ${run}`) }).getByRole("button", { name: /Archiver/ }).click();
  await expect(nojs.getByRole("row", { name: new RegExp(`Aide locale ${run}`) })).toContainText("archivée");
  await context.close();

  // A forged post cannot archive a common benefit.
  const forged = await page.request.post("/api/prestations/rsa", { form: { action: "archive" }, maxRedirects: 0 });
  expect(forged.headers().location).toContain("erreur=mandatory");
});
