import { expect, test, type Page } from "@playwright/test";
import { answerVisible, completeToReview, expectAccessible, signIn } from "./helpers";

/**
 * Issue 11, "every page says where you are": titles per page and step, the territory's header,
 * the footer and its pages (edited by the territory lead), the staff navigation; kiosk warning
 * before a wipe; assisted mode kept for the next person. Runs after staff-modes.spec.ts (which
 * counts the Montpellier interviewer's responses from zero): the assisted test counts relatively.
 */

const GENERIC = "Baromètre de l'accès aux droits";

async function titleOf(page: Page) {
  await page.waitForFunction(() => document.title !== "");
  return page.title();
}

/** Visits each path and returns path → title. */
async function titles(page: Page, paths: string[]) {
  const out = new Map<string, string>();
  for (const p of paths) {
    const res = await page.goto(p);
    expect(res?.status(), p).toBeLessThan(400);
    out.set(p, await titleOf(page));
  }
  return out;
}

function expectDistinct(all: Map<string, string>) {
  const seen = new Map<string, string>();
  for (const [path, title] of all) {
    expect(title, `${path} has the generic title`).not.toBe(GENERIC);
    expect(title, path).toContain(" — ");
    expect(seen.get(title), `${path} and ${seen.get(title)} share "${title}"`).toBeUndefined();
    seen.set(title, path);
  }
}

test("every page has its own title, step by step, and booking steps are announced", async ({ page }) => {
  test.setTimeout(150_000);
  const all = await titles(page, [
    "/", "/connexion", "/accessibilite", "/mentions-legales", "/donnees-personnelles",
    "/t/montpellier", "/t/montpellier/reprendre", "/t/montpellier/ma-demande",
    "/t/montpellier/accessibilite", "/t/montpellier/mentions-legales", "/t/montpellier/donnees-personnelles",
  ]);
  expect(all.get("/t/montpellier")).toBe("Accueil — Questionnaire — Montpellier");

  // Questionnaire: "Étape n sur N : <section> — Questionnaire — Montpellier", one per section.
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await expect(page).toHaveTitle(/^Étape 1 sur \d+\s: .+ — Questionnaire — Montpellier$/);
  all.set(page.url(), await titleOf(page));
  await answerVisible(page);
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveTitle(/^Étape 2 sur \d+\s: .+ — Questionnaire — Montpellier$/);
  all.set(page.url(), await titleOf(page));

  // Booking: each step is a navigation; its title changes, and Next's route announcer reads it.
  await page.goto("/t/montpellier/rendez-vous");
  await expect(page).toHaveTitle("Étape 1 sur 4 : Motif — Prendre rendez-vous avec le CCAS — Montpellier");
  all.set("booking 1", await titleOf(page));
  await page.locator("ul.choice-list a").first().click();
  await expect(page).toHaveTitle("Étape 2 sur 4 : Lieu — Prendre rendez-vous avec le CCAS — Montpellier");
  // The new step's heading takes the focus: a screen reader reads it, the keyboard starts there.
  await expect(page.getByRole("heading", { level: 2, name: "2. Où ?" })).toBeFocused();
  all.set("booking 2", await titleOf(page));
  await page.locator("ul.choice-list a").first().click();
  await expect(page).toHaveTitle(/^Étape 3 sur 4\s: Date et heure/);
  await expect(page.getByRole("heading", { level: 2, name: /^3\. Quand \?/ })).toBeFocused();
  all.set("booking 3", await titleOf(page));
  await expectAccessible(page);

  // Staff pages of the territory lead.
  await signIn(page, "admin.montpellier@barometre.test");
  const staff = await titles(page, [
    "/staff", "/staff/rappels", "/staff/rendez-vous", "/staff/rendez-vous/messages", "/staff/rendez-vous/reglages",
    "/staff/rendez-vous/reglages/lieux", "/staff/rendez-vous/reglages/motifs", "/staff/rendez-vous/reglages/plages",
    "/staff/rendez-vous/reglages/absences", "/staff/tableau-de-bord", "/staff/antennes", "/staff/journal",
    "/staff/kiosques", "/staff/liens", "/staff/reglages", "/staff/reglages/pages-publiques",
    "/staff/personnes", "/staff/sites", "/staff/prestations", "/staff/territoires/reglages",
  ]);
  expect(staff.get("/staff/rappels")).toBe("Demandes d'étude de droits — Espace professionnels — Baromètre de l'accès aux droits");
  expectDistinct(new Map([...all, ...staff]));
});

test("footer pages exist; the territory lead edits the help phone, without JavaScript, and it shows to respondents", async ({ page, browser }) => {
  await page.goto("/t/montpellier");
  await expect(page.getByRole("banner")).toContainText("Montpellier");
  const footer = page.getByRole("contentinfo");
  await footer.getByRole("link", { name: "Accessibilité : partiellement conforme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d’accessibilité" })).toBeVisible();
  await expect(page.getByTestId("compliance")).toContainText("partiellement conforme au référentiel général d’amélioration de l’accessibilité (RGAA)");
  await expect(page).toHaveURL(/\/t\/montpellier\/accessibilite$/);
  await expectAccessible(page);
  await footer.getByRole("link", { name: "Mentions légales" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mentions légales" })).toBeVisible();
  await footer.getByRole("link", { name: "Données personnelles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Données personnelles" })).toBeVisible();
  await expectAccessible(page);

  // The lead, JavaScript off: a refused phone, then a good one and an own accessibility text.
  await signIn(page, "admin.montpellier@barometre.test");
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const lead = await noJs.newPage();
  await lead.goto("/staff");
  await lead.getByRole("navigation", { name: "Navigation de l’espace professionnels" }).getByRole("link", { name: "Réglages" }).click();
  await lead.getByRole("link", { name: /Pied de page et pages d’information/ }).click();
  await expect(lead).toHaveTitle("Pied de page et pages d’information — Espace professionnels — Baromètre de l'accès aux droits");
  await lead.getByLabel("Téléphone « Besoin d’aide ? »").fill("appelez-nous");
  await lead.getByRole("button", { name: "Enregistrer" }).click();
  await expect(lead.locator(".error-summary")).toContainText("Numéro de téléphone invalide");
  await lead.getByLabel("Téléphone « Besoin d’aide ? »").fill("04 67 11 22 33");
  await lead.getByLabel("Horaires du téléphone").fill("du lundi au vendredi, de 9 h à 12 h");
  await lead.getByLabel("Déclaration d’accessibilité").fill("Notre propre déclaration.\n\nDeuxième paragraphe.");
  await lead.getByRole("button", { name: "Enregistrer" }).click();
  await expect(lead.getByRole("status")).toHaveText("Modifications enregistrées.");
  await expect(lead.getByLabel("Téléphone « Besoin d’aide ? »")).toHaveValue("04 67 11 22 33");
  await noJs.close();
  await page.goto("/staff/reglages/pages-publiques");
  await expectAccessible(page);

  // The change is audited like other settings writes.
  await page.goto("/staff/journal");
  await expect(page.locator("main")).toContainText("public_pages.settings");

  await page.goto("/t/montpellier");
  await expect(page.getByTestId("help-phone")).toContainText("Besoin d’aide ? Appelez le 04 67 11 22 33 (du lundi au vendredi, de 9 h à 12 h)");
  await expect(page.getByRole("link", { name: "Appelez le 04 67 11 22 33" })).toHaveAttribute("href", "tel:0467112233");
  await page.goto("/t/montpellier/accessibilite");
  await expect(page.locator("main")).toContainText("Notre propre déclaration.");
  await expect(page.locator("main")).toContainText("Deuxième paragraphe.");
  // Grenoble keeps its own (default) texts.
  await page.goto("/t/grenoble/accessibilite");
  await expect(page.locator("main")).not.toContainText("Notre propre déclaration.");
});

test("staff pages share a navigation limited to the role, the current page marked", async ({ page }) => {
  const nav = () => page.getByRole("navigation", { name: "Navigation de l’espace professionnels" });
  const items = async () => (await nav().getByRole("link").allTextContents()).map((s) => s.trim());

  await signIn(page, "comite.grenoble@barometre.test");
  expect(await items()).toEqual(["Accueil", "Aller-vers", "Tableaux de bord", "Analyse du repérage"]);
  await expect(nav().getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");
  await expect(nav().getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await nav().getByRole("link", { name: "Tableaux de bord" }).click();
  await expect(nav().getByRole("link", { name: "Tableaux de bord" })).toHaveAttribute("aria-current", "page");
  await expect(nav().getByRole("link", { name: "Accueil" })).not.toHaveAttribute("aria-current", "page");
  await nav().getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(/\/connexion/);

  // agent.grenoble is locked by staff-modes.spec.ts (sign-in failures).
  await signIn(page, "agent.montpellier@barometre.test");
  expect(await items()).toEqual(["Accueil", "Demandes", "Rendez-vous", "Repérage", "Aller-vers", "Analyse du repérage"]);
  await nav().getByRole("link", { name: "Demandes" }).click();
  await expect(nav().getByRole("link", { name: "Demandes" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await page.context().clearCookies();

  await signIn(page, "admin.grenoble@barometre.test");
  expect(await items()).toEqual(["Accueil", "Demandes", "Rendez-vous", "Repérage", "Aller-vers", "Tableaux de bord", "Analyse du repérage", "Fiches droits", "Lieux d’aide", "Réglages"]);
  await page.goto("/staff/rendez-vous/reglages/lieux");
  await expect(nav().getByRole("link", { name: "Réglages" })).toHaveAttribute("aria-current", "page");
  await page.goto("/staff/reperage/analyse");
  await expect(nav().getByRole("link", { name: "Analyse du repérage" })).toHaveAttribute("aria-current", "page");
  await expect(nav().getByRole("link", { name: "Repérage", exact: true })).not.toHaveAttribute("aria-current", "page");
  await page.context().clearCookies();

  await signIn(page, "enqueteur.grenoble@barometre.test");
  expect(await items()).toEqual(["Accueil", "Aller-vers"]);
});

test("an idle kiosk warns 20 s before wiping, and 'Je continue' keeps the answers", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin.montpellier@barometre.test");
  await page.goto("/staff/kiosques");
  await page.getByLabel("Nom de la borne").fill("Tablette Albert Camus");
  await page.getByLabel("Lieu de collecte").selectOption({ label: "Maison pour tous Albert Camus" });
  await page.getByLabel("Effacement après inactivité (secondes)").fill("15");
  await page.getByRole("button", { name: "Enregistrer cet appareil comme borne" }).click();
  await expect(page.getByText("Borne en libre-service")).toBeVisible();

  await page.goto("/t/montpellier");
  await expect(page.locator("main")).not.toContainText("reprendre plus tard");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await expect(page.locator("form[data-hydrated]").first()).toBeAttached({ timeout: 15_000 });
  await page.locator('[name="q__sex"][value="homme"]').check();
  const dialog = page.getByRole("alertdialog", { name: "Êtes-vous toujours là ?" });
  await expect(dialog).toBeVisible({ timeout: 25_000 });
  await expect(dialog).toContainText("dans 20 secondes");
  await expect(dialog.getByRole("button", { name: "Je continue" })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Je continue" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/t\/montpellier\/q\//);
  await expect(page.locator('[name="q__sex"][value="homme"]')).toBeChecked();
  // Without an answer to the warning, the kiosk is wiped 20 s later.
  await expect(dialog).toBeVisible({ timeout: 25_000 });
  await expect(page.getByRole("button", { name: "Commencer le questionnaire" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/t/montpellier");
  await expect(page.getByRole("link", { name: "Reprendre où j'en étais" })).toHaveCount(0);
});

test("assisted mode: notice to read aloud, banner, and the next person keeps mode, site and interviewer", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "enqueteur.montpellier@barometre.test");
  // staff-modes.spec.ts (which runs before) counted from zero: count from what is there now.
  const mine = async () => Number((/(\d+)/.exec((await page.getByTestId("count-mine").textContent()) ?? "") ?? [0, 0])[1]);
  const before = await mine();
  const site = page.getByLabel("Lieu de collecte");
  const siteName = "Maison pour tous Albert Camus";
  await site.selectOption({ label: siteName });
  await page.getByRole("button", { name: "Démarrer un questionnaire accompagné" }).click();
  const banner = page.getByTestId("assisted-banner");
  await expect(banner).toHaveText(`Questionnaire accompagné par Enquêteur (Montpellier) — Lieu : ${siteName}`);
  await expect(page.getByRole("heading", { name: "À lire à la personne avant de commencer" })).toBeVisible();
  await expectAccessible(page);
  await completeToReview(page);
  await expect(banner).toContainText("Questionnaire accompagné par Enquêteur (Montpellier)");
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page.getByTestId("receipt-code")).toBeVisible();

  await page.getByRole("button", { name: "Répondre pour une autre personne" }).click();
  await expect(page).toHaveURL(/\/t\/montpellier\/q\//);
  await expect(banner).toHaveText(`Questionnaire accompagné par Enquêteur (Montpellier) — Lieu : ${siteName}`);
  await expect(page.getByRole("heading", { name: "À lire à la personne avant de commencer" })).toBeVisible();
  await completeToReview(page);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page.getByTestId("receipt-code")).toBeVisible();
  // Both responses are the interviewer's (assisted mode, with their attribution).
  await page.goto("/staff");
  await expect(page.getByTestId("count-mine")).toHaveText(`dont ${before + 2} par vous`);
});
