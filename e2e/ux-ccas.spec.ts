import { expect, test, type Page } from "@playwright/test";
import { completeToReview, expectAccessible, signIn, waitForMail } from "./helpers";

// The stub of the SMS provider (e2e/sms-server.mjs), started by playwright.config.ts.
const SMS_API = `http://127.0.0.1:${Number(process.env.E2E_SMS_PORT || 3135)}/messages`;
type Sms = { to: string; from: string; text: string };

async function waitForSms(to: string, text: RegExp): Promise<Sms> {
  for (let i = 0; i < 60; i++) {
    const all = (await (await fetch(`${SMS_API}?to=${encodeURIComponent(to)}`)).json()) as Sms[];
    const found = all.find((m) => text.test(m.text));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No SMS ${text} for ${to}`);
}

const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

/** Follows a link by its address (client-side navigation otherwise races the assertions). */
async function follow(page: Page, link: ReturnType<Page["getByRole"]>) {
  await page.goto((await link.first().getAttribute("href"))!);
}

/** Questionnaire, then the rights-review opt-in; returns the receipt code. */
async function optIn(page: Page, firstName: string, phone: string) {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await completeToReview(page);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  const receipt = (await page.getByTestId("receipt-code").textContent())!;
  await page.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await page.getByLabel(/J'accepte d'être contacté/).check();
  await page.getByLabel("Votre prénom").fill(firstName);
  await page.getByLabel("Téléphone").fill(phone);
  await page.getByRole("radio", { name: "Appel téléphonique" }).check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  return receipt;
}

test("the CCAS queue puts a call-back due today first after the overdue ones, names as link texts; the request page keeps its place", async ({ browser }) => {
  test.setTimeout(180_000);
  const respondent = await browser.newContext();
  await optIn(await respondent.newPage(), "Zoé-Rappel", "06 10 20 30 40");
  await respondent.close();

  const agent = await browser.newContext();
  const page = await agent.newPage();
  await signIn(page, "agent.montpellier@barometre.test");
  await page.goto("/staff/rappels");
  // Table first, filters folded away.
  await expect(page.getByTestId("queue-table")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Langue" })).toBeHidden();
  await expectAccessible(page);
  const links = await page.getByTestId("queue-table").locator("tbody tr td:first-child a").allTextContents();
  expect(links).toContain("Zoé-Rappel");
  expect(links.filter((l) => /^\d/.test(l))).toEqual([]); // names, not dates

  await follow(page, page.getByRole("link", { name: "Zoé-Rappel", exact: true }));
  await expect(page.getByRole("link", { name: "06 10 20 30 40" })).toBeVisible(); // French national format
  await page.getByRole("button", { name: "Prendre cette demande" }).click();
  await expect(page).toHaveURL(/s=actions#actions$/);
  await expect(page.locator("#actions").getByTestId("request-message")).toHaveText("Enregistré.");
  await page.getByRole("radio", { name: "À rappeler" }).check();
  await page.getByLabel("Rappeler le", { exact: true }).fill(parisToday());
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page).toHaveURL(/#actions$/);
  await expectAccessible(page);

  await page.goto("/staff/rappels");
  const rows = page.getByTestId("queue-table").locator("tbody tr");
  const overdue = await page.getByTestId("queue-table").locator("tbody tr[data-overdue]").count();
  // Overdue first, then the call-back due today: Zoé's, named in its link.
  await expect(rows.nth(overdue)).toHaveAttribute("data-due-today", "true");
  await expect(rows.nth(overdue).getByRole("link")).toHaveText("Zoé-Rappel");
  await expect(rows.nth(overdue)).toContainText("aujourd'hui");
  // The filters open on demand.
  await page.locator("summary", { hasText: "Filtrer" }).click();
  await expect(page.getByRole("combobox", { name: "Langue" })).toBeVisible();
  await expectAccessible(page);
  await agent.close();
});

test("a phone-only booking gets its SMS from the provider stub; an agent sees who is expected and moves it from the calendar", async ({ browser }) => {
  test.setTimeout(180_000);
  const phone = "06 45 67 89 01";
  const e164 = "+33645678901";
  const person = await browser.newContext();
  const p = await person.newPage();
  await p.goto("/t/montpellier/rendez-vous");
  await follow(p, p.getByRole("link", { name: /Étude de droits/ }));
  await follow(p, p.locator(".choice-list a"));
  await follow(p, p.getByRole("link", { name: "Semaine suivante →" }));
  const next = p.getByRole("link", { name: /^Prochaine disponibilité/ });
  if (await next.count()) await follow(p, next);
  await p.goto((await p.locator("a.slot").first().getAttribute("href"))!);
  await p.getByLabel("Nom et prénom").fill("Lucien Texto");
  await p.getByLabel("Téléphone").fill(phone);
  await p.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(p.getByRole("heading", { name: "Votre rendez-vous est confirmé" })).toBeVisible();
  await expect(p.getByText("Un SMS de confirmation vous est envoyé")).toBeVisible();
  const ref = (await p.getByTestId("booking-reference").textContent())!;
  expect(ref).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expect(p.getByRole("heading", { name: "Garder ce récapitulatif" })).toBeVisible();
  await expect(p.getByRole("button", { name: "Imprimer ce récapitulatif" })).toBeVisible();
  await expectAccessible(p);
  const when = (await p.getByTestId("appointment-when").textContent())!;
  const sms = await waitForSms(e164, /rendez-vous confirmé/);
  expect(sms.from).toBe("CCAS test");
  expect(sms.text).toContain(`Réf. ${ref}`);
  expect(sms.text).toContain(p.url().replace(/\?.*$/, "").replace(/^http:\/\/[^/]+/, ""));
  // "M'envoyer ce récapitulatif": by e-mail to an address typed there, back to the same section.
  const address = `recap.${Date.now()}@example.org`;
  await p.getByLabel("M'envoyer ce récapitulatif par e-mail").fill(address);
  await p.getByRole("button", { name: "Envoyer le récapitulatif" }).click();
  await expect(p).toHaveURL(/recap=envoye#recap$/);
  await expect(p.getByText(/^C'est fait\s: le récapitulatif part/)).toBeVisible();
  await expectAccessible(p);
  const summary = await waitForMail(address, /./);
  expect(summary.subject).toMatch(/^Rendez-vous confirmé/);
  expect(summary.text).toContain("Lucien Texto");
  await person.close();

  const agent = await browser.newContext();
  const page = await agent.newPage();
  await signIn(page, "agent.montpellier@barometre.test");
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  const m = /(\d{1,2}) (\S+) (\d{4})/.exec(when)!;
  const iso = `${m[3]}-${String(months.indexOf(m[2]) + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  await page.goto(`/staff/rendez-vous?vue=jour&date=${iso}&agent=tous`);
  const row = page.getByTestId("calendar-row").filter({ hasText: "Lucien Texto" });
  await expect(row).toHaveCount(1); // who is expected, for agents
  await expectAccessible(page);
  await follow(page, row.getByRole("link", { name: /^Déplacer/ }));
  await expect(page.getByRole("heading", { name: "Déplacer ce rendez-vous" })).toBeVisible();
  const slots = page.getByRole("list", { name: /^Créneaux libres le/ }).getByRole("button");
  if (!(await slots.count())) {
    // That day is full: the next working day.
    await page.getByLabel("Jour").fill(new Date(Date.parse(`${iso}T12:00:00Z`) + (new Date(`${iso}T12:00:00Z`).getUTCDay() === 5 ? 3 : 1) * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Voir les créneaux libres" }).click();
  }
  await expectAccessible(page);
  await slots.first().click();
  await expect(page.getByText(/^Rendez-vous déplacé/)).toBeVisible();
  const moved = await waitForSms(e164, /déplacé/);
  expect(moved.text).toContain(`Réf. ${ref}`);
  await agent.close();
});

test("Ma demande asks for the code each time, shows where the request stands and corrects the contact details", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const receipt = await optIn(page, "Mireille", "06 11 22 33 44");
  // Phone only: the receipt code also arrives by SMS.
  const sms = await waitForSms("+33611223344", new RegExp(`Numéro de reçu : ${receipt}`));
  expect(sms.text).toContain("/t/montpellier/ma-demande");
  await page.getByRole("link", { name: "Ma demande : voir ou retirer" }).click();
  // Even right after the opt-in, nothing shows before the code is typed (shared computers).
  await expect(page.getByLabel("Votre numéro de reçu")).toBeVisible();
  await expect(page.getByTestId("my-request-status")).toHaveCount(0);
  await page.getByLabel("Votre numéro de reçu").fill(receipt);
  await page.getByRole("button", { name: "Voir ma demande" }).click();
  await expect(page.getByTestId("my-request-status")).toHaveText("Demande reçue : un agent du CCAS va vous contacter.");
  await expect(page.getByLabel("Téléphone")).toHaveValue("06 11 22 33 44");
  await expectAccessible(page);

  // A wrong number is refused where the person is looking; a right one is saved.
  await page.getByLabel("Téléphone").fill("12");
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page).toHaveURL(/#corriger$/);
  await expect(page.locator("#corr-error")).toHaveText("Ce numéro de téléphone n'est pas valide.");
  await expect(page.getByLabel("Téléphone")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Téléphone").fill("07 22 33 44 55");
  await page.getByRole("radio", { name: "SMS" }).check();
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page.getByText("C'est fait : vos coordonnées sont corrigées.")).toBeVisible();
  await expect(page.getByLabel("Téléphone")).toHaveValue("07 22 33 44 55");

  // The agent sees the corrected number and tries to call.
  const agent = await browser.newContext();
  const a = await agent.newPage();
  await signIn(a, "agent.montpellier@barometre.test");
  await a.goto("/staff/rappels");
  await follow(a, a.getByRole("link", { name: "Mireille", exact: true }));
  await expect(a.getByRole("link", { name: "07 22 33 44 55" })).toBeVisible();
  await a.getByRole("button", { name: "Prendre cette demande" }).click();
  await a.getByRole("radio", { name: "Pas de réponse" }).check();
  await a.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(a.getByText(/Pas de réponse \(/)).toBeVisible();
  await agent.close();

  await page.goto("/t/montpellier/ma-demande");
  await expect(page.getByTestId("my-request-status")).toContainText("Un agent a essayé de vous appeler le");
  // "J'ai terminé": the next person on this computer sees nothing.
  await page.getByRole("button", { name: /J'ai terminé/ }).click();
  await expect(page.getByText(/Votre demande est fermée sur cet appareil/)).toBeVisible();
  await page.goto("/t/montpellier/ma-demande");
  await expect(page.getByTestId("my-request-status")).toHaveCount(0);
  await expect(page.getByLabel("Votre numéro de reçu")).toHaveValue("");
  expect(await page.content()).not.toContain("Mireille");
  await context.close();
});

test("Ma demande works with JavaScript disabled: code, status, correction, end", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const receipt = await optIn(page, "Sans-JS", "06 13 57 91 35");
  await page.goto("/t/montpellier/ma-demande");
  await page.getByLabel("Votre numéro de reçu").fill(receipt);
  await page.getByRole("button", { name: "Voir ma demande" }).click();
  await expect(page.getByTestId("my-request-status")).toHaveText("Demande reçue : un agent du CCAS va vous contacter.");
  await page.getByLabel("Votre prénom").fill("Sans-JS corrigé");
  await page.getByRole("button", { name: "Enregistrer mes coordonnées" }).click();
  await expect(page.getByText("C'est fait : vos coordonnées sont corrigées.")).toBeVisible();
  await expect(page.getByLabel("Votre prénom")).toHaveValue("Sans-JS corrigé");
  await page.getByRole("button", { name: /J'ai terminé/ }).click();
  await expect(page.getByTestId("my-request-status")).toHaveCount(0);
  await context.close();
});
