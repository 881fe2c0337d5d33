import { expect, test, type Page } from "@playwright/test";
import { completeToReview, expectAccessible } from "./helpers";

async function submitQuestionnaire(page: Page) {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await completeToReview(page);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  return (await page.getByTestId("receipt-code").textContent())!;
}

test("a respondent opts in for a rights review, then withdraws with the receipt code", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const receipt = await submitQuestionnaire(page);
  await page.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await expectAccessible(page);
  await expect(page.getByLabel(/J'accepte d'être contacté/)).not.toBeChecked();

  // Bad input: messages in the form, nothing stored, values kept.
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.locator("#err-consent")).toHaveText("Cochez la case pour donner votre accord.");
  await expect(page.locator("#err-firstName")).toBeVisible();
  await page.getByLabel(/J'accepte d'être contacté/).check();
  await page.getByLabel("Votre prénom").fill("Aïcha");
  await page.getByLabel("Téléphone").fill("12");
  await page.getByRole("radio", { name: "Appel téléphonique" }).check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.locator("#err-phone")).toHaveText("Ce numéro de téléphone n'est pas valide.");
  await expect(page.getByLabel("Votre prénom")).toHaveValue("Aïcha");
  await expectAccessible(page);

  await page.getByLabel("Téléphone").fill("06 12 34 56 78");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  await page.getByRole("link", { name: "Ma demande : voir ou retirer" }).click();
  // The code is typed each time, even right after the opt-in (shared computers).
  await page.getByLabel("Votre numéro de reçu").fill(receipt);
  await page.getByRole("button", { name: "Voir ma demande" }).click();
  await expect(page.getByText(/Une demande de contact est enregistrée depuis le/)).toBeVisible();
  await context.close();

  // Another device, with the receipt code only.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto("/t/montpellier/ma-demande");
  await expectAccessible(p2);
  await p2.getByLabel("Votre numéro de reçu").fill("BM-NOTACODE");
  await p2.getByRole("button", { name: "Voir ma demande" }).click();
  await expect(p2.locator("#receipt-error")).toBeVisible();
  await p2.getByLabel("Votre numéro de reçu").fill(receipt.toLowerCase());
  await p2.getByRole("button", { name: "Voir ma demande" }).click();
  await expect(p2.getByText(/Une demande de contact est enregistrée/)).toBeVisible();
  // Withdrawing erases the contact data: it asks for a confirmation first, without JavaScript too.
  const unconfirmed = await p2.request.post("/t/montpellier/ma-demande/retirer", { form: {}, maxRedirects: 0 });
  expect(unconfirmed.headers()["location"]).toContain("confirmer=1");
  await p2.goto("/t/montpellier/ma-demande?confirmer=1");
  await expect(p2.locator("#withdraw-error")).toContainText("Cochez la case pour confirmer le retrait");
  await expectAccessible(p2);
  await p2.getByRole("button", { name: "Retirer ma demande et effacer mes coordonnées" }).click();
  await expect(p2).toHaveURL(/confirmer=1/); // the required box stops the post
  await p2.getByLabel(/ma demande est retirée et mes coordonnées sont effacées/).check();
  await p2.getByRole("button", { name: "Retirer ma demande et effacer mes coordonnées" }).click();
  await expect(p2.getByText("C'est fait : votre demande est retirée et vos coordonnées sont effacées.")).toBeVisible();
  await p2.goto("/t/montpellier/ma-demande");
  await expect(p2.getByText(/Cette demande a été retirée le/)).toBeVisible();
  await other.close();
});

test("the opt-in works with JavaScript disabled, and a second opt-in stores nothing more", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await submitQuestionnaire(page);
  await page.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await page.getByLabel("Votre prénom").fill("Jean");
  await page.getByRole("textbox", { name: "E-mail" }).fill("jean@example.org");
  await page.getByRole("radio", { name: "E-mail" }).check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.locator("#err-consent")).toBeVisible();
  await expect(page.getByLabel("Votre prénom")).toHaveValue("Jean");
  await page.getByLabel(/J'accepte d'être contacté/).check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  // Back to the form and post again: the page says the request exists; nothing is duplicated.
  await page.goto("/t/montpellier/etude-de-droits");
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  await context.close();
});

test("a CCAS agent finds the request, claims it and logs calls; other roles and territories cannot", async ({ browser }) => {
  const respondent = await browser.newContext();
  const r = await respondent.newPage();
  await submitQuestionnaire(r);
  await r.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await r.getByLabel(/J'accepte d'être contacté/).check();
  await r.getByLabel("Votre prénom").fill("Samira");
  await r.getByLabel("Téléphone").fill("0612345678");
  await r.getByRole("radio", { name: "Appel téléphonique" }).check();
  await r.getByLabel("Dans quelle langue ?").selectOption("ar");
  await r.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(r.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  await respondent.close();

  const agentContext = await browser.newContext();
  const page = await agentContext.newPage();
  const { signIn } = await import("./helpers");
  await signIn(page, "agent.montpellier@barometre.test");
  await page.getByRole("link", { name: "Demandes d'étude de droits (rappels)" }).click();
  await expectAccessible(page);
  const openedBefore = Number(/→ (\d+) droits ouverts/.exec((await page.getByTestId("funnel").textContent())!)![1]);
  await page.locator("summary", { hasText: "Filtrer" }).click();
  await page.getByRole("combobox", { name: "Langue" }).selectOption("ar");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/language=ar/);
  await expect(page.locator("tbody tr").last()).toContainText("CCAS — siège (Port Marianne)");
  await page.getByRole("link", { name: "Samira", exact: true }).last().click();
  await expect(page.getByText("Samira")).toBeVisible();
  await expect(page.getByRole("link", { name: "06 12 34 56 78" })).toBeVisible();
  // The consent text (v2) announced it: the agent sees the household's income band.
  await expect(page.getByText("Les revenus de votre foyer, par mois")).toBeVisible();
  await expectAccessible(page);
  const requestUrl = page.url();

  await page.getByRole("button", { name: "Prendre cette demande" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Attribuée");
  await page.getByRole("radio", { name: "Pas de réponse" }).check();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.getByText(/Pas de réponse \(Agent CCAS/)).toBeVisible();
  await page.getByRole("radio", { name: "À rappeler" }).check();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.locator("p.error[role=alert]")).toContainText("date de rappel obligatoire");
  await page.getByRole("radio", { name: "Personne jointe" }).check();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Personne jointe");

  // The review: one right opened, then closure. A bad amount says so (not the call-back message).
  await page.getByLabel("Prestation").selectOption({ label: "RSA" });
  await page.getByLabel("Résultat de l'étude").selectOption("right_opened");
  await page.getByLabel("Droit ouvert le").fill("2026-11-20");
  await page.getByLabel("Montant mensuel (€)").fill("six cents");
  await page.getByLabel("Orientation vers").selectOption("caf");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.locator("p.error[role=alert]")).toContainText("Montant mensuel invalide");
  await expect(page.locator("p.error[role=alert]")).not.toContainText("rappel");
  await page.getByLabel("Prestation").selectOption({ label: "RSA" });
  await page.getByLabel("Résultat de l'étude").selectOption("right_opened");
  await page.getByLabel("Droit ouvert le").fill("2026-11-20");
  await page.getByLabel("Montant mensuel (€)").fill("607,75");
  await page.getByLabel("Orientation vers").selectOption("caf");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByTestId("outcomes")).toContainText("RSA : Droit ouvert — Droit ouvert le 2026-11-20 — 607.75 €/mois — CAF");
  await expectAccessible(page);
  // Closing asks for a confirmation: the box is required, and the server checks it too.
  const closeUrl = `${requestUrl.replace("/staff/rappels/", "/api/rappels/").split("?")[0]}/cloturer`;
  const unconfirmed = await page.request.post(closeUrl, { form: {}, maxRedirects: 0 });
  expect(unconfirmed.headers()["location"]).toContain("msg=confirmClose");
  await page.getByRole("button", { name: "Clore l'étude" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Personne jointe");
  await page.getByLabel(/Je confirme que l'étude est terminée/).check();
  await page.getByRole("button", { name: "Clore l'étude" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Close (étude faite)");
  await expect(page.getByRole("button", { name: "Enregistrer l'appel" })).toHaveCount(0);
  await page.getByRole("link", { name: /Retour à la liste/ }).click();
  await expect(page.getByTestId("funnel")).toContainText(`→ ${openedBefore + 1} droits ouverts`);
  // A changed closed request is refused with a message.
  const late = await page.request.post(`${requestUrl.replace("/staff/rappels/", "/api/rappels/")}/appel`, { form: { outcome: "reached" }, maxRedirects: 0 });
  expect(late.headers()["location"]).toContain("msg=closed");

  const csv = await page.request.get("/api/rappels/export?language=ar&status=closed_reviewed");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(requestUrl.split("/").pop()!.split("?")[0]);
  expect(text).not.toContain("Samira");
  expect(text).not.toContain("612345678");
  await agentContext.close();

  for (const [email, status] of [["comite.montpellier@barometre.test", 404], ["enqueteur.montpellier@barometre.test", 404], ["agent.grenoble@barometre.test", 404]] as const) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await signIn(p, email);
    const res = await p.goto(requestUrl);
    expect(res?.status(), email).toBe(status);
    expect(await p.content()).not.toContain("Samira");
    const post = await p.request.post(`${requestUrl.replace("/staff/rappels/", "/api/rappels/")}/prendre`, { form: {}, maxRedirects: 0 });
    expect([403, 404], email).toContain(post.status());
    await ctx.close();
  }
});
