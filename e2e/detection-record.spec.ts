import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, submitAndOptIn } from "./helpers";

// Issue 13: the Grenoble CCAS's detection tool. An EP worker records two situations of one new
// household, the second caused by the first; the ASF instructor finds the household by its code
// and adds a third; a follow-up resolves one; the committee never reaches a situation.
const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

async function tickForme(page: Page, forme: string, reason: string) {
  await page.getByRole("checkbox", { name: forme, exact: true }).check();
  await page.getByLabel(`Raison (${forme})`).selectOption({ label: reason });
}

async function submitSituation(page: Page) {
  await page.getByRole("button", { name: "Enregistrer la situation" }).click();
  await page.waitForURL(/\/staff\/reperage\/situations\//);
}

test.describe.serial("recording detected situations", () => {
  let householdCode = "";
  let firstSituation = "";

  test("the EP worker records two situations of one new household, the second caused by the first", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "ecrivain.grenoble@barometre.test");
    await page.getByRole("link", { name: "Repérage des non-recours" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Repérage des situations de non-recours");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Enregistrer une situation" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enregistrer une situation de non-recours");
    await expectAccessible(page);

    await page.getByLabel("Nombre de personnes dans le ménage").fill("3");
    await page.getByLabel("Service détecteur").selectOption({ label: "Écrivains publics" });
    await page.getByLabel("Personnes concernées par la situation").fill("2");
    await page.getByRole("radio", { name: "Oui" }).check();
    await page.getByLabel("Prestation financière", { exact: true }).selectOption({ label: "RSA" });
    await page.getByRole("checkbox", { name: "CAF", exact: true }).check();
    await tickForme(page, "Non réception", "Pièces obligatoires manquantes");
    await page.getByLabel("Temps passé (minutes)").fill("30");
    await page.getByLabel("Manque à percevoir (€ par mois)").fill("607,75");
    await page.getByLabel("Synthèse anonymisée").fill("Personne seule, dossier RSA bloqué faute de pièces.");
    await submitSituation(page);
    await expect(page.getByTestId("situation-notice")).toContainText("Situation enregistrée pour le ménage M-");
    householdCode = (await page.getByTestId("household-code").textContent())!.trim();
    expect(householdCode).toMatch(/^M-[0-9A-Z]{6}$/);
    firstSituation = page.url().split("/situations/")[1].split("?")[0];
    await expect(page.getByTestId("situation-object")).toHaveText("RSA");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Nouvelle situation pour ce ménage" }).first().click();
    await expect(page.getByTestId("form-household")).toContainText(householdCode);
    await page.getByRole("radio", { name: "Oui" }).check();
    await page.getByLabel("Prestation financière", { exact: true }).selectOption({ label: "Complémentaire santé solidaire (C2S, ex CMU-C / ACS)" });
    await page.getByRole("checkbox", { name: "CPAM", exact: true }).check();
    await tickForme(page, "Non connaissance", "Manque d'information");
    const cause = await page.locator("#causedById option", { hasText: "RSA" }).getAttribute("value");
    await page.getByLabel("Entraînée par une autre situation du ménage").selectOption(cause!);
    await submitSituation(page);
    await expect(page.getByTestId("situation-caused-by")).toContainText("RSA");
    await expect(page.getByTestId("household-code")).toHaveText(householdCode);
  });

  test("the ASF instructor finds the household by its code, adds a third situation and links an identity", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "instructeur.grenoble@barometre.test");
    await page.goto("/staff/reperage");
    // Typed loosely: lower case, a space instead of the dash.
    await page.getByLabel(/Code du ménage/).fill(householdCode.toLowerCase().replace("-", " "));
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByTestId("household-title")).toHaveText(`Ménage ${householdCode}`);
    await expect(page.getByTestId("household-situations").locator("tbody tr")).toHaveCount(2);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Nouvelle situation pour ce ménage" }).click();
    await page.getByLabel("Service détecteur").selectOption({ label: "Aide sociale facultative" });
    await page.getByRole("radio", { name: "Non" }).check();
    await page.getByLabel("Domaine d'intervention publique").selectOption({ label: "Logement / Hébergement" });
    await tickForme(page, "Non demande", "Manque de capacités (connaissances, savoir-faire, confiance, soutien, estime de soi)");
    await page.getByLabel("Demande d'aide facultative induite").selectOption({ label: "Oui" });
    await page.getByLabel("Aide facultative accordée (€)").fill("150");
    await submitSituation(page);
    await expect(page.getByTestId("situation-object")).toHaveText("Logement / Hébergement");

    await page.getByTestId("household-code").click();
    await expect(page.getByTestId("household-situations").locator("tbody tr")).toHaveCount(3);
    await page.getByRole("button", { name: /Afficher l'identité/ }).click();
    await expect(page.getByTestId("identity")).toContainText("Aucune identité");
    await page.getByLabel("Nom et prénom").fill("Élise Martin");
    await page.getByLabel("N° d'allocataire CAF").fill("7654321");
    await page.getByRole("button", { name: "Enregistrer l'identité" }).click();
    await expect(page.getByText("Identité enregistrée.")).toBeVisible();
    await expect(page.getByText("Élise Martin")).toHaveCount(0); // not shown again without a new, audited request
    await expectAccessible(page);
    await page.goto("/staff/reperage");
    await page.getByLabel(/Code du ménage/).fill("martin elise");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByTestId("household-title")).toHaveText(`Ménage ${householdCode}`);
  });

  test("the rubriques show the three situations of the day; the committee reads the rubriques, never the household", async ({ browser }) => {
    const day = parisToday();
    const staff = await (await browser.newContext()).newPage();
    await signIn(staff, "ecrivain.grenoble@barometre.test");
    await staff.goto(`/staff/reperage/analyse?from=${day}&to=${day}`);
    await expect(staff.getByTestId("figures-notice")).toContainText("Chiffres exacts");
    await expect(staff.locator('[data-stat="situations"] dd')).toHaveText("3");
    await expect(staff.locator('[data-stat="households"] dd')).toHaveText("1");
    await expect(staff.locator('[data-table="by_service"] tr').filter({ has: staff.getByRole("rowheader", { name: "Écrivains publics", exact: true }) })).toContainText("2");
    await expect(staff.locator('[data-table="households"]')).toContainText(householdCode);

    const committee = await (await browser.newContext()).newPage();
    await signIn(committee, "comite.grenoble@barometre.test");
    await committee.getByRole("link", { name: "Analyse du repérage (huit rubriques)" }).click();
    await expect(committee.getByTestId("figures-notice")).toContainText("Chiffres publiés au comité");
    await committee.goto(`/staff/reperage/analyse?from=${day}&to=${day}`);
    await expect(committee.getByRole("heading", { level: 1 })).toContainText("Analyse du repérage");
    await expect(committee.locator('[data-table="households"]')).toHaveCount(0);
    expect(await committee.content()).not.toContain(householdCode);
    await expectAccessible(committee);
  });

  test("a follow-up resolves a situation with the right opened; it leaves my situations to follow", async ({ page }) => {
    await signIn(page, "ecrivain.grenoble@barometre.test");
    await page.goto("/staff/reperage");
    await expect(page.getByTestId("to-follow").locator("tbody tr")).toHaveCount(2);
    await page.goto(`/staff/reperage/situations/${firstSituation}`);
    await page.getByLabel("Ce qui a été fait").fill("Pièces envoyées à la CAF, droit ouvert.");
    await page.getByLabel("Nouveau statut").selectOption({ label: "Résolue" });
    await page.getByLabel("Issue (si résolue)").selectOption({ label: "Droit ouvert" });
    await page.getByLabel("Date d'ouverture du droit ou de résolution").fill(parisToday());
    await page.getByLabel("Montant mensuel du droit ouvert (€)").fill("607,75");
    await page.getByRole("button", { name: "Enregistrer le suivi" }).click();
    await expect(page.getByTestId("situation-status")).toHaveText("Statut : Résolue".replace(" :", "\u00a0:"));
    await expect(page.getByTestId("follow-ups")).toContainText("Pièces envoyées à la CAF");
    await page.goto("/staff/reperage");
    await expect(page.getByTestId("to-follow").locator("tbody tr")).toHaveCount(1);
  });

  test("the committee and the interviewer reach no situation, household or form", async ({ browser }) => {
    for (const email of ["comite.grenoble@barometre.test", "enqueteur.grenoble@barometre.test"]) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await signIn(page, email);
      await expect(page.getByRole("link", { name: "Repérage des non-recours" })).toHaveCount(0);
      for (const path of ["/staff/reperage", "/staff/reperage/nouvelle", `/staff/reperage/situations/${firstSituation}`, `/staff/reperage/menages/${householdCode}`]) {
        const r = await page.goto(path);
        expect(r?.status(), `${email} ${path}`).toBe(404);
      }
      await ctx.close();
    }
    // Another territory's CCAS agent: the Grenoble situation is not found.
    const page = await (await browser.newContext()).newPage();
    await signIn(page, "agent.montpellier@barometre.test");
    expect((await page.goto(`/staff/reperage/situations/${firstSituation}`))?.status()).toBe(404);
    expect((await page.goto(`/staff/reperage/menages/${householdCode}`))?.status()).toBe(404);
  });
});

test("a rights review's benefit becomes a detected situation once, prefilled, in the review's household", async ({ browser }) => {
  test.setTimeout(240_000);
  const respondent = await browser.newContext();
  await submitAndOptIn(await respondent.newPage(), "Nadia-Repérage", "06 22 33 44 55");
  await respondent.close();
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "agent.montpellier@barometre.test");
  await page.goto("/staff/rappels");
  await page.goto((await page.getByRole("link", { name: "Nadia-Repérage" }).first().getAttribute("href"))!);
  await page.getByRole("button", { name: "Prendre cette demande" }).click();
  await page.getByRole("radio", { name: "Personne jointe" }).check();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Personne jointe");
  await page.getByLabel("Prestation").selectOption({ label: "RSA" });
  await page.getByLabel("Résultat de l'étude").selectOption("potentially_eligible");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const review = page.url().split("#")[0];
  const toSituation = page.getByRole("link", { name: /Enregistrer comme situation repérée/ });
  await expect(toSituation).toHaveCount(1);
  await expectAccessible(page);

  for (const round of ["recorded", "already"]) {
    await page.goto((await toSituation.getAttribute("href"))!);
    await expect(page.getByLabel("Prestation financière", { exact: true })).toHaveValue("rsa");
    await tickForme(page, "Non connaissance", "Manque d'information");
    await submitSituation(page);
    await expect(page.getByTestId("situation-notice")).toContainText(round === "recorded" ? "Situation enregistrée" : "déjà enregistrée");
    await expect(page.getByText("Étude de droits", { exact: true })).toBeVisible();
    await page.goto(review);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a worker records a situation; a summary with a phone number is refused first, the answers kept", async ({ browser, page }) => {
    // Signed in with scripts (the sign-in helper checks the CSP), then the session in this script-less page.
    const staff = await browser.newContext({ javaScriptEnabled: true });
    await signIn(await staff.newPage(), "ecrivain.grenoble@barometre.test");
    await page.context().addCookies((await staff.storageState()).cookies);
    await staff.close();
    await page.goto("/staff/reperage/nouvelle");
    await page.getByRole("radio", { name: "Non" }).check();
    await page.getByLabel("Domaine d'intervention publique").selectOption({ label: "Santé" });
    await tickForme(page, "Abandon", "Contraintes propres au demandeur");
    await page.getByLabel("Synthèse anonymisée").fill("Rappeler au 06 12 34 56 78");
    await page.getByRole("button", { name: "Enregistrer la situation" }).click();
    await expect(page.getByRole("alert")).toContainText("numéro de téléphone");
    await expect(page.getByLabel("Domaine d'intervention publique")).toHaveValue("sante");
    await expect(page.getByRole("checkbox", { name: "Abandon", exact: true })).toBeChecked();
    await page.getByLabel("Synthèse anonymisée").fill("Soins reportés, démarches abandonnées.");
    await submitSituation(page);
    await expect(page.getByTestId("situation-notice")).toContainText("Situation enregistrée");
    await expect(page.getByTestId("situation-object")).toHaveText("Santé");
  });
});
