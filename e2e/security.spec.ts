import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

/**
 * Sign-in redirects, session revocation and public rate limits. The limit tests speak for their
 * own client address (X-Forwarded-For, read as the client's address when no proxy is trusted),
 * so that the other specs — all from 127.0.0.1 — never share their counters.
 */
let n = 0;
const someAddress = () => `198.51.100.${randomInt(1, 254)}, 10.${randomInt(0, 256)}.${randomInt(0, 256)}.${++n}`;

test("after sign-in, a callbackUrl that points elsewhere stays on the portal", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of ["/%5Cexample.org/", "/%09/example.org/"]) {
    await page.context().clearCookies();
    await page.goto(`/connexion?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Adresse e-mail").fill("comite.grenoble@barometre.test");
    await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await page.waitForURL(/\/staff/);
    expect(new URL(page.url()).origin).toBe(origin);
  }
  // A legitimate path is kept.
  await page.context().clearCookies();
  await page.goto("/connexion?callbackUrl=/staff/tableau-de-bord");
  await page.getByLabel("Adresse e-mail").fill("comite.grenoble@barometre.test");
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL(/\/staff\/tableau-de-bord/);
});

test("the language switch goes back to the portal's own pages only", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const referer of [`${origin}//example.org/`, `${origin}/%5Cexample.org`, "https://example.org/x", "n'importe quoi"]) {
    const res = await request.post("/langue", { form: { locale: "fr" }, headers: { referer }, maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(new URL(res.headers().location, origin).origin).toBe(origin);
  }
  const ok = await request.post("/langue", { form: { locale: "fr" }, headers: { referer: `${origin}/t/montpellier?site=x` }, maxRedirects: 0 });
  expect(new URL(ok.headers().location, origin).pathname).toBe("/t/montpellier");
});

test("a copied session token no longer works after sign-out", async ({ page, browser }) => {
  await signIn(page, "admin.grenoble@barometre.test");
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const other = await thief.newPage();
  await other.goto("/staff");
  await expect(other).toHaveURL(/\/staff/); // the copy works while the session lives

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(/\/connexion/);
  await other.goto("/staff");
  await expect(other).toHaveURL(/\/connexion/);
  const api = await thief.request.get("/api/rappels/export");
  expect(api.status()).toBe(401);
  await thief.close();
});

test("receipt look-ups, resume codes and questionnaire starts answer 429 beyond their limits", async ({ request }) => {
  const burst = async (path: string, form: Record<string, string>, allowed: number) => {
    const headers = { "x-forwarded-for": someAddress() };
    for (let i = 0; i < allowed; i++) {
      const res = await request.post(path, { form, headers, maxRedirects: 0 });
      expect(res.status(), `${path} #${i + 1}`).toBe(303);
    }
    const refused = await request.post(path, { form, headers, maxRedirects: 0 });
    expect(refused.status()).toBe(429);
    expect(refused.headers()["retry-after"]).toMatch(/^\d+$/);
    expect(await refused.text()).toContain("Trop de tentatives");
    // Another address is not affected.
    const other = await request.post(path, { form, headers: { "x-forwarded-for": someAddress() }, maxRedirects: 0 });
    expect(other.status()).toBe(303);
  };
  await burst("/t/montpellier/ma-demande/voir", { receipt: "BM-ZZZZZZZZ" }, 20);
  await burst("/t/montpellier/resume", { code: "ZZZZZ-ZZZZZ" }, 20);
  await burst("/t/montpellier/start", {}, 60);
});

test("sign-in failures are throttled per client address, whatever the e-mails", async ({ page }) => {
  test.setTimeout(180_000);
  const attempt = async (email: string, password: string) => {
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await answered;
  };
  await page.setExtraHTTPHeaders({ "x-forwarded-for": someAddress() });
  await page.goto("/connexion");
  for (let i = 0; i < 30; i++) {
    await attempt(`devine-${i}@barometre.test`, "mauvais");
    await expect(page.locator("#signin-error")).toContainText("incorrect");
  }
  // The right password of a real account is refused from this address now…
  await attempt("comite.grenoble@barometre.test", DEMO_PASSWORD);
  await expect(page.locator("#signin-error")).toContainText("bloqué");
  await expect(page).toHaveURL(/\/connexion/);
  // …but not from another one.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": someAddress() });
  await attempt("comite.grenoble@barometre.test", DEMO_PASSWORD);
  await page.waitForURL(/\/staff/);
});
