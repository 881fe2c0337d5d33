import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoCspViolation, signIn } from "./helpers";

/**
 * Help points (issue 14 item 3): the public list without JavaScript filtered by opening time and
 * benefit, the map, the printable sheet; the lead's form, import and export; the committee kept out.
 * Hours come from fixtures/places/montpellier.json (MPT and CCAS open weekday mornings, nothing on Sunday).
 */
const LIST = "/t/montpellier/lieux";
const names = async (page: Page) => (await page.getByTestId("help-point").getByRole("heading").allTextContents()).map((s) => s.trim());

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list filters by opening time (a Sunday, a Tuesday at 10:00) and by benefit", async ({ page }) => {
    await page.goto(`${LIST}?ouvert=1&le=2026-11-29&a=10:00`);
    await expect(page.getByTestId("places-count")).toContainText("Aucun lieu ne correspond.");
    await expect(page.getByTestId("help-point")).toHaveCount(0);

    // The same form, another day: filled and sent as a person would, without scripts.
    await page.getByLabel("Date").fill("2026-12-01");
    await page.getByLabel("Heure").fill("10:00");
    await page.getByRole("button", { name: "Afficher les lieux" }).click();
    await expect(page).toHaveURL(/ouvert=1/);
    const open = await names(page);
    expect(open).toContain("Maison pour tous Albert Camus");
    expect(open).toContain("CCAS de Montpellier — siège");
    expect(open).not.toContain("Association d'accès aux droits (illustratif)"); // Tuesday afternoons only
    expect(open.length).toBeGreaterThanOrEqual(25);
    const first = page.getByTestId("help-point").filter({ hasText: "Maison pour tous Albert Camus" });
    await expect(first.getByTestId("opening-state")).toHaveText(/^Ouvert maintenant, ferme/);
    await expect(first.getByText(/^mardi 1 décembre\u00A0: /)).toBeVisible();
    await expect(first.getByRole("link", { name: /^0\d( \d\d){4}$/ })).toHaveAttribute("href", /^tel:0\d{9}$/);
    await expect(first.getByText("Handicap psychique", { exact: false })).toBeVisible();

    await page.goto(LIST);
    await page.getByLabel("Aide pour une prestation").selectOption({ label: "AAH" });
    await page.getByRole("button", { name: "Afficher les lieux" }).click();
    await expect(page).toHaveURL(/aide=aah/);
    expect((await names(page)).sort()).toEqual(["Caisse d'allocations familiales — accueil (illustratif)", "France Services Montpellier (illustratif)"]);
    await expect(page.getByRole("link", { name: "AAH" }).first()).toHaveAttribute("href", "/t/montpellier/droits/aah");
  });

  test("a printable sheet per area", async ({ page }) => {
    await page.goto(LIST);
    const area = page.getByLabel("Quartier");
    const value = await area.locator("option").nth(1).getAttribute("value");
    await area.selectOption(value!);
    await page.getByRole("button", { name: "Afficher les lieux" }).click();
    await expect(page).toHaveURL(new RegExp(`quartier=${value}`));
    await expect(page.getByTestId("help-point").first()).toBeVisible();
    const shown = await names(page);
    expect(shown.length).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Imprimer la fiche de ce quartier" }).click();
    await expect(page).toHaveURL(new RegExp(`/lieux/imprimer\\?quartier=${value}`));
    expect(await names(page)).toEqual(shown);
    expect((await page.goto("/t/montpellier/lieux/imprimer?quartier=00000000-0000-0000-0000-000000000000"))?.status()).toBe(404);
  });
});

// The axe helper needs scripts in the page: the same pages, audited with JavaScript on.
test("axe on the list (filtered, empty), the printable sheet", async ({ page }) => {
  for (const url of [`${LIST}?ouvert=1&le=2026-11-29&a=10:00`, `${LIST}?aide=aah&ouvert=1&le=2026-12-01&a=10:00`, `${LIST}/imprimer`]) {
    await page.goto(url);
    await expectAccessible(page);
  }
  await page.goto(LIST);
  await page.getByLabel("Quartier").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Afficher les lieux" }).click();
  await page.getByRole("link", { name: "Imprimer la fiche de ce quartier" }).click();
  await expect(page).toHaveURL(/imprimer\?quartier=/);
  await expectAccessible(page);
});

test("the map draws the filtered points on a canvas, offline, and passes axe", async ({ page }) => {
  const remote: string[] = [];
  page.on("request", (r) => { if (!r.url().startsWith("http://localhost")) remote.push(r.url()); });
  await page.goto(`${LIST}?categorie=ccas`);
  const map = page.getByTestId("places-map");
  await expect(map).toHaveAttribute("data-ready", "1", { timeout: 30_000 });
  await expect(map).toHaveAttribute("data-points", "1");
  await expect(map.locator("canvas")).toBeVisible();
  await expect(page.getByRole("figure")).toContainText("Carte de 1 lieu");
  expect(remote).toEqual([]);
  await expectAccessible(page);
  await expectNoCspViolation(page);
});

test("the lead adds a place: bad opening hours refused with the position, then saved; archive and restore", async ({ page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  await page.getByRole("navigation", { name: "Navigation de l’espace professionnels" }).getByRole("link", { name: "Lieux d’aide" }).click();
  await expect(page).toHaveURL(/\/staff\/lieux$/);
  await expect(page.getByTestId("staff-help-point")).not.toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ajouter un lieu" }).click();
  await expectAccessible(page);
  await page.getByLabel("Nom du lieu").fill("Permanence e2e des droits");
  await page.getByLabel("Type de lieu").selectOption("association");
  await page.getByLabel("Horaires (syntaxe OpenStreetMap opening_hours)").fill("Mo-Fr 09:00-");
  await page.getByLabel("Téléphone").fill("+33 4 67 34 70 00");
  await page.getByLabel("Longitude").fill("3.8767");
  await page.getByLabel("Latitude").fill("43.6108");
  await page.getByRole("button", { name: "Enregistrer le lieu" }).click();
  const summary = page.locator("#erreurs");
  await expect(summary).toContainText("Horaires (syntaxe OpenStreetMap opening_hours) invalides");
  await expect(summary).toContainText("<---");
  await expect(page.getByLabel("Nom du lieu")).toHaveValue("Permanence e2e des droits");
  await expectAccessible(page);
  await page.getByLabel("Horaires (syntaxe OpenStreetMap opening_hours)").fill("Tu 09:00-12:00; PH off");
  await page.getByRole("button", { name: "Enregistrer le lieu" }).click();
  await expect(page.getByTestId("places-msg")).toHaveText("Lieu ajouté.");
  const row = page.getByTestId("staff-help-point").filter({ hasText: "Permanence e2e des droits" });
  await expect(row).toContainText("Tu 09:00-12:00; PH off");
  await row.getByRole("link", { name: "Permanence e2e des droits" }).click();
  await expect(page.getByLabel("Téléphone")).toHaveValue("04 67 34 70 00");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Retour aux lieux d’aide" }).click();

  await page.getByTestId("staff-help-point").filter({ hasText: "Permanence e2e des droits" }).getByRole("button", { name: /^Archiver/ }).click();
  await expect(page.getByTestId("places-msg")).toHaveText("Lieu archivé.");
  await page.goto(LIST);
  expect(await names(page)).not.toContain("Permanence e2e des droits");
  await page.goto("/staff/lieux");
  await page.getByTestId("staff-help-point").filter({ hasText: "Permanence e2e des droits" }).getByRole("button", { name: /^Rétablir/ }).click();
  await expect(page.getByTestId("places-msg")).toHaveText("Lieu rétabli.");
  await page.goto(LIST);
  expect(await names(page)).toContain("Permanence e2e des droits");
});

test("import: a dry run lists errors by row and column, then a good file is imported once; exports download", async ({ page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  await page.goto("/staff/lieux/import");
  await expectAccessible(page);
  const header = "id;nom;typologie;telephone;horaires_accueil;longitude;latitude";
  const send = async (name: string, text: string) => {
    await page.getByLabel("Fichier JSON ou CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Vérifier le fichier (essai)" }).click();
  };
  await send("bad.csv", `${header}\ne2e-a;Point A;ASSO;0467347000;Mo-Fr 09:00-12:00;3.87;43.61\ne2e-b;Point B;XYZ;12;Mo-Fr 25:00-12:00;3.87;43.61\n`);
  const issues = page.getByTestId("import-issues");
  await expect(issues.getByRole("row").filter({ hasText: "typologie" })).toContainText("3");
  await expect(issues.getByRole("row").filter({ hasText: "telephone" })).toContainText("Téléphone");
  await expect(issues.getByRole("row").filter({ hasText: "horaires_accueil" })).toContainText("invalides");
  await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);
  await expectAccessible(page);

  await send("good.csv", `${header}\ne2e-a;Point A;ASSO;0467347000;Mo-Fr 09:00-12:00;3.87;43.61\ne2e-b;Point B;CCAS;0467347001;Sa 09:00-12:00;3.88;43.6\n`);
  await expect(page.getByTestId("dry-run-summary")).toHaveText("2 lieux à créer, aucun à mettre à jour, aucune erreur.");
  await page.getByRole("button", { name: "Importer 2 lieux" }).click();
  await expect(page.getByTestId("places-msg")).toContainText("2 lieux créés");
  await page.goto(`${LIST}?ouvert=1&le=2026-11-28&a=10:00`); // a Saturday
  expect(await names(page)).toContain("Point B");

  // The same file again updates, never duplicates.
  await page.goto("/staff/lieux/import");
  await send("good.csv", `${header}\ne2e-a;Point A;ASSO;0467347000;Mo-Fr 09:00-12:00;3.87;43.61\ne2e-b;Point B;CCAS;0467347001;Sa 09:00-12:00;3.88;43.6\n`);
  await expect(page.getByTestId("dry-run-summary")).toHaveText("Aucun lieu à créer, 2 à mettre à jour, aucune erreur.");

  await page.goto("/staff/lieux");
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter en JSON (data·inclusion)" }).click()]);
  const doc = JSON.parse(await streamText(await json.createReadStream()));
  expect(doc.structures.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(["e2e-a", "montpellier-ccas-siege"]));
  expect(doc.services.length).toBe(doc.structures.length);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter en CSV (data·inclusion)" }).click()]);
  const text = await streamText(await csv.createReadStream());
  expect(text.split("\r\n")[0]).toContain('"id";"siret";"nom";"typologie"');
  expect(csv.suggestedFilename()).toBe("lieux-montpellier.csv");
});

test("the committee cannot reach the help points desk", async ({ page }) => {
  await signIn(page, "comite.montpellier@barometre.test");
  expect((await page.goto("/staff/lieux"))?.status()).toBe(404);
  expect((await page.goto("/staff/lieux/import"))?.status()).toBe(404);
  expect((await page.request.get("/staff/lieux/export?format=json")).status()).toBe(403);
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString("utf8");
}
