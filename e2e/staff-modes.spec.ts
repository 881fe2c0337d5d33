import { expect, test } from "@playwright/test";
import { answerVisible, completeToReview, expectAccessible, signIn } from "./helpers";

test("an interviewer's response carries their attribution", async ({ page }) => {
  await signIn(page, "enqueteur.montpellier@barometre.test");
  await expectAccessible(page);
  await expect(page.getByTestId("count-mine")).toHaveText(/aucune par vous/);
  await page.getByLabel("Lieu de collecte").selectOption({ label: "Maison pour tous Albert Camus" });
  await page.getByRole("button", { name: "Démarrer un questionnaire accompagné" }).click();
  await completeToReview(page);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page.getByTestId("receipt-code")).toBeVisible();
  await page.goto("/staff");
  await expect(page.getByTestId("count-mine")).toHaveText("dont 1 par vous");
});

test("a territory admin gets a link and a QR code per collection site", async ({ page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  await page.getByRole("link", { name: "Liens par lieu" }).click();
  await expect(page.getByRole("img", { name: /QR code du questionnaire/ })).toHaveCount(26); // territory + 25 sites
  await expectAccessible(page);
  await page.goto("/staff/antennes");
  await expect(page.getByText(/Antenne Mosson\s: Mosson/)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/staff/liens");
  const link = page.getByRole("link", { name: /site=MPT-leo-lagrange/ });
  await link.click();
  await expect(page.getByText("Lieu : Maison pour tous Léo Lagrange")).toBeVisible();
});

test("a committee account cannot run an assisted questionnaire or manage kiosks", async ({ page }) => {
  await signIn(page, "comite.montpellier@barometre.test");
  await expect(page.getByRole("button", { name: "Démarrer un questionnaire accompagné" })).toHaveCount(0);
  const res = await page.goto("/staff/kiosques");
  expect(res?.status()).toBe(404);
  const post = await page.request.post("/t/montpellier/start", { form: { mode: "assisted" } });
  expect(post.status()).toBe(403);
});

test("a territory's staff cannot reach another territory", async ({ page }) => {
  await signIn(page, "admin.grenoble@barometre.test");
  const res = await page.goto("/staff/kiosques?t=montpellier");
  expect(res?.status()).toBe(404);
  const post = await page.request.post("/t/montpellier/start", { form: { mode: "assisted" } });
  expect(post.status()).toBe(404);
});

test("sign-in locks an account after repeated failures", async ({ page }) => {
  await page.goto("/connexion");
  await expectAccessible(page);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Adresse e-mail").fill("agent.grenoble@barometre.test");
    await page.getByLabel("Mot de passe").fill(`mauvais-${i}`);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await expect(page.locator("#signin-error")).toBeVisible();
  }
  await expect(page.locator("#signin-error")).toContainText("bloqué");
  await page.getByLabel("Mot de passe").fill("demo-barometre-2026");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.locator("#signin-error")).toContainText("bloqué");
  await expect(page).toHaveURL(/\/connexion/);
});

test("a kiosk session is wiped and Back shows nothing of the previous person", async ({ page }) => {
  // The idle wipe comes 20 s after its warning (WCAG 2.2.1): 15 s + 20 s of waiting below.
  test.setTimeout(150_000);
  await signIn(page, "admin.montpellier@barometre.test");
  await page.goto("/staff/kiosques");
  await expectAccessible(page);
  await page.getByLabel("Nom de la borne").fill("Tablette accueil");
  await page.getByLabel("Lieu de collecte").selectOption({ label: "Maison pour tous Léo Lagrange" });
  await page.getByLabel("Effacement après inactivité (secondes)").fill("15");
  await page.getByRole("button", { name: "Enregistrer cet appareil comme borne" }).click();
  await expect(page.getByText("Borne en libre-service")).toBeVisible();
  // The staff session does not stay open on the kiosk.
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/connexion/);

  // Person 1 answers, submits, sees the receipt, and the kiosk is wiped.
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await expect(page.getByRole("button", { name: "Enregistrer et reprendre plus tard" })).toHaveCount(0);
  await expectAccessible(page);
  await completeToReview(page, { q__sex: "femme" });
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  const receipt = await page.getByTestId("receipt-code").textContent();
  await expectAccessible(page);
  await page.getByRole("button", { name: "J’ai noté mon numéro, effacer l’écran" }).click();
  await expect(page.getByRole("button", { name: "Commencer le questionnaire" })).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await page.goBack();
    await page.waitForLoadState("load");
    await expect(page.locator("body")).not.toContainText(receipt!);
    await expect(page.locator("input:checked")).toHaveCount(0);
  }

  // Person 2 starts, then walks away: after the idle delay the session is erased.
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await answerVisible(page, { q__sex: "homme" });
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/q\/neighbourhood$/);
  await expect(page.getByRole("alertdialog", { name: "Êtes-vous toujours là ?" })).toBeVisible({ timeout: 25_000 });
  await expect(page.getByRole("button", { name: "Commencer le questionnaire" })).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await page.waitForLoadState("load");
  await expect(page.locator("input:checked")).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/q\//);
});

test("without JavaScript, a kiosk still erases an idle session", async ({ browser }) => {
  const staff = await browser.newContext();
  const page = await staff.newPage();
  await signIn(page, "admin.montpellier@barometre.test");
  await page.goto("/staff/kiosques");
  await page.getByLabel("Nom de la borne").fill("Tablette sans JavaScript");
  await page.getByLabel("Lieu de collecte").selectOption({ label: "Maison pour tous Voltaire" });
  await page.getByLabel("Effacement après inactivité (secondes)").fill("15");
  await page.getByRole("button", { name: "Enregistrer cet appareil comme borne" }).click();
  await expect(page.getByText("Borne en libre-service")).toBeVisible();
  const kiosk = await browser.newContext({ javaScriptEnabled: false, storageState: await staff.storageState() });
  await staff.close();
  const tablet = await kiosk.newPage();
  await tablet.goto("/t/montpellier");
  await tablet.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await tablet.locator('[name="q__sex"][value="autre"]').check();
  await expect(tablet).toHaveURL(/\/q\/about_you$/);
  // The <noscript> refresh sends the tablet to the end of session, which erases it.
  await expect(tablet.getByRole("button", { name: "Commencer le questionnaire" })).toBeVisible({ timeout: 25_000 });
  await tablet.goBack();
  await expect(tablet.locator("input:checked")).toHaveCount(0);
  await kiosk.close();
});
