import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-barometre-2026";

/**
 * Content-Security-Policy violations reported on the current page so far (the browser's reports
 * are buffered, so violations from before this call count too). Scripts must run for this: a
 * page opened with JavaScript off is not checked (nothing of it could be blocked as a script).
 */
export async function cspViolations(page: Page): Promise<string[]> {
  const scripted = await page.evaluate(() => true).catch(() => false);
  if (!scripted) return [];
  return page.evaluate(() => new Promise<string[]>((resolve) => {
    const seen: string[] = [];
    type CspBody = { effectiveDirective?: string; blockedURL?: string; sourceFile?: string; lineNumber?: number };
    const describe = (r: Report) => {
      const b = r.body as unknown as CspBody;
      return `${b.effectiveDirective} blocked ${b.blockedURL} (${b.sourceFile ?? r.url}:${b.lineNumber ?? "?"})`;
    };
    const observer = new ReportingObserver((reports) => seen.push(...reports.map(describe)), { types: ["csp-violation"], buffered: true });
    observer.observe();
    setTimeout(() => {
      seen.push(...observer.takeRecords().map(describe));
      observer.disconnect();
      resolve(seen);
    }, 50);
  }));
}

/** The page works under the portal's Content-Security-Policy: nothing was blocked. */
export async function expectNoCspViolation(page: Page) {
  expect(await cspViolations(page), `CSP violations on ${page.url()}`).toEqual([]);
}

/** Axe audit (WCAG 2.1 A/AA rules): no serious or critical violation on the page; no CSP violation either. */
export async function expectAccessible(page: Page) {
  // Next streams the <title> of dynamic pages after the body: audit the page once it is there.
  await page.waitForFunction(() => document.title !== "");
  await expectNoCspViolation(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Answers every visible, unanswered question of the current section with its first plain
 * choice (never "prefer not to say"), using only what a person could click or type.
 * Works with JavaScript on or off.
 */
export async function answerVisible(page: Page, overrides: Record<string, string> = {}) {
  await untilHydrated(page);
  for (const [name, value] of Object.entries(overrides)) {
    const field = page.locator(`[name="${name}"]`).first();
    const type = await field.getAttribute("type");
    if (type === "radio" || type === "checkbox") await page.locator(`[name="${name}"][value="${value}"]`).check();
    else if (await page.locator(`select[name="${name}"]`).count()) await field.selectOption(value);
    else await field.fill(value);
  }
  const radios = page.locator('input[type="radio"]:visible');
  const seen = new Set<string>(Object.keys(overrides));
  for (let i = 0; i < (await radios.count()); i++) {
    const r = radios.nth(i);
    // An answer may hide later questions (live conditions): the list can shrink under the loop.
    const name = await r.getAttribute("name", { timeout: 2_000 }).catch(() => null);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const checked = await page.locator(`input[name="${name}"]:checked`).count();
    if (!checked && (await r.getAttribute("value")) !== "prefer_not") await r.check();
  }
  const boxes = page.locator('fieldset:visible:has(input[type="checkbox"])');
  for (let i = 0; i < (await boxes.count()); i++) {
    const group = boxes.nth(i);
    const first = group.locator('input[type="checkbox"]').first();
    const name = (await first.getAttribute("name"))!;
    if (seen.has(name)) continue;
    if (!(await group.locator("input:checked").count())) await first.check();
  }
  const selects = page.locator("select:visible");
  for (let i = 0; i < (await selects.count()); i++) {
    const s = selects.nth(i);
    if (seen.has((await s.getAttribute("name"))!)) continue;
    if (!(await s.inputValue())) await s.selectOption({ index: 1 });
  }
  const inputs = page.locator('input[type="text"]:visible');
  for (let i = 0; i < (await inputs.count()); i++) {
    const input = inputs.nth(i);
    if (seen.has((await input.getAttribute("name"))!)) continue;
    if (!(await input.inputValue())) {
      const mode = await input.getAttribute("inputmode");
      await input.fill(mode === "numeric" || mode === "decimal" ? ((await input.getAttribute("name"))!.includes("year") ? "1980" : "2") : "Texte");
    }
  }
}

/**
 * With JavaScript, a section re-renders once hydrated (conditional questions shown to no-JS
 * readers get hidden): answer only after that, or the list of questions changes under the loop.
 */
export async function untilHydrated(page: Page) {
  if (!page.url().includes("/q/")) return;
  const scripted = await page.evaluate(() => "next" in window).catch(() => false);
  if (scripted) await page.locator("form[data-hydrated]").first().waitFor({ timeout: 15_000 });
}

/** Answers sections one after another until the review page. */
export async function completeToReview(page: Page, overrides: Record<string, string> = {}, audit = false) {
  for (let step = 0; step < 20; step++) {
    if (page.url().includes("/verifier")) return;
    if (audit) await expectAccessible(page);
    // Only fields on this page and shown (with JavaScript, a condition may hide one): read after
    // hydration, which hides the conditional fields rendered for readers without JavaScript.
    await untilHydrated(page);
    const own = Object.fromEntries(
      (await Promise.all(Object.entries(overrides).map(async ([k, v]) => ((await page.locator(`[name="${k}"]`).first().isVisible()) ? [k, v] : null))))
        .filter((x): x is [string, string] => x !== null),
    );
    await answerVisible(page, own);
    await page.getByRole("button", { name: /^(Suivant|Vérifier mes réponses|Next|Check my answers)$/ }).click();
    await page.waitForLoadState("load");
  }
  throw new Error(`Did not reach the review page, stuck at ${page.url()}`);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await expectNoCspViolation(page);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL(/\/staff/);
  await expectNoCspViolation(page);
}

/** A respondent submits a questionnaire and opts in for a rights review, in the given page. */
export async function submitAndOptIn(page: Page, firstName: string, phone = "0611223344") {
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await completeToReview(page);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await page.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await page.getByLabel(/J'accepte d'être contacté/).check();
  await page.getByLabel("Votre prénom").fill(firstName);
  await page.getByLabel("Téléphone").fill(phone);
  await page.getByRole("radio", { name: "Appel téléphonique" }).check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
}

/** The loopback SMTP server's reading API (e2e/smtp-server.mjs listens on the SMTP port + 1). */
const MAIL_API = `http://127.0.0.1:${Number(process.env.E2E_SMTP_PORT || 3125) + 1}/messages`;

export type Mail = { to: string; subject: string; text: string; attachments: { contentType: string; content: string }[] };

/** The `nth` e-mail whose subject matches, delivered by the portal's worker to an address (waits up to 30 s). */
export async function waitForMail(to: string, subject: RegExp, nth = 1): Promise<Mail> {
  for (let i = 0; i < 60; i++) {
    const mails = (await (await fetch(`${MAIL_API}?to=${encodeURIComponent(to)}`)).json()) as Mail[];
    const found = mails.filter((m) => subject.test(m.subject))[nth - 1];
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`No e-mail "${subject}" for ${to}`);
}

/** The path of the one-time link in the `nth` invitation e-mail received by an address. */
export async function waitForInvitation(to: string, nth = 1): Promise<string> {
  const mail = await waitForMail(to, /Votre compte/, nth);
  const link = /https?:\/\/\S+\/connexion\/invitation\?jeton=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  if (!link) throw new Error(`No invitation link in the e-mail to ${to}`);
  return new URL(link).pathname + new URL(link).search;
}

/** Fills and sends the invitation form of /staff/personnes. */
export async function invite(page: Page, name: string, email: string, role: string) {
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Rôle", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Envoyer l’invitation", exact: true }).click();
}
