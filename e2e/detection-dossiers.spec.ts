import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * Issue 13, item 4 and the configurable lists: detection settings and an interpellation dossier
 * for the CAF over the Grenoble demo (the synthetic 2015 sheet seeded through the legacy import).
 */
const run = Date.now().toString(36);

/** The pages of a PDF and its /Title (Chromium writes it as UTF-16BE hex or a literal string). */
function readPdf(pdf: Buffer): { pages: number; title: string } {
  const text = pdf.toString("latin1");
  const pages = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(text);
  if (hex) {
    const bytes = Buffer.from(hex[1], "hex");
    let title = "";
    for (let i = 0; i + 1 < bytes.length; i += 2) title += String.fromCharCode(bytes.readUInt16BE(i));
    return { pages, title };
  }
  return { pages, title: /\/Title\s*\(([^)]*)\)/.exec(text)?.[1] ?? "" };
}

async function dossierId(page: Page): Promise<string> {
  return /interpellations\/([0-9a-f-]{36})/.exec(page.url())![1];
}

test("the territory lead adds a service and a reason in the detection settings, renames and archives", async ({ page }) => {
  await signIn(page, "admin.grenoble@barometre.test");
  await page.goto("/staff/reglages");
  await page.getByRole("link", { name: /Réglages du repérage/ }).click();
  await expect(page).toHaveURL(/\/staff\/reperage\/reglages/);
  await expectAccessible(page);

  // A service used by the seeded situations cannot be deleted; a new one can be added and flagged.
  const asf = page.getByRole("row", { name: /Aide sociale facultative/ });
  await expect(asf.getByRole("button", { name: /Archiver/ })).toBeVisible();
  await expect(asf.getByRole("button", { name: /Supprimer/ })).toHaveCount(0);
  const add = page.locator("#add-service");
  await add.getByRole("button", { name: "Ajouter" }).click();
  await expect(add.locator(".error-summary")).toContainText("Indiquez un libellé");
  await add.getByLabel("Nom du service").fill(`Accueil ${run}`);
  await add.getByLabel("Ce service instruit l’aide sociale facultative").check();
  await add.getByRole("button", { name: "Ajouter" }).click();
  await expect(page.getByRole("status")).toContainText("Entrée ajoutée");
  const row = page.getByRole("row", { name: new RegExp(`Accueil ${run}`) });
  await expect(row.getByRole("cell").nth(0)).toHaveText(`accueil_${run}`);
  await expect(row).toContainText("oui");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Listes à régler" }).getByRole("link", { name: "Raisons" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Raisons" })).toBeVisible();
  await expectAccessible(page);
  const form = page.locator("#add-reason");
  await form.getByLabel("Libellé").fill(`Pièces égarées ${run}`);
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(form.locator(".error-summary")).toContainText("Choisissez à quoi rattacher");
  await form.getByLabel("Libellé").fill(`Pièces égarées ${run}`);
  await form.getByLabel("Forme").selectOption({ label: "Non réception" });
  await form.getByRole("button", { name: "Ajouter" }).click();
  await expect(page.getByRole("status")).toContainText("Entrée ajoutée");
  const code = `pieces_egarees_${run}`;
  const reason = page.getByRole("row", { name: new RegExp(`Pièces égarées ${run}`) });
  await expect(reason).toContainText(code);
  await expect(reason).toContainText("Non réception");

  // Renaming keeps the code; archiving keeps the entry, marked.
  await page.getByLabel(`Nouveau libellé de Pièces égarées ${run}`).fill(`Pièces perdues ${run}`);
  await page.getByRole("button", { name: `Renommer Pièces égarées ${run}` }).click();
  await expect(page.getByRole("status")).toContainText("Libellé modifié");
  const renamed = page.getByRole("row", { name: new RegExp(`Pièces perdues ${run}`) });
  await expect(renamed).toContainText(code);
  await renamed.getByRole("button", { name: /Archiver/ }).click();
  await expect(page.getByRole("status")).toContainText("Entrée archivée");
  await expect(page.getByRole("row", { name: new RegExp(`Pièces perdues ${run}`) })).toContainText("archivée");
});

test("a CCAS agent builds a dossier for the CAF, chooses cases, marks it sent and prints it", async ({ page }) => {
  await signIn(page, "agent.grenoble@barometre.test");
  await page.goto("/staff/reperage/interpellations");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Nouveau dossier" }).click();
  await expectAccessible(page);
  const form = page.locator("#dossier");
  await form.getByLabel("Institution interpellée").selectOption({ label: "CAF" });
  await form.getByLabel("Période du").fill("2015-12-31");
  await form.getByLabel("Période au").fill("2015-01-01");
  await form.getByLabel("Titre du dossier").fill(`Non-recours aux prestations CAF ${run}`);
  await form.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(form.locator(".error-summary")).toContainText("La fin de la période doit suivre son début");
  await form.getByLabel("Période du").fill("2015-01-01");
  await form.getByLabel("Période au").fill("2015-12-31");
  await form.getByLabel(/Partie générale/).fill("Le CCAS constate des ruptures de droits liées aux pièces demandées.");
  await form.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page).toHaveURL(/\/staff\/reperage\/interpellations\/[0-9a-f-]{36}\?fait=created/);
  await expect(page.getByRole("status")).toContainText("Dossier créé");
  const id = await dossierId(page);
  await expect(page.getByTestId("dossier-institution")).toHaveText("CAF");
  await expect(page.getByTestId("dossier-total")).toContainText(/\d+ situations repérées/);
  await expect(page.getByRole("table", { name: /plusieurs formes/ })).toBeVisible();
  await expectAccessible(page);

  // Two cases kept; a text with a phone number is refused and nothing is stored.
  const cases = page.getByTestId("case");
  await cases.nth(0).getByRole("checkbox").check();
  await cases.nth(1).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Enregistrer les fiches mémoire" }).click();
  await expect(page.getByRole("status")).toContainText("Fiches mémoire enregistrées");
  const first = page.getByTestId("case").nth(0).getByLabel("Texte anonymisé du cas");
  await first.fill(`Famille monoparentale, aide au logement suspendue faute de pièce ${run} ; rappeler au 06 12 34 56 78.`);
  await page.getByRole("button", { name: "Enregistrer les fiches mémoire" }).click();
  await expect(page.locator("#cases .error-summary")).toContainText("numéro de téléphone");
  await expect(page.getByTestId("case").nth(0).getByLabel("Texte anonymisé du cas")).toHaveValue(/06 12 34 56 78/);
  await page.getByTestId("case").nth(0).getByLabel("Texte anonymisé du cas").fill(`Famille monoparentale, aide au logement suspendue faute de pièce ${run}.`);
  await page.getByRole("button", { name: "Enregistrer les fiches mémoire" }).click();
  await expect(page.locator("#cases .error-summary")).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("Fiches mémoire enregistrées");
  await page.reload();
  await expect(page.getByTestId("case").nth(0).getByLabel("Texte anonymisé du cas")).toHaveValue(`Famille monoparentale, aide au logement suspendue faute de pièce ${run}.`);
  await expect(page.getByTestId("case").nth(1).getByLabel("Texte anonymisé du cas")).toBeVisible();

  // The sending: not in the future, then recorded.
  await page.getByLabel("Date d’envoi").fill("2099-01-01");
  await page.getByLabel("Adressé à").fill("Direction de la CAF de l’Isère");
  await page.getByRole("button", { name: "Enregistrer l’envoi" }).click();
  await expect(page.locator("#sending .error-summary")).toContainText("futur");
  await expect(page.getByLabel("Adressé à")).toHaveValue("Direction de la CAF de l’Isère");
  await page.getByLabel("Date d’envoi").fill("2016-01-15");
  await page.getByRole("button", { name: "Enregistrer l’envoi" }).click();
  await expect(page.locator("#sending .error-summary")).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("Envoi enregistré");
  await expect(page.getByTestId("dossier-status")).toHaveText("envoyé");
  await expect(page.getByTestId("dossier-sent")).toContainText("15/01/2016");
  await expectAccessible(page);

  await page.goto("/staff/reperage/interpellations");
  await expect(page.getByRole("row", { name: new RegExp(`CAF ${run}`) })).toContainText("envoyé");

  await page.goto(`/staff/reperage/interpellations/${id}/imprimer`);
  await expectAccessible(page);
  await expect(page.getByTestId("print-institution")).toContainText("CAF");
  await expect(page.getByTestId("print-case")).toHaveCount(2);
  await expect(page.getByTestId("print-case").first()).toContainText(`faute de pièce ${run}`);
  // No household code, no worker's name on the printed dossier.
  const printed = await page.locator("article.dossier-print").innerText();
  expect(printed).not.toMatch(/GR15-\d|Agent CCAS|@barometre/);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "← Retour au dossier" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  const { pages, title } = readPdf(pdf);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pages).toBeGreaterThan(0);
  expect(title).toContain(`Non-recours aux prestations CAF ${run}`);
  expect(title).toContain("CAF");
});

test("the dossier forms work without JavaScript", async ({ browser }) => {
  const staff = await browser.newPage();
  await signIn(staff, "admin.grenoble@barometre.test");
  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await staff.context().storageState() });
  const page = await ctx.newPage();
  await page.goto("/staff/reperage/interpellations/nouveau");
  await page.getByLabel("Institution interpellée").selectOption({ label: "CPAM" });
  await page.getByLabel("Titre du dossier").fill(`Sans JS ${run}`);
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(page.getByRole("status")).toContainText("Dossier créé");
  await page.getByLabel("Date d’envoi").fill("2016-02-01");
  await page.getByLabel("Adressé à").fill("CPAM de l’Isère");
  await page.getByRole("button", { name: "Enregistrer l’envoi" }).click();
  await expect(page.getByTestId("dossier-status")).toHaveText("envoyé");
  await page.getByLabel("Date de la réponse").fill("2016-01-01");
  await page.getByRole("textbox", { name: "Réponse de l’institution" }).fill("Un référent est nommé.");
  await page.getByRole("button", { name: "Enregistrer la réponse" }).click();
  await expect(page.locator(".error-summary")).toContainText("La réponse ne peut pas précéder l’envoi");
  await page.getByLabel("Date de la réponse").fill("2016-03-01");
  await page.getByRole("button", { name: "Enregistrer la réponse" }).click();
  await expect(page.getByTestId("dossier-status")).toHaveText("réponse reçue");
  await ctx.close();
  await staff.close();
});

test("committee, interviewer and another territory never reach a dossier or the settings", async ({ browser }) => {
  const lead = await browser.newPage();
  await signIn(lead, "admin.grenoble@barometre.test");
  await lead.goto("/staff/reperage/interpellations/nouveau");
  await lead.getByLabel("Institution interpellée").selectOption({ label: "CARSAT" });
  await lead.getByLabel("Titre du dossier").fill(`Isolement ${run}`);
  await lead.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(lead.getByRole("status")).toContainText("Dossier créé");
  const id = await dossierId(lead);
  await lead.close();

  for (const email of ["comite.grenoble@barometre.test", "enqueteur.grenoble@barometre.test", "agent.montpellier@barometre.test", "admin.montpellier@barometre.test"]) {
    const page = await browser.newPage();
    await signIn(page, email);
    for (const path of [`/staff/reperage/interpellations/${id}`, `/staff/reperage/interpellations/${id}/imprimer`]) {
      expect((await page.goto(path))?.status(), `${email} ${path}`).toBe(404);
    }
    if (!email.startsWith("admin.")) {
      expect((await page.goto("/staff/reperage/reglages"))?.status(), `${email} settings`).toBe(404);
    }
    if (email.startsWith("comite") || email.startsWith("enqueteur")) {
      expect((await page.goto("/staff/reperage/interpellations"))?.status(), `${email} list`).toBe(404);
    }
    await page.close();
  }
});
