import { expect, test } from "@playwright/test";
import { completeToReview, expectAccessible } from "./helpers";

// Knows the RSA without receiving it; a low-paid job (prime d'activité by situation).
const ANSWERS = {
  q__benefits__rsa__known: "yes",
  q__benefits__rsa__received: "no",
  q__benefits__rsa__asked: "no",
  q__activity: "employed",
  q__income_band: "1200_1800",
};

for (const javaScriptEnabled of [true, false]) {
  test(`the receipt suggests the matching guides, the nearest help points and the booking (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto("/t/montpellier");
    await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
    await expect(page).toHaveURL(/\/q\/about_you$/);
    await completeToReview(page, ANSWERS);
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(page.getByTestId("receipt-code")).toHaveText(/^BM-/);

    const guides = page.getByTestId("suggested-guides");
    const rsa = guides.locator('li[data-code="rsa"]');
    await expect(rsa).toContainText("vous la connaissez sans la recevoir");
    await expect(guides.locator('li[data-code="prime_activite"]')).toContainText("elle correspond à votre situation");
    // A benefit the person did not mention and their situation does not point at is not suggested.
    await expect(guides.locator('li[data-code="aspa"]')).toHaveCount(0);
    const places = page.getByTestId("nearest-places").locator("li");
    await expect(places).toHaveCount(3);
    await expect(places.first()).toContainText(/Ouvert|Fermé/);
    await expect(page.locator("main").getByRole("link", { name: "Prendre rendez-vous avec le CCAS" })).toHaveAttribute("href", "/t/montpellier/rendez-vous");
    if (javaScriptEnabled) await expectAccessible(page);

    await rsa.getByRole("link").click();
    await expect(page).toHaveURL(/\/t\/montpellier\/droits\/rsa$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("RSA");
    await context.close();
  });
}

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
