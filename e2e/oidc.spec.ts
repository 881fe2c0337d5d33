import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test("staff sign in through OpenID Connect; an unknown account is refused", async ({ page }) => {
  await page.goto("/connexion");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Se connecter avec ProConnect (test)" }).click();
  // The provider's own login and consent pages (oidc-provider's development interactions).
  await page.locator('input[name="login"]').fill("agent.montpellier@barometre.test");
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click(); // consent
  await page.waitForURL(/\/staff/);
  await expect(page.getByText(/Bonjour Agent CCAS \(Montpellier\)/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Demandes d'étude de droits (rappels)" })).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/connexion");
  await page.getByRole("button", { name: "Se connecter avec ProConnect (test)" }).click();
  await page.locator('input[name="login"]').fill("inconnu@ailleurs.test");
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await expect(page.locator("#sso-error")).toContainText("n'est pas autorisé");
  const res = await page.goto("/staff/rappels");
  expect(page.url()).toContain("/connexion");
  expect(res?.status()).toBe(200);
});
