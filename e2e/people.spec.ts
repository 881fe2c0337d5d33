import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, invite, signIn, waitForInvitation } from "./helpers";

/** Issue 12, item 3: people of a territory — invite, set a password through the link, sign in without JavaScript, rules on the server. */
const run = Date.now().toString(36);
const PASSWORD = "mot-de-passe-du-comite";

async function withoutJs(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test("a territory lead invites a committee member, who sets a password and signs in without JavaScript", async ({ page, browser }) => {
  const email = `comite-${run}@exemple.fr`;
  await signIn(page, "admin.montpellier@barometre.test");
  await page.goto("/staff/reglages");
  await page.getByRole("link", { name: /Personnes/ }).click();
  await expect(page).toHaveURL(/\/staff\/personnes/);
  await expect(page.getByRole("heading", { level: 1, name: "Personnes" })).toBeVisible();
  await expectAccessible(page);
  // A lead is never offered the admin role.
  await expect(page.getByLabel("Rôle", { exact: true }).locator("option", { hasText: "administration de la plateforme" })).toHaveCount(0);

  await invite(page, `Camille Comité ${run}`, email, "comité scientifique");
  await expect(page.getByRole("status")).toHaveText("Invitation envoyée.");
  const row = page.getByRole("row", { name: new RegExp(`Camille Comité ${run}`) });
  await expect(row).toContainText("invitation envoyée");
  await expect(row).toContainText("jamais");

  // The same e-mail again: a clear message, no second account.
  await invite(page, "Quelqu’un d’autre", email, "agent du CCAS");
  await expect(page.locator("#people-error")).toContainText(/existe déjà/);
  await expect(page.getByRole("row", { name: /Quelqu’un d’autre/ })).toHaveCount(0);

  // A new link (the first one stops working): what a lead does for a lost or expired invitation.
  await page.getByRole("row", { name: new RegExp(`Camille Comité ${run}`) }).getByRole("button", { name: /Renvoyer l’invitation/ }).click();
  await expect(page.getByRole("status")).toContainText("Nouvelle invitation envoyée");
  const link = await waitForInvitation(email, 2);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choisir votre mot de passe" })).toBeVisible();
  await expectAccessible(page);

  const { context, page: nojs } = await withoutJs(browser);
  await nojs.goto(link);
  await nojs.getByLabel("Nouveau mot de passe").fill("court");
  await nojs.getByLabel("Le même mot de passe, une seconde fois").fill("court");
  await nojs.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(nojs.locator("#invitation-error")).toContainText("12 caractères");
  await nojs.getByLabel("Nouveau mot de passe").fill(PASSWORD);
  await nojs.getByLabel("Le même mot de passe, une seconde fois").fill(PASSWORD);
  await nojs.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(nojs).toHaveURL(/\/connexion\?invitation=ok/);
  await expect(nojs.getByRole("status")).toContainText("mot de passe est enregistré");

  // Sign-in without JavaScript: a wrong password first, in French, then the right one.
  await nojs.getByLabel("Adresse e-mail").fill(email);
  await nojs.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
  await nojs.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(nojs.locator("#signin-error")).toContainText("incorrect");
  await nojs.getByLabel("Adresse e-mail").fill(email);
  await nojs.getByLabel("Mot de passe").fill(PASSWORD);
  await nojs.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(nojs).toHaveURL(/\/staff$/);
  await expect(nojs.getByText(/comité scientifique/).first()).toBeVisible();

  // The link is single-use.
  await nojs.goto(link);
  await expect(nojs.getByRole("alert")).toContainText(/plus valable/);
  await context.close();

  await page.goto("/staff/personnes");
  const signedIn = page.getByRole("row", { name: new RegExp(`Camille Comité ${run}`) });
  await expect(signedIn).toContainText("actif");
  await expect(signedIn).not.toContainText("jamais");

  // Change the role, then disable: audited, effective at once.
  await signedIn.getByLabel(/Nouveau rôle/).selectOption({ label: "agent du CCAS" });
  await signedIn.getByRole("button", { name: /Changer le rôle/ }).click();
  await expect(page.getByRole("status")).toContainText("Rôle modifié");
  await page.getByRole("row", { name: new RegExp(`Camille Comité ${run}`) }).getByRole("button", { name: /Désactiver/ }).click();
  await expect(page.getByRole("row", { name: new RegExp(`Camille Comité ${run}`) })).toContainText("désactivé");
  // Nobody disables themself: no button on one's own row.
  await expect(page.getByRole("row", { name: /\(vous\)/ }).getByRole("button", { name: /Désactiver/ })).toHaveCount(0);
});

test("the last active lead of a territory cannot be disabled; another territory's account is not found", async ({ page, browser }) => {
  await signIn(page, "admin@barometre.test");
  await page.goto("/staff/personnes?t=montpellier");
  await expectAccessible(page);
  const lead = page.getByRole("row", { name: /Montpellier/ }).filter({ hasText: "admin.montpellier@barometre.test" });
  await lead.getByRole("button", { name: /Désactiver/ }).click();
  await expect(page.locator("#people-error")).toContainText(/dernière cheffe ou le dernier chef de projet/);
  await expect(page.getByRole("row").filter({ hasText: "admin.montpellier@barometre.test" })).toContainText("actif");
  // The platform admin sees the admins too, and may invite one.
  await expect(page.getByRole("row").filter({ hasText: "admin@barometre.test" })).toBeVisible();
  await expect(page.getByLabel("Rôle", { exact: true }).locator("option", { hasText: "administration de la plateforme" })).toHaveCount(1);

  await page.goto("/staff/personnes?t=grenoble");
  const action = await page.getByRole("row").filter({ hasText: "comite.grenoble@barometre.test" }).locator("form").first().getAttribute("action");
  const grenobleUser = /\/api\/personnes\/([0-9a-f-]{36})/.exec(action!)![1];

  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, "admin.montpellier@barometre.test");
  const res = await other.request.post(`/api/personnes/${grenobleUser}`, { form: { action: "disable" }, maxRedirects: 0 });
  expect(res.status()).toBe(404);
  const promote = await other.request.post("/api/personnes", { form: { name: "Pirate", email: `pirate-${run}@exemple.fr`, role: "admin" }, maxRedirects: 0 });
  expect(promote.headers().location).toContain("erreur=admin_role");
  expect((await other.request.get("/staff/personnes?t=grenoble")).status()).toBe(404);
  await context.close();
});
