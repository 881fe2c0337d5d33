import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, submitAndOptIn, waitForMail } from "./helpers";

/** Follows a link by its address: links navigate client-side with JavaScript, this waits for the new page. */
async function follow(page: Page, link: ReturnType<Page["getByRole"]>) {
  await page.goto((await link.first().getAttribute("href"))!);
}

async function chooseMotive(page: Page, name: RegExp) {
  await follow(page, page.getByRole("link", { name }));
  await expect(page.getByRole("heading", { name: "2. Où ?" })).toBeVisible();
}

async function chooseFirstPlace(page: Page) {
  await follow(page, page.locator(".choice-list a"));
  await expect(page.getByRole("heading", { name: /^3\. Quand/ })).toBeVisible();
}

/** From the week view: a free slot, some weeks ahead, jumping to the next availability when the week is empty. */
async function pickSlot(page: Page, index = 0, weeksAhead = 0) {
  for (let i = 0; i < weeksAhead; i++) await follow(page, page.getByRole("link", { name: "Semaine suivante →" }));
  const next = page.getByRole("link", { name: /^Prochaine disponibilité/ });
  if (await next.count()) await follow(page, next);
  const slots = page.locator("a.slot");
  await expect(slots.first()).toBeVisible();
  await page.goto((await slots.nth(index).getAttribute("href"))!);
}

test("a person books without an account, gets the e-mail with its ICS, moves then cancels through the link", async ({ page }) => {
  test.setTimeout(180_000);
  const email = `personne.${Date.now()}@example.org`;
  await page.goto("/t/montpellier");
  await follow(page, page.getByRole("link", { name: "Prendre rendez-vous avec le CCAS" }));
  await expectAccessible(page);
  await chooseMotive(page, /Étude de droits/);
  await expectAccessible(page);
  // Places nearest to the chosen neighbourhood first.
  await page.getByLabel(/Votre quartier/).selectOption({ label: "Mosson" });
  await page.getByRole("button", { name: "Trier les lieux" }).click();
  await expect(page).toHaveURL(/quartier=/);
  await expect(page.locator(".choice-list a").first()).toContainText("km");
  await chooseFirstPlace(page);
  await expectAccessible(page);
  // Two weeks ahead, so that moving (allowed up to 48 hours before) is still possible.
  await pickSlot(page, 0, 2);
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
  await follow(page, page.getByRole("link", { name: "Déplacer le rendez-vous" }));
  await pickSlot(page, 1, 2);
  await page.getByRole("button", { name: "Confirmer le nouvel horaire" }).click();
  await expect(page.getByText("Votre rendez-vous a été déplacé.")).toBeVisible();
  const moved = await page.getByTestId("appointment-when").textContent();
  expect(moved).not.toBe(when);
  const change = await waitForMail(email, /^Rendez-vous déplacé/);
  expect(change.text).toContain(moved!);

  // Then cancel: a confirmation box first (the browser stops the post while it is unticked).
  await page.getByRole("button", { name: "Annuler le rendez-vous" }).click();
  await expect(page.getByRole("heading", { name: "Rendez-vous annulé" })).toHaveCount(0);
  await page.getByLabel(/Je confirme l'annulation de ce rendez-vous/).check();
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
  await chooseMotive(page, /Aide aux démarches en ligne/);
  await chooseFirstPlace(page);
  await pickSlot(page);
  // An empty name and a bad e-mail: both named, in the summary and beside the fields.
  await page.getByRole("textbox", { name: "E-mail" }).fill("sans-js@");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.locator("#err-name")).toHaveText("Indiquez votre nom (80 caractères au plus).");
  await expect(page.locator("#err-email")).toHaveText("Cette adresse e-mail n'est pas valable.");
  await expect(page.locator("#erreurs")).not.toContainText("Le formulaire n'a pas pu être lu");
  await expect(page.locator("#erreurs a").first()).toContainText("Nom et prénom");
  await page.getByRole("textbox", { name: "E-mail" }).fill("");
  await page.getByLabel("Nom et prénom").fill("Sans JS");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.locator("#err-phone")).toHaveText("Indiquez un numéro de téléphone ou une adresse e-mail.");
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
  await submitAndOptIn(r, "Karima");
  await follow(r, r.getByRole("link", { name: "Prendre rendez-vous avec le CCAS" }));
  await chooseMotive(r, /Étude de droits/);
  await chooseFirstPlace(r);
  await pickSlot(r, 2);
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
  await follow(page, page.getByRole("link", { name: "Rendez-vous (agenda des agents)" }));
  await expect(page.getByRole("heading", { name: "Rendez-vous", level: 1 })).toBeVisible();
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
  await expect(row).toContainText("Karima"); // who is expected, for agents (the view is audited)
  await follow(page, row.getByRole("link"));
  await expect(page.getByText("Karima")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Marquer reçu" }).click();
  await expect(page.getByTestId("appointment-status")).toHaveText("Reçu");

  // The agent's private calendar feed: the appointment, without the person's name.
  await page.goto("/staff/rendez-vous");
  await page.getByRole("button", { name: /Créer mon adresse d'agenda|Remplacer mon adresse/ }).click();
  const feedUrl = (await page.getByTestId("feed-url").textContent())!;
  const feed = await (await page.request.get(feedUrl)).text();
  expect(feed).toContain("BEGIN:VEVENT");
  expect(feed).toContain("Étude de droits");
  expect(feed).not.toContain("Karima");
  expect((await page.request.get(feedUrl.slice(0, -4) + "AAAA")).status()).toBe(404);

  // Booking on behalf from the rights-review request.
  await page.goto("/staff/rappels");
  // The newest request is Karima's, named in its link.
  await follow(page, page.getByRole("link", { name: "Karima", exact: true }).last());
  await follow(page, page.getByRole("link", { name: "Prendre rendez-vous pour cette personne" }));
  await expect(page.getByRole("heading", { name: "Prendre rendez-vous pour une personne" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Motif").selectOption({ label: "Suivi de dossier (réservé aux agents)" });
  await page.getByRole("button", { name: "Voir les horaires" }).click();
  await page.getByLabel("Lieu").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Voir les horaires" }).click();
  await pickSlot(page);
  await expect(page.getByLabel("Nom et prénom")).toHaveValue("Karima");
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await expect(page.getByText(/Rendez-vous pris/)).toBeVisible();
  await expect(page.getByText("pris par un agent")).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir la demande d'étude de droits" })).toBeVisible();
  await agent.close();
});

test("the territory lead reads the outbox; other roles and territories cannot reach the calendar", async ({ browser }) => {
  const lead = await browser.newContext();
  const l = await lead.newPage();
  await signIn(l, "admin.montpellier@barometre.test");
  await l.goto("/staff/rendez-vous/messages");
  await expect(l.getByTestId("outbox-row").first()).toBeVisible();
  await expectAccessible(l);
  await follow(l, l.getByTestId("outbox-row").first().getByRole("link", { name: "Lire" }));
  await expect(l.getByText("Destinataire :")).toBeVisible();
  await lead.close();

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
