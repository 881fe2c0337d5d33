import { expect, test, type Page } from "@playwright/test";
import { completeToReview, expectAccessible } from "./helpers";

// Knows the RSA without receiving it; a low-paid job (prime d'activité by situation).
const ANSWERS = {
  q__benefits__rsa__known: "yes",
  q__benefits__rsa__received: "no",
  q__benefits__rsa__asked: "no",
  q__activity: "employed",
  q__income_band: "1200_1800",
  q__benefits__prime_activite__known: "no",
};

async function finishQuestionnaire(page: Page, answers: Record<string, string>) {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await expect(page).toHaveURL(/\/q\/about_you$/);
  await completeToReview(page, answers);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page.getByTestId("receipt-code")).toHaveText(/^BM-/);
}

// Without JavaScript every grid column is on the page, so the answers are exactly these.
test("the receipt suggests the guides of the answers, the nearest help points and the booking, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await finishQuestionnaire(page, ANSWERS);

  const guides = page.getByTestId("suggested-guides");
  const rsa = guides.locator('li[data-code="rsa"]');
  await expect(rsa).toContainText("vous la connaissez sans la recevoir");
  await expect(guides.locator('li[data-code="prime_activite"]')).toContainText("elle correspond à votre situation");
  // Every other benefit was answered "received": none of them is suggested.
  await expect(guides.locator("li")).toHaveCount(3); // + the CCAS's own aid
  await expect(guides.locator('li[data-code="aide_facultative"]')).toHaveCount(1);
  const places = page.getByTestId("nearest-places").locator("li");
  await expect(places).toHaveCount(3);
  await expect(places.first()).toContainText(/Ouvert|Fermé/);
  await expect(page.locator("main").getByRole("link", { name: "Prendre rendez-vous avec le CCAS" })).toHaveAttribute("href", "/t/montpellier/rendez-vous");

  await rsa.getByRole("link").click();
  await expect(page).toHaveURL(/\/t\/montpellier\/droits\/rsa$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("RSA");
  await context.close();
});

test("the receipt's suggestions are accessible with JavaScript", async ({ page }) => {
  await finishQuestionnaire(page, {});
  await expect(page.getByTestId("suggested-guides")).toBeVisible();
  await expect(page.getByTestId("nearest-places").locator("li")).toHaveCount(3);
  await expectAccessible(page);
});

test("every respondent page has a way to a person: the help phone, a help point, the booking", async ({ page }) => {
  for (const path of ["/t/montpellier", "/t/montpellier/droits", "/t/montpellier/lieux", "/t/montpellier/reprendre"]) {
    await page.goto(path);
    const footer = page.getByTestId("footer-person");
    await expect(footer.getByRole("link", { name: "Prendre rendez-vous" })).toHaveAttribute("href", "/t/montpellier/rendez-vous");
    await expect(footer.getByRole("link", { name: "Tous les lieux d’aide" })).toHaveAttribute("href", "/t/montpellier/lieux");
    await expect(page.getByTestId("footer-place")).toContainText(/Lieu d’accueil\s:\s.+/);
  }
  await expectAccessible(page);
});
