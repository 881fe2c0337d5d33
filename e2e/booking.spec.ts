import { expect, test, type Page } from "@playwright/test";
import { completeToReview, expectAccessible, signIn } from "./helpers";

const MAIL_API = `http://127.0.0.1:${Number(process.env.E2E_SMTP_PORT || 3125) + 1}/messages`;

type Mail = { to: string; subject: string; text: string; attachments: { contentType: string; content: string }[] };

/** Waits for an e-mail delivered by the portal's worker to the SMTP server on loopback. */
async function waitForMail(to: string, subject: RegExp): Promise<Mail> {
  for (let i = 0; i < 60; i++) {
    const mails = (await (await fetch(`${MAIL_API}?to=${encodeURIComponent(to)}`)).json()) as Mail[];
    const found = mails.find((m) => subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No e-mail "${subject}" for ${to}`);
}

/** From the week view: the first free slot, jumping to the next availability when the week is empty. */
async function pickFirstSlot(page: Page, index = 0, weeksAhead = 0) {
  for (let i = 0; i < weeksAhead; i++) await page.getByRole("link", { name: "Semaine suivante →" }).click();
  const next = page.getByRole("link", { name: /^Prochaine disponibilité/ });
  if (await next.count()) await next.click();
  const slots = page.locator("a.slot");
  await expect(slots.first()).toBeVisible();
  const label = await slots.nth(index).getAttribute("aria-label");
  await slots.nth(index).click();
  return label!;
}

test("a person books without an account, gets the e-mail with its ICS, moves then cancels through the link", async ({ page }) => {
  test.setTimeout(180_000);
  const email = `personne.${Date.now()}@example.org`;
  await page.goto("/t/montpellier");
  await page.getByRole("link", { name: "Prendre rendez-vous avec le CCAS" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Étude de droits/ }).click();
  await expectAccessible(page);
  // Places nearest to the chosen neighbourhood first.
  await page.getByLabel(/Votre quartier/).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Trier les lieux" }).click();
  await expect(page.locator(".choice-list a").first()).toContainText("km");
  await page.locator(".choice-list a").first().click();
  await expectAccessible(page);
  // Two weeks ahead, so that moving (allowed up to 48 hours before) is still possible.
  await pickFirstSlot(page, 0, 2);
  await expectAccessible(page);

  // Bad input: a clear message, the values kept, nothing booked.
  await page.getByLabel("Nom et prénom").fill("Mme Test");
  await page.getByLabel("Téléphone").fill("12");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.locator("#err-phone")).toHaveText("Ce numéro de téléphone n'est pas valable.");
  await expect(page.getByLabel("Nom et prénom")).toHaveValue("Mme Test");
  await expectAccessible(page);

  await page.getByLabel("Téléphone").fill("");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.getByRole("heading", { name: "Votre rendez-vous est confirmé" })).toBeVisible();
  await expect(page.getByText(/pièce d'identité/)).toBeVisible();
  await expectAccessible(page);
  const manageUrl = page.url().replace(/\?.*$/, "");
  const when = await page.getByTestId("appointment-when").textContent();

  const confirmation = await waitForMail(email, /^Rendez-vous confirmé/);
  expect(confirmation.text).toContain(when!);
  expect(confirmation.text).toContain(manageUrl.replace(/^http:\/\/[^/]+/, ""));
  const ics = confirmation.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(ics?.content).toContain("BEGIN:VEVENT");
  expect(ics?.content).toContain("METHOD:REQUEST");

  // A tampered link is not found.
  const tampered = await page.request.get(manageUrl.slice(0, -3) + (manageUrl.endsWith("AAA") ? "BBB" : "AAA"));
  expect(tampered.status()).toBe(404);

  // Move through the link from the e-mail.
  await page.goto(manageUrl);
  await page.getByRole("link", { name: "Déplacer le rendez-vous" }).click();
  await pickFirstSlot(page, 1, 2);
  await page.getByRole("button", { name: "Confirmer le nouvel horaire" }).click();
  await expect(page.getByText("Votre rendez-vous a été déplacé.")).toBeVisible();
  const moved = await page.getByTestId("appointment-when").textContent();
  expect(moved).not.toBe(when);
  const change = await waitForMail(email, /^Rendez-vous déplacé/);
  expect(change.text).toContain(moved!);

  // Then cancel.
  await page.getByRole("button", { name: "Annuler le rendez-vous" }).click();
  await expect(page.getByRole("heading", { name: "Rendez-vous annulé" })).toBeVisible();
  await expectAccessible(page);
  const cancellation = await waitForMail(email, /annulé$/);
  expect(cancellation.attachments.find((a) => a.contentType.startsWith("text/calendar"))?.content).toContain("METHOD:CANCEL");
});

test("booking works with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/t/montpellier/rendez-vous");
  await page.getByRole("link", { name: /Aide aux démarches en ligne/ }).click();
  await page.locator(".choice-list a").first().click();
  await pickFirstSlot(page);
  await page.getByLabel("Nom et prénom").fill("Sans JS");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.locator("#err-phone")).toHaveText("Indiquez un téléphone ou une adresse e-mail.");
  await page.getByLabel("Téléphone").fill("06 98 76 54 32");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.getByRole("heading", { name: "Votre rendez-vous est confirmé" })).toBeVisible();
  await context.close();
});

test("an agent sees a booking in the calendar and marks it seen; staff book on behalf from a callback request", async ({ browser }) => {
  test.setTimeout(240_000);
  // A respondent opts in for a rights review and books online.
  const respondent = await browser.newContext();
  const r = await respondent.newPage();
  await r.goto("/t/montpellier");
  await r.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await completeToReview(r);
  await r.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await r.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await r.getByLabel(/J'accepte d'être contacté/).check();
  await r.getByLabel("Votre prénom").fill("Karima");
  await r.getByLabel("Téléphone").fill("0611223344");
  await r.getByRole("radio", { name: "Appel téléphonique" }).check();
  await r.getByRole("button", { name: "Envoyer ma demande" }).click();
  await r.getByRole("link", { name: "Prendre rendez-vous avec le CCAS" }).click();
  await r.getByRole("link", { name: /Étude de droits/ }).click();
  await r.locator(".choice-list a").first().click();
  await pickFirstSlot(r, 2);
  // Prefilled from the opt-in, in the same browser only.
  await expect(r.getByLabel("Nom et prénom")).toHaveValue("Karima");
  await expect(r.getByLabel("Téléphone")).toHaveValue("+33611223344");
  await r.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(r.getByRole("heading", { name: "Votre rendez-vous est confirmé" })).toBeVisible();
  const when = (await r.getByTestId("appointment-when").textContent())!;
  await respondent.close();

  const agent = await browser.newContext();
  const page = await agent.newPage();
  await signIn(page, "agent.montpellier@barometre.test");
  await page.getByRole("link", { name: "Rendez-vous (agenda des agents)" }).click();
  await expectAccessible(page);
  // Go to the week of the appointment: the calendar's date field.
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  const m = /(\d{1,2}) (\S+) (\d{4})/.exec(when)!;
  const iso = `${m[3]}-${String(months.indexOf(m[2]) + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  await page.getByLabel("Date").fill(iso);
  await page.getByRole("button", { name: "Afficher" }).click();
  const time = /(\d{2}:\d{2})/.exec(when)![1];
  const row = page.getByTestId("calendar-row").filter({ hasText: time }).filter({ hasText: "Étude de droits" });
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText("Karima"); // no personal data in the calendar
  await row.getByRole("link").click();
  await expect(page.getByText("Karima")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Marquer reçu" }).click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Reçu");

  // Booking on behalf from the rights-review request.
  await page.goto("/staff/rappels");
  await page.locator("tbody tr").filter({ hasText: "Mosson" }).or(page.locator("tbody tr")).last().getByRole("link").click();
  await page.getByRole("link", { name: "Prendre rendez-vous pour cette personne" }).click();
  await expectAccessible(page);
  await page.getByLabel("Motif").selectOption({ label: "Suivi de dossier (réservé aux agents)" });
  await page.getByRole("button", { name: "Voir les horaires" }).click();
  await page.getByLabel("Lieu").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Voir les horaires" }).click();
  await pickFirstSlot(page);
  await expect(page.getByLabel("Nom et prénom")).not.toHaveValue("");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.getByText(/Rendez-vous pris/)).toBeVisible();
  await expect(page.getByText("pris par un agent")).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir la demande d'étude de droits" })).toBeVisible();
  await agent.close();
});

test("other roles and territories cannot reach the calendar or an appointment", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "comite.montpellier@barometre.test");
  expect((await page.goto("/staff/rendez-vous"))!.status()).toBe(404);
  expect((await page.goto("/staff/rendez-vous/messages"))!.status()).toBe(404);
  const post = await page.request.post("/api/rendez-vous/00000000-0000-0000-0000-000000000000/statut", { form: { status: "seen" } });
  expect(post.status()).toBe(403);
  await context.close();
  const grenoble = await browser.newContext();
  const g = await grenoble.newPage();
  await signIn(g, "agent.grenoble@barometre.test");
  expect((await g.goto("/staff/rendez-vous?t=montpellier"))!.status()).toBe(404);
  await grenoble.close();
});
