import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

// Issue 14 item 5: an outreach action is proposed by a partner, validated by the territory lead,
// reported; consents taken at the stand (tablet, and a paper form typed in without JavaScript)
// reach the CCAS queue flagged with the action; the committee reads the bilan and no contact.
const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
const nav = (page: Page) => page.getByRole("navigation", { name: "Navigation de l’espace professionnels" });

test.describe.serial("outreach actions", () => {
  let actionUrl = "";

  test("a partner proposes a stand, the lead validates it", async ({ page, browser }) => {
    test.setTimeout(180_000);
    await signIn(page, "partenaire.montpellier@barometre.test");
    await nav(page).getByRole("link", { name: "Aller-vers" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Actions d'aller-vers");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Proposer une action" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposer une action");
    await expectAccessible(page);

    // Refused first: no place at all, an end before the start.
    await page.getByLabel("Heure de début (facultatif)").fill("10:00");
    await page.getByLabel("Heure de fin (facultatif)").fill("09:00");
    await page.getByRole("button", { name: "Proposer l'action" }).click();
    await expect(page.locator("#erreurs")).toContainText("Choisissez un lieu de collecte ou nommez le lieu.");
    await expect(page.locator("#erreurs")).toContainText("L'heure de fin doit suivre l'heure de début.");
    await expectAccessible(page);

    await page.getByLabel("Date de l'action").fill(parisToday());
    await page.getByLabel("Heure de fin (facultatif)").fill("12:30");
    await page.getByLabel("Type d'action").selectOption({ label: "Stand" });
    await page.getByLabel("Type de lieu").selectOption({ label: "Marché" });
    await page.getByLabel("Lieu de collecte du territoire").selectOption({ index: 1 });
    await page.getByLabel("Public visé").selectOption({ label: "Seniors" });
    await page.getByLabel("Équipe").fill("CCAS et deux bénévoles du Secours populaire");
    await page.getByRole("button", { name: "Proposer l'action" }).click();
    await page.waitForURL(/\/staff\/aller-vers\/[0-9a-f-]{36}/);
    actionUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId("outreach-message")).toContainText("Action proposée");
    await expect(page.getByTestId("outreach-status")).toHaveText("Proposée");
    await expect(page.getByText("En attente de validation")).toBeVisible();
    await expectAccessible(page);

    const lead = await (await browser.newContext()).newPage();
    await signIn(lead, "admin.montpellier@barometre.test");
    await lead.goto("/staff/aller-vers");
    await expect(lead.getByTestId("outreach-table")).toContainText("Stand");
    await lead.goto(actionUrl);
    await lead.getByRole("radio", { name: "Valider" }).check();
    await expectAccessible(lead);
    await lead.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(lead.getByTestId("outreach-message")).toHaveText("Action validée.");
    await expect(lead.getByTestId("outreach-status")).toHaveText("Validée");
    // The lead, who may count responses, sees those recorded at the site that day beside the report.
    await expect(lead.getByText("Enregistrés dans le portail sur ce lieu ce jour-là")).toBeVisible();
    await lead.context().close();
  });

  test("the partner reports and takes a consent on the tablet: the form comes back empty", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "partenaire.montpellier@barometre.test");
    await page.goto(actionUrl);
    // A partner may not count responses: no exact count of a site's day.
    await expect(page.getByTestId("report-form")).toBeVisible();
    await expect(page.getByText("Enregistrés dans le portail sur ce lieu ce jour-là")).toHaveCount(0);
    await page.getByLabel("Personnes rencontrées").fill("25");
    await page.getByLabel("Dont personnes en non-recours potentiel").fill("30");
    await page.getByLabel("Orientations (vers le CCAS, un partenaire…)").fill("4");
    await page.getByLabel("Questionnaires recueillis (déclarés)").fill("6");
    await page.getByRole("button", { name: "Enregistrer le bilan" }).click();
    await expect(page.locator("#erreurs")).toContainText("ne peuvent pas dépasser les personnes rencontrées");
    await expectAccessible(page);
    await page.getByLabel("Dont personnes en non-recours potentiel").fill("9");
    await page.getByLabel("RSA", { exact: true }).fill("7");
    await page.getByLabel("Enseignements").fill("Beaucoup de retraités seuls ; revenir un samedi.");
    await page.getByRole("button", { name: "Enregistrer le bilan" }).click();
    await expect(page.getByTestId("outreach-message")).toHaveText("Bilan enregistré.");
    await expect(page.getByTestId("report-summary")).toContainText("25 personnes rencontrées, 9 en non-recours potentiel");
    await expect(page.getByTestId("report-summary")).toContainText("RSA\u00a0: 7");
    await expect(page.getByTestId("outreach-status")).toHaveText("Bilan fait");

    await page.getByRole("link", { name: "Recueillir un consentement à être rappelé·e" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consentement à être rappelé·e par le CCAS");
    await expect(page.getByText("L'équipe de ce stand ne peut pas relire vos coordonnées.")).toBeVisible();
    await expectAccessible(page);
    // Without the box: refused, nothing stored.
    await page.getByLabel("Votre prénom").fill("Ghislaine");
    await page.getByLabel("Téléphone").fill("06 45 67 89 01");
    await page.getByRole("radio", { name: "Appel téléphonique" }).check();
    await page.getByRole("radio", { name: "Non", exact: true }).check();
    await page.getByRole("button", { name: "Envoyer au CCAS" }).click();
    await expect(page.locator("#erreurs")).toContainText("Cochez la case pour donner votre accord.");
    await expectAccessible(page);
    await page.getByRole("checkbox", { name: /J'accepte d'être contacté·e/ }).check();
    await page.getByRole("button", { name: "Envoyer au CCAS" }).click();
    await expect(page.getByTestId("consent-saved")).toContainText("Le formulaire est vide pour la personne suivante");
    await expect(page.getByLabel("Votre prénom")).toHaveValue("");
    await expect(page.getByLabel("Téléphone")).toHaveValue("");
    await expect(page.getByRole("checkbox", { name: /J'accepte d'être contacté·e/ })).not.toBeChecked();
    expect(await page.content()).not.toContain("Ghislaine");
    await expectAccessible(page);
    // The proposer never reads the contacts back: a count only.
    await page.goto(actionUrl);
    await expect(page.getByTestId("consents-count")).toHaveText("Consentements recueillis : 1");
    expect(await page.content()).not.toContain("Ghislaine");
  });

  test("a paper consent typed in without JavaScript", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signIn(page, "partenaire.montpellier@barometre.test");
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto(`${actionUrl}/consentement`);
    await plain.getByRole("radio", { name: "Formulaire papier signé, saisi ensuite" }).check();
    await plain.getByLabel("Votre prénom").fill("Josiane");
    await plain.getByRole("textbox", { name: "E-mail" }).fill("josiane@example.org");
    await plain.getByRole("radio", { name: "E-mail" }).check();
    await plain.getByRole("radio", { name: "Non", exact: true }).check();
    await plain.getByRole("checkbox", { name: /J'accepte d'être contacté·e/ }).check();
    await plain.getByRole("button", { name: "Envoyer au CCAS" }).click();
    // No signature day: refused, the typing kept for the same paper form.
    await expect(plain.locator("#erreurs")).toContainText("Indiquez le jour où le formulaire papier a été signé");
    await expect(plain.getByLabel("Votre prénom")).toHaveValue("Josiane");
    // (Axe needs scripts: this form is audited in the tablet test above.)
    await plain.getByLabel("Jour où le formulaire papier a été signé").fill(parisToday());
    await plain.getByRole("checkbox", { name: /J'accepte d'être contacté·e/ }).check();
    await plain.getByRole("button", { name: "Envoyer au CCAS" }).click();
    await expect(plain.getByTestId("consent-saved")).toBeVisible();
    await expect(plain.getByLabel("Votre prénom")).toHaveValue("");
    await expect(plain.getByRole("radio", { name: "Formulaire papier signé, saisi ensuite" })).toBeChecked();
    await context.close();
    await page.goto(actionUrl);
    await expect(page.getByTestId("consents-count")).toHaveText("Consentements recueillis : 2");
  });

  test("the CCAS agent sees the stand consents flagged in the queue and opens one", async ({ page }) => {
    await signIn(page, "agent.montpellier@barometre.test");
    await page.goto("/staff/rappels");
    const row = page.getByTestId("queue-table").getByRole("row").filter({ hasText: "Ghislaine" });
    await expect(row.getByTestId("outreach-flag")).toContainText("Aller-vers : Stand du");
    await expect(page.getByTestId("queue-table").getByRole("row").filter({ hasText: "Josiane" }).getByTestId("outreach-flag")).toBeVisible();
    await row.getByRole("link", { name: "Ghislaine" }).click();
    await page.waitForURL(/\/staff\/rappels\/[0-9a-f-]{36}/);
    await expect(page.getByTestId("outreach-flag")).toContainText("Aller-vers : Stand du");
    await expect(page.getByTestId("stand-consent")).toContainText("Consentement pris sur un stand");
    await expect(page.getByRole("link", { name: "06 45 67 89 01" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the committee reads the bilan, small counts hidden, and no contact nor action", async ({ page }) => {
    await signIn(page, "comite.montpellier@barometre.test");
    await nav(page).getByRole("link", { name: "Aller-vers" }).click();
    await page.waitForURL(/\/staff\/aller-vers\/bilan/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Bilan des actions d'aller-vers");
    const bilan = page.getByTestId("bilan");
    // 25 people met, published with the cell-key noise (decision 0007): near 25, never exact by construction.
    const met = await bilan.getByRole("table", { name: "Personnes rencontrées" }).getByRole("row", { name: /Stand/ }).locator("td").allTextContents();
    const metFigure = met.map((s) => Number(s.replace(/\D/g, ""))).find((n) => n > 0)!;
    expect(Math.abs(metFigure - 25)).toBeLessThanOrEqual(24);
    await expect(bilan.getByTestId("perturbed-note")).toBeVisible();
    // 2 consents: never published as a small number (hidden, or perturbed to 0 or to the threshold and beyond).
    const consents = await bilan.getByRole("table", { name: "Consentements à être rappelé·e" }).getByRole("row", { name: /Stand/ }).locator("td").allTextContents();
    for (const c of consents) expect(c.trim()).not.toMatch(/^[1-4]$/);
    const html = await page.content();
    for (const secret of ["Ghislaine", "Josiane", "josiane@example.org", "45 67 89 01"]) expect(html).not.toContain(secret);
    await expectAccessible(page);
    await page.getByLabel("Regrouper par").selectOption("placeType");
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(page).toHaveURL(/by=placeType/);
    await expectAccessible(page);
    const response = await page.goto(actionUrl);
    expect(response?.status()).toBe(404);
  });
});
