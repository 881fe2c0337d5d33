import { expect, test, type Page } from "@playwright/test";
import { answerVisible, completeToReview, expectAccessible, untilHydrated } from "./helpers";

/**
 * Forms that tell the truth, where the person is looking (issue 11): refusals are visible and
 * focused, every message names the right problem, "Modifier" returns to the review.
 */

async function startQuestionnaire(page: Page) {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await page.waitForURL(/\/q\//);
}

/** Goes forward section by section until one holds the given field. */
async function untilField(page: Page, name: string) {
  for (let step = 0; step < 20; step++) {
    await untilHydrated(page);
    if (await page.locator(`[name="${name}"]`).count()) return;
    await answerVisible(page);
    await page.getByRole("button", { name: /^(Suivant|Vérifier mes réponses)$/ }).click();
    await page.waitForLoadState("load");
  }
  throw new Error(`No field ${name}`);
}

test("a refused section names the question and the real bounds of a year (no JavaScript)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await startQuestionnaire(page);
  await untilField(page, "q__birth_year");
  await answerVisible(page, { q__birth_year: "54" });
  await page.getByRole("button", { name: "Suivant" }).click();
  const max = new Date().getUTCFullYear() - 15;
  await expect(page.locator("#erreurs")).toContainText(`Votre année de naissance : Indiquez un nombre entre 1910 et ${max}.`);
  await expect(page.locator("#erreurs")).not.toContainText("et 0.");
  // (Audited in the next test: the audit needs scripts.)
  await context.close();
});

test("the same refusal with JavaScript: the summary gets focus, the year message has both bounds", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await startQuestionnaire(page);
  await untilField(page, "q__birth_year");
  // Required questions say so to assistive technologies (optional ones are marked "facultatif").
  await expect(page.locator('input[name="q__birth_year"]')).toHaveAttribute("aria-required", "true");
  await answerVisible(page, { q__birth_year: "54" });
  await page.getByRole("button", { name: "Suivant" }).click();
  const max = new Date().getUTCFullYear() - 15;
  await expect(page.getByText(`Indiquez un nombre entre 1910 et ${max}.`).first()).toBeVisible();
  await expectAccessible(page);
});

test("« Modifier » from the review comes back to the review", async ({ page }) => {
  await startQuestionnaire(page);
  await completeToReview(page);
  await page.getByRole("link", { name: /^Modifier/ }).first().click();
  await page.waitForURL(/\/q\/.*retour=verifier/);
  await untilHydrated(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enregistrer et revenir à la vérification" }).click();
  await page.waitForURL(/\/verifier$/);
  await expect(page.getByRole("button", { name: "Envoyer mes réponses" })).toBeVisible();
});

test("a refused rights-review opt-in on a 360 px phone brings the summary into view, with focus", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await startQuestionnaire(page);
  await completeToReview(page);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await page.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await expect(page.getByText(/CCAS \(centre communal d'action sociale/).first()).toBeVisible();
  // Required fields are marked, visibly and for assistive technologies.
  await expect(page.getByLabel(/Votre prénom/)).toHaveAttribute("required", "");
  await expect(page.locator('label[for="firstName"]')).toContainText("obligatoire");
  // Nothing filled in but the name: the button is far below the summary.
  await page.getByLabel(/Votre prénom/).fill("Odette");
  const submit = page.getByRole("button", { name: "Envoyer ma demande" });
  await submit.scrollIntoViewIfNeeded();
  await submit.click();
  const summary = page.locator("#erreurs");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  // Each link names its question; no phone and no e-mail says so plainly, not a channel puzzle.
  await expect(summary).toContainText("Votre accord : Cochez la case pour donner votre accord.");
  await expect(summary).toContainText("Téléphone : Indiquez un numéro de téléphone ou une adresse e-mail.");
  await expect(summary).not.toContainText("correspond aux coordonnées");
  await expectAccessible(page);
});

test("the booking contact step names an empty name and a bad e-mail, and focuses the summary", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/t/montpellier/rendez-vous");
  await page.goto((await page.getByRole("link", { name: /Aide aux démarches en ligne/ }).first().getAttribute("href"))!);
  await page.goto((await page.locator(".choice-list a").first().getAttribute("href"))!);
  const next = page.getByRole("link", { name: /^Prochaine disponibilité/ });
  if (await next.count()) await page.goto((await next.first().getAttribute("href"))!);
  await page.goto((await page.locator("a.slot").first().getAttribute("href"))!);
  await expect(page.locator('label[for="name"]')).toContainText("obligatoire");
  await page.getByRole("textbox", { name: "E-mail" }).fill("quelqu.un@");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  const summary = page.locator("#erreurs");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary).toContainText("Nom et prénom : Indiquez votre nom");
  await expect(summary).toContainText("Adresse e-mail : Cette adresse e-mail n'est pas valable.");
  await expect(summary).not.toContainText("Le formulaire n'a pas pu être lu");
  await expectAccessible(page);
});

test("booking content and distances follow the page's language", async ({ page }) => {
  await page.goto("/t/montpellier/rendez-vous");
  // French first: the CCAS is explained, distances have a decimal comma.
  await expect(page.getByText("Le CCAS (centre communal d'action sociale) est le service social de la mairie.")).toBeVisible();
  await page.goto((await page.getByRole("link", { name: /Étude de droits/ }).first().getAttribute("href"))!);
  await page.getByLabel(/Votre quartier/).selectOption({ label: "Mosson" });
  await page.getByRole("button", { name: "Trier les lieux" }).click();
  await expect(page).toHaveURL(/quartier=/);
  await expect(page.locator(".choice-list a").first()).toContainText(/\d,\d\skm/);
  // Then in English: the motive's English name and "what to bring".
  await page.getByRole("button", { name: "English" }).click();
  await page.goto("/t/montpellier/rendez-vous");
  await expect(page.getByRole("link", { name: /Help with online procedures/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Aide aux démarches en ligne/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Français" }).click();
});
