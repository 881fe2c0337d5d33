import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * Booking settings of a territory: places, motives, opening slots, absences. Names are unique
 * per run because the demo seed may already hold booking data.
 */
const BASE = "/staff/rendez-vous/reglages";
const run = Date.now().toString(36);
const PLACE = `Maison e2e ${run}`;
const MOTIVE = `Motif e2e ${run}`;

async function optionValue(page: Page, select: string, text: string) {
  const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute("value");
  expect(value, `${select} option ${text}`).toBeTruthy();
  return value!;
}

test("a territory lead sets up places, motives, opening slots and absences; bad input stores nothing", async ({ page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  await page.getByRole("link", { name: "Réglages des rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Réglages des rendez-vous" })).toBeVisible();
  await expect(page.getByTestId("holidays")).toContainText("Noël");
  await expect(page.getByTestId("holidays")).toContainText("Lundi de Pentecôte");
  await expectAccessible(page);

  // Places: a refused post keeps the values and shows French messages next to the fields.
  await page.getByRole("link", { name: "Lieux", exact: true }).click();
  await expectAccessible(page);
  await page.getByLabel("Nom du lieu").fill(PLACE);
  await page.getByLabel("Adresse").fill("1 place de l'Essai");
  await page.getByLabel("Longitude").fill("3,87");
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Donnez la longitude et la latitude ensemble.");
  await expect(page.locator("#lieu-lat-err")).toHaveText("Donnez la longitude et la latitude ensemble.");
  await expect(page.getByLabel("Nom du lieu")).toHaveValue(PLACE);
  await expect(page.getByLabel("Latitude")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByTestId("place").filter({ hasText: PLACE })).toHaveCount(0);
  // Only a neighbourhood: the position comes from its centre.
  await page.getByLabel("Nom du lieu").fill(PLACE);
  await page.getByLabel("Adresse").fill("1 place de l'Essai");
  await page.getByLabel("Téléphone").fill("04 67 00 00 01");
  await page.getByLabel("Quartier").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByRole("status")).toHaveText("Enregistré.");
  const placeCard = page.getByTestId("place").filter({ hasText: PLACE });
  await expect(placeCard).toContainText("Position : 3,");
  await expect(placeCard).toContainText("04 67 00 00 01");
  const placeEdit = await placeCard.getByRole("link", { name: /Modifier/ }).getAttribute("href");
  // Another territory's lead: this place is not found.
  const other = await page.context().browser()!.newContext();
  const grenoble = await other.newPage();
  await signIn(grenoble, "admin.grenoble@barometre.test");
  expect((await grenoble.goto(placeEdit!))?.status()).toBe(404);
  await other.close();

  // Motives: the maximum delay must be longer than the minimum one.
  await page.goto(`${BASE}/motifs`);
  await expectAccessible(page);
  await page.getByLabel("Nom du motif").fill(MOTIVE);
  await page.getByLabel("Durée (en minutes)").fill("45");
  await page.getByLabel("Délai minimum de réservation, valeur").fill("3");
  await page.getByLabel("Délai minimum de réservation, unité").selectOption("days");
  await page.getByLabel("Délai maximum de réservation (en jours)").fill("2");
  await page.getByRole("button", { name: "Ajouter le motif" }).click();
  await expect(summary).toContainText("Le délai maximum doit être plus long que le délai minimum.");
  await expect(page.getByLabel("Délai minimum de réservation, unité")).toHaveValue("days");
  await expectAccessible(page);
  await page.getByLabel("Délai maximum de réservation (en jours)").fill("30");
  await page.getByLabel("Consignes données après la réservation").fill("Apportez votre dernier avis d'imposition.");
  // Optional English versions, for English pages and e-mails.
  await page.getByLabel("Traduction anglaise du nom").fill(`${MOTIVE} (EN)`);
  await page.getByLabel("Traduction anglaise des consignes").fill("Bring your latest tax notice.");
  await page.getByRole("button", { name: "Ajouter le motif" }).click();
  await expect(page.getByRole("status")).toHaveText("Enregistré.");
  await expect(page.getByTestId("motive").filter({ hasText: MOTIVE })).toContainText("45 min, sur place, réservable en ligne");
  await expect(page.getByTestId("motive").filter({ hasText: MOTIVE })).toContainText("Réservation de 3 jours à 30 jours avant");
  await page.getByTestId("motive").filter({ hasText: MOTIVE }).getByRole("link", { name: /Modifier/ }).click();
  await expect(page.getByLabel("Délai minimum de réservation, valeur")).toHaveValue("3");
  await expect(page.getByLabel("Traduction anglaise des consignes")).toHaveValue("Bring your latest tax notice.");
  await expectAccessible(page);
  await page.getByLabel("Durée (en minutes)").fill("60");
  await page.getByLabel("Réservable en ligne par les personnes").uncheck();
  await page.getByRole("button", { name: "Enregistrer le motif" }).click();
  await expect(page.getByRole("status")).toHaveText("Modifications enregistrées.");
  await expect(page.getByTestId("motive").filter({ hasText: MOTIVE })).toContainText("60 min, sur place, réservé par les agents");

  // Opening slots for the agent: no weekday → refused; then created; the same again → overlap.
  await page.goto(`${BASE}/plages`);
  await expectAccessible(page);
  const agent = await optionValue(page, "#plage-agentId", "Agent CCAS");
  const fillSlot = async () => {
    await page.getByLabel("Agent", { exact: true }).selectOption(agent);
    await page.getByLabel("Lieu", { exact: true }).selectOption({ label: PLACE });
    await page.getByLabel("Heure de début").fill("19:00");
    await page.getByLabel("Heure de fin").fill("20:30");
    await page.getByLabel(MOTIVE).check();
    await page.getByLabel("Valable à partir du").fill("2030-01-01");
    await page.getByLabel("Valable jusqu'au").fill("2030-06-30");
  };
  await fillSlot();
  await page.getByRole("button", { name: "Ajouter la plage" }).click();
  await expect(summary).toContainText("Choisissez au moins un jour de la semaine.");
  await expect(page.getByLabel("Heure de fin")).toHaveValue("20:30");
  await expectAccessible(page);
  await page.getByRole("group", { name: "Jours de la semaine" }).getByLabel("dimanche").check();
  await page.getByRole("button", { name: "Ajouter la plage" }).click();
  await expect(page.getByRole("status")).toHaveText("Enregistré.");
  await expect(page.getByTestId("opening-slot").filter({ hasText: PLACE })).toContainText("dimanche, de 19:00 à 20:30");
  await fillSlot();
  await page.getByRole("group", { name: "Jours de la semaine" }).getByLabel("dimanche").check();
  await page.getByLabel("Heure de début").fill("20:00");
  await page.getByLabel("Heure de fin").fill("21:00");
  await page.getByRole("button", { name: "Ajouter la plage" }).click();
  await expect(summary).toContainText("il ne peut pas être à deux endroits à la fois");
  await page.reload();
  await expect(page.getByTestId("opening-slot").filter({ hasText: PLACE })).toHaveCount(1);

  // Absences: the end must come after the start.
  await page.goto(`${BASE}/absences`);
  await expectAccessible(page);
  await page.getByLabel("Agent", { exact: true }).selectOption(agent);
  await page.getByLabel("Début de l'absence, date").fill("2030-02-04");
  await page.getByLabel("Début de l'absence, heure").fill("09:00");
  await page.getByLabel("Fin de l'absence, date").fill("2030-02-04");
  await page.getByLabel("Fin de l'absence, heure").fill("08:00");
  await page.getByLabel("Motif de l'absence").fill(`Formation ${run}`);
  await page.getByRole("button", { name: "Enregistrer l'absence" }).click();
  await expect(summary).toContainText("La fin doit être après le début.");
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByTestId("absence").filter({ hasText: `Formation ${run}` })).toHaveCount(0);
  await page.getByLabel("Agent", { exact: true }).selectOption(agent);
  await page.getByLabel("Début de l'absence, date").fill("2030-02-04");
  await page.getByLabel("Début de l'absence, heure").fill("09:00");
  await page.getByLabel("Fin de l'absence, date").fill("2030-02-05");
  await page.getByLabel("Fin de l'absence, heure").fill("17:30");
  await page.getByLabel("Motif de l'absence").fill(`Formation ${run}`);
  await page.getByRole("button", { name: "Enregistrer l'absence" }).click();
  await expect(page.getByRole("status")).toHaveText("Enregistré.");
  const absence = page.getByTestId("absence").filter({ hasText: `Formation ${run}` });
  await expect(absence).toContainText("09:00");
  await expect(absence).toContainText("17:30");
  await absence.getByRole("button", { name: /Supprimer/ }).click();
  await expect(page.getByRole("status")).toHaveText("Supprimé.");
  await expect(page.getByTestId("absence").filter({ hasText: `Formation ${run}` })).toHaveCount(0);

  // Edit the place, then archive it: no longer offered for new opening slots.
  await page.goto(placeEdit!);
  await expectAccessible(page);
  await page.getByLabel("Accès").fill("Tram ligne 1, arrêt Essai. Ascenseur.");
  await page.getByRole("button", { name: "Enregistrer le lieu" }).click();
  await expect(page.getByRole("status")).toHaveText("Modifications enregistrées.");
  await page.getByTestId("place").filter({ hasText: PLACE }).getByRole("button", { name: /Archiver/ }).click();
  await expect(page.getByRole("status")).toHaveText(/Archivé/);
  await expect(page.getByTestId("place").filter({ hasText: PLACE })).toContainText("archivé");
  await page.goto(`${BASE}/plages`);
  await expect(page.locator("#plage-placeId option", { hasText: PLACE })).toHaveCount(0);
  const slot = page.getByTestId("opening-slot").filter({ hasText: PLACE });
  await expect(slot).toContainText("lieu archivé");
  await slot.getByRole("button", { name: /Supprimer/ }).click();
  await expect(page.getByRole("status")).toHaveText("Supprimé.");
  await expect(page.getByTestId("opening-slot").filter({ hasText: PLACE })).toHaveCount(0);

});

test("the platform admin configures the territory picked with ?t=", async ({ page }) => {
  await signIn(page, "admin@barometre.test");
  await page.goto(`${BASE}/lieux?t=grenoble`);
  await expect(page.getByText("Territoire : Grenoble")).toBeVisible();
  const name = `Lieu Grenoble ${run}`;
  await page.getByLabel("Nom du lieu").fill(name);
  await page.getByLabel("Adresse").fill("2 rue de l'Essai, Grenoble");
  await page.getByLabel("Longitude").fill("5,7245");
  await page.getByLabel("Latitude").fill("45,1885");
  await page.getByRole("button", { name: "Ajouter le lieu" }).click();
  await expect(page.getByRole("status")).toHaveText("Enregistré.");
  expect(new URL(page.url()).searchParams.get("t")).toBe("grenoble");
  await expect(page.getByTestId("place").filter({ hasText: name })).toContainText("Position : 5,7245, 45,1885");
  await page.goto(`${BASE}/lieux?t=montpellier`);
  await expect(page.getByText("Territoire : Montpellier")).toBeVisible();
  await expect(page.getByTestId("place").filter({ hasText: name })).toHaveCount(0);
});

test("the forms work without JavaScript", async ({ browser }) => {
  const staff = await browser.newContext();
  await signIn(await staff.newPage(), "admin.montpellier@barometre.test");
  const ctx = await browser.newContext({ javaScriptEnabled: false, storageState: await staff.storageState() });
  await staff.close();
  const page = await ctx.newPage();
  await page.goto(`${BASE}/motifs`);
  const name = `Motif sans JS ${run}`;
  await page.getByLabel("Nom du motif").fill(name);
  await page.getByLabel("Durée (en minutes)").fill("600");
  await page.getByRole("button", { name: "Ajouter le motif" }).click();
  await expect(page.locator(".error-summary")).toContainText("La durée doit être un nombre entier de 5 à 480 minutes.");
  await expect(page.getByLabel("Nom du motif")).toHaveValue(name);
  await page.getByLabel("Durée (en minutes)").fill("20");
  await page.getByRole("radio", { name: "par téléphone" }).check();
  await page.getByRole("button", { name: "Ajouter le motif" }).click();
  await expect(page.getByRole("status")).toHaveText("Enregistré.");
  await expect(page.getByTestId("motive").filter({ hasText: name })).toContainText("20 min, par téléphone");
  await ctx.close();
});

test("agents and the committee get 404 on the settings pages", async ({ browser }) => {
  for (const email of ["agent.montpellier@barometre.test", "comite.montpellier@barometre.test"]) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, email);
    await expect(page.getByRole("link", { name: "Réglages des rendez-vous" })).toHaveCount(0);
    for (const sub of ["", "/lieux", "/motifs", "/plages", "/absences"]) {
      expect((await page.goto(`${BASE}${sub}`))?.status(), `${email} ${sub}`).toBe(404);
    }
    await ctx.close();
  }
  const anonymous = await browser.newPage();
  await anonymous.goto(BASE);
  expect(anonymous.url()).toContain("/connexion");
  await anonymous.close();
});
