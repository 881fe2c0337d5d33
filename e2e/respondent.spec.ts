import { expect, test } from "@playwright/test";
import { completeToReview, expectAccessible, untilHydrated } from "./helpers";

const RSA_NOT_RECEIVED = {
  q__benefits__rsa__known: "yes",
  q__benefits__rsa__received: "no",
  q__benefits__rsa__asked: "no",
};

test("health answers with the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "pglite" });
});

test("an unknown territory is not found", async ({ page }) => {
  const res = await page.goto("/t/atlantide");
  expect(res?.status()).toBe(404);
});

test("a respondent completes the questionnaire with JavaScript", async ({ page }) => {
  await page.goto("/t/montpellier");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await expect(page).toHaveURL(/\/q\/about_you$/);
  // Instant validation needs the page's script: wait until the form is hydrated.
  await untilHydrated(page);

  // Instant validation: nothing is posted, the messages appear next to the questions.
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/q\/about_you$/);
  await expect(page.getByText("Merci de répondre à cette question.").first()).toBeVisible();

  // A display condition reacts at once: children's count only for households with children.
  await expect(page.locator('[name="q__children_count"]')).toBeHidden();
  await page.locator('[name="q__household_type"][value="single_parent"]').check();
  await expect(page.locator('[name="q__children_count"]')).toBeVisible();
  await page.locator('[name="q__household_type"][value="alone"]').check();
  await expect(page.locator('[name="q__children_count"]')).toBeHidden();

  await completeToReview(page, RSA_NOT_RECEIVED, true);
  await expectAccessible(page);
  await expect(page.getByRole("heading", { name: "Vérifiez vos réponses" })).toBeVisible();
  await expect(page.getByText(/^RSA/).first()).toBeVisible();
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page.getByRole("heading", { name: "Merci, vos réponses sont enregistrées" })).toBeVisible();
  await expect(page.getByTestId("receipt-code")).toHaveText(/^BM-[0-9A-Z]{12}$/);
  await expectAccessible(page);
});

test("the reasons cascade is asked for each benefit known but not received", async ({ page }) => {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  for (let i = 0; i < 10 && !page.url().includes("/q/reasons"); i++) {
    const { answerVisible } = await import("./helpers");
    await answerVisible(page, page.url().includes("/q/benefits") ? RSA_NOT_RECEIVED : {});
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.waitForLoadState("load");
  }
  await expect(page).toHaveURL(/\/q\/reasons$/);
  await expectAccessible(page);
  const forme = page.locator('[name="q__why_not__rsa__forme"]');
  await expect(forme.first()).toBeVisible();
  // Reasons appear only under the chosen forme.
  const raisons = page.locator('[name="q__why_not__rsa__raison"]:visible');
  await expect(raisons).toHaveCount(0);
  await page.locator('[name="q__why_not__rsa__forme"][value="non_demande"]').check();
  await expect(raisons.first()).toBeVisible();
  expect(await raisons.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).value.startsWith("non_demande:")))).toBe(true);
});

test("a respondent completes the questionnaire with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await expect(page).toHaveURL(/\/q\/about_you$/);

  // Server-side validation: messages next to the fields, entered values kept.
  await page.locator('[name="q__sex"][value="femme"]').check();
  await page.locator('[name="q__birth_year"]').fill("l'an 80");
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect(page).toHaveURL(/\/q\/about_you/);
  await expect(page.locator("#erreurs")).toContainText("à corriger");
  await expect(page.locator("#err-q__birth_year")).toHaveText("Indiquez un nombre entier, en chiffres.");
  await expect(page.locator('[name="q__sex"][value="femme"]')).toBeChecked();
  await expect(page.locator('[name="q__birth_year"]')).toHaveValue("l'an 80");
  // (axe needs JavaScript: the same server-rendered error page is audited in the next test.)

  await page.locator('[name="q__birth_year"]').fill("1980");
  await completeToReview(page, RSA_NOT_RECEIVED);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(page.getByTestId("receipt-code")).toHaveText(/^BM-/);
  await context.close();
});

test("the server's error page is accessible", async ({ page }) => {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  // The start navigation must be over before the page is reloaded (else "not attached").
  await expect(page).toHaveURL(/\/q\/about_you$/);
  // What a browser without JavaScript posts: the server answers with the section and its errors.
  const res = await page.request.post("/t/montpellier/answer", { form: { section: "about_you", q__birth_year: "abc" }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
  await page.reload();
  await expect(page.locator("#erreurs")).toBeVisible();
  await expect(page.locator("#err-q__birth_year")).toHaveText("Indiquez un nombre entier, en chiffres.");
  await expectAccessible(page);
});

test("bad posts are refused with a clear message and store nothing", async ({ page }) => {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await expect(page).toHaveURL(/\/q\/about_you$/);
  const unknown = await page.request.post("/t/montpellier/answer", { form: { section: "about_you", q__not_a_question: "1" }, maxRedirects: 0 });
  expect(unknown.status()).toBe(400);
  expect(await unknown.text()).toContain("Question inconnue");
  const section = await page.request.post("/t/montpellier/answer", { form: { section: "nope" }, maxRedirects: 0 });
  expect(section.status()).toBe(404);
  const big = await page.request.post("/t/montpellier/answer", { form: { section: "about_you", q__sex: "x".repeat(70_000) }, maxRedirects: 0 });
  expect(big.status()).toBe(400);
  const json = await page.request.post("/t/montpellier/answer", { data: { section: "about_you" }, maxRedirects: 0 });
  expect(json.status()).toBe(400);
  const site = await page.request.post("/t/montpellier/start", { form: { site: "MPT-inconnue" }, maxRedirects: 0 });
  expect(site.status()).toBe(404);
  // The draft is untouched: the section still shows no answer.
  await page.reload();
  await expect(page.locator("input:checked")).toHaveCount(0);
});

test("a resume code restores a draft on another device", async ({ browser }) => {
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await phone.goto("/t/montpellier");
  await phone.getByRole("button", { name: "Commencer le questionnaire" }).click();
  const { answerVisible } = await import("./helpers");
  await answerVisible(phone, { q__sex: "homme" });
  await phone.getByRole("button", { name: "Suivant" }).click();
  await expect(phone).toHaveURL(/\/q\/neighbourhood$/);
  await phone.getByRole("button", { name: "Enregistrer et reprendre plus tard" }).click();
  const code = await phone.getByTestId("resume-code").textContent();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expectAccessible(phone);

  const computer = await browser.newContext();
  const page = await computer.newPage();
  await page.goto("/t/montpellier/reprendre");
  await expectAccessible(page);
  await page.getByLabel("Code de reprise").fill(code!.toLowerCase());
  await page.getByRole("button", { name: "Reprendre" }).click();
  await expect(page).toHaveURL(/\/q\/neighbourhood$/);
  await page.getByRole("button", { name: "Précédent" }).click();
  await expect(page.locator('[name="q__sex"][value="homme"]')).toBeChecked();

  // A wrong code says so, and nothing happens.
  await page.goto("/t/montpellier/reprendre");
  await page.getByLabel("Code de reprise").fill("ZZZZZ-ZZZZZ");
  await page.getByRole("button", { name: "Reprendre" }).click();
  await expect(page.locator("#code-error")).toContainText("n'est pas reconnu");
  await computer.close();
  await phoneContext.close();
});

test("the questionnaire is available in English", async ({ page }) => {
  await page.goto("/t/grenoble");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Start the questionnaire" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Start the questionnaire" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Please answer this question.").first()).toBeVisible();
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("button", { name: "Suivant" })).toBeVisible();
});
