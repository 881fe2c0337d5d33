import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import { completeToReview, expectAccessible, expectNoCspViolation, signIn, submitAndOptIn } from "./helpers";

/** Web hardening (issue 10): cross-site posts, security headers, malformed inputs, shared devices. */

const BASE = new URL(`http://localhost:${Number(process.env.E2E_PORT || 3100)}`);
/** Another port of the same host: another origin (what the outside sweep used). */
const OTHER_ORIGIN = `http://localhost:${Number(BASE.port) + 1}`;
const ANY_ID = "6f1c2b9e-8a4d-4c3e-9b7a-0d2e4f6a8b1c";
const REFUSED = "Requête refusée : elle ne provient pas du portail.";

/** Every state-changing route handler of the portal (grep "export const POST|export async function POST" app). */
const POST_ROUTES = (requestId: string) => [
  "/api/antennes", `/api/antennes/${ANY_ID}/supprimer`, "/api/kiosks", `/api/kiosks/${ANY_ID}/revoke`, "/api/kiosks/leave",
  `/api/rappels/${requestId}/prendre`, `/api/rendez-vous/${ANY_ID}/statut`, "/api/rendez-vous/flux", "/api/tableau-de-bord/reglages",
  "/langue", "/api/auth/signout",
  "/t/montpellier/start", "/t/montpellier/answer", "/t/montpellier/submit", "/t/montpellier/fin", "/t/montpellier/resume",
  "/t/montpellier/ma-demande/voir", "/t/montpellier/ma-demande/retirer",
];

async function createRequest(browser: Browser): Promise<string> {
  const ctx = await browser.newContext();
  await submitAndOptIn(await ctx.newPage(), "Origine");
  await ctx.close();
  const lead = await browser.newContext();
  const p = await lead.newPage();
  await signIn(p, "admin.montpellier@barometre.test");
  const csv = await (await p.request.get("/api/rappels/export")).text();
  await lead.close();
  const ids = [...csv.matchAll(/"([0-9a-f-]{36})"/g)].map((m) => m[1]);
  return ids[ids.length - 1];
}

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["content-security-policy"], what).toMatch(/frame-ancestors 'none'/);
  expect(h["content-security-policy"], what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  expect(h["permissions-policy"], what).toContain("camera=()");
}

test("a page of another origin changes nothing through any route handler, even for a signed-in agent", async ({ browser }) => {
  test.setTimeout(180_000);
  const requestId = await createRequest(browser);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "admin.montpellier@barometre.test");
  // The same browser also holds a respondent's open draft.
  await page.goto("/t/montpellier");
  await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
  await page.waitForURL(/\/q\//);
  const draftUrl = page.url();

  for (const path of POST_ROUTES(requestId)) {
    const variants: Record<string, string>[] = [{ Origin: OTHER_ORIGIN }, { Origin: "null" }, { "Sec-Fetch-Site": "cross-site" }, { "Sec-Fetch-Site": "same-site" }];
    for (const headers of variants) {
      const res = await page.request.post(path, { form: { locale: "en", outcome: "no_answer", name: "Antenne pirate", territory: "montpellier", code: "x", receipt: "x" }, headers, maxRedirects: 0 });
      expect(res.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(await res.text(), path).toBe(REFUSED);
      expectSecurityHeaders(res, `refusal of ${path}`);
    }
  }
  // Nothing changed: the request is still unclaimed (this claim from the portal itself wins),
  // the draft is still open, the staff session still works, the language is still French.
  const claim = await page.request.post(`/api/rappels/${requestId}/prendre`, { form: {}, headers: { Origin: BASE.origin }, maxRedirects: 0 });
  expect(claim.status()).toBe(303);
  expect(claim.headers().location).toContain("msg=saved");
  await page.goto(draftUrl);
  await expect(page).toHaveURL(draftUrl);
  await expect(page.locator("form[data-hydrated], form").first()).toBeVisible();
  await page.goto("/staff/antennes");
  await expect(page.getByText("Antenne pirate")).toHaveCount(0);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  // A GET never ends a questionnaire: a link to /fin from anywhere leaves the draft alone.
  const viaLink = await page.request.get("/t/montpellier/fin", { maxRedirects: 0 });
  expect(viaLink.status()).toBe(303);
  expect(viaLink.headers()["set-cookie"] ?? "").not.toMatch(/bm_draft=;/);
  await page.goto("/t/montpellier/fin");
  await expect(page).toHaveURL(/\/t\/montpellier$/);
  await expect(page.getByRole("link", { name: "Reprendre où j'en étais" })).toBeVisible();
  await page.goto(draftUrl);
  await expect(page).toHaveURL(draftUrl);
  await ctx.close();
});

test("security headers on pages, route handlers, exports and files; every script carries the nonce", async ({ page }) => {
  const res = await page.goto("/t/montpellier");
  const headers = res!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
  const scripts = await page.locator("script").evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // A fresh nonce per answer.
  const again = await page.request.get("/t/montpellier");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);
  await expectNoCspViolation(page);

  await signIn(page, "admin.montpellier@barometre.test");
  for (const path of [
    "/t/montpellier", "/connexion", "/staff", "/page-inconnue", "/api/health", "/api/rappels/export", "/api/tableau-de-bord/export?format=csv",
    "/api/tableau-de-bord/export?format=xlsx", "/api/tableau-de-bord/vue", "/staff/tableau-de-bord/rapport", "/maplibre-gl-worker.mjs",
  ]) {
    const r = await page.request.get(path, { maxRedirects: 0 });
    expect(r.status(), path).toBeLessThan(500);
    expectSecurityHeaders(r, path);
  }
  // Private links send no Referer anywhere.
  const privateLink = await page.request.get("/t/montpellier/rendez-vous/g/jeton-inconnu");
  expect(privateLink.headers()["referrer-policy"]).toBe("no-referrer");
});

test("an assisted device shows nothing of the previous person", async ({ page }) => {
  test.setTimeout(120_000);
  // Montpellier has the demo booking motives. This file runs after e2e/staff-modes.spec.ts (files
  // run in name order), which counts this interviewer's responses from zero.
  await signIn(page, "enqueteur.montpellier@barometre.test");
  await page.getByRole("button", { name: "Démarrer un questionnaire accompagné" }).click();
  await completeToReview(page);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  const receipt = (await page.getByTestId("receipt-code").textContent())!;
  await page.getByRole("link", { name: "Je veux être recontacté·e" }).click();
  await page.getByLabel(/J'accepte d'être contacté/).check();
  await page.getByLabel("Votre prénom").fill("Personne-Précédente");
  await page.getByLabel("Téléphone").fill("0699887766");
  await page.getByRole("radio", { name: "Appel téléphonique" }).check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  await expect(page.getByText(/rien de cette demande n'est gardé/)).toBeVisible();
  await expectAccessible(page);
  expect(await page.locator("main").innerText()).not.toContain(receipt);

  // Later, on the same device: no receipt, no request to withdraw, no prefilled contact.
  await page.goto("/staff");
  for (const path of ["/t/montpellier/merci", "/t/montpellier/etude-de-droits", "/t/montpellier/ma-demande"]) {
    await page.goto(path);
    const html = await page.content();
    expect(html, path).not.toContain(receipt);
    expect(html, path).not.toContain("Personne-Précédente");
    expect(html, path).not.toContain("0699887766");
    await expect(page.getByRole("button", { name: "Retirer ma demande et effacer mes coordonnées" })).toHaveCount(0);
  }
  const withdraw = await page.request.post("/t/montpellier/ma-demande/retirer", { maxRedirects: 0 });
  expect(withdraw.headers().location ?? "").not.toContain("retire=1");
  await page.goto("/t/montpellier/rendez-vous");
  await page.goto((await page.getByRole("link", { name: /Étude de droits/ }).first().getAttribute("href"))!);
  await page.goto((await page.locator(".choice-list a").first().getAttribute("href"))!);
  const next = page.getByRole("link", { name: /^Prochaine disponibilité/ });
  if (await next.count()) await page.goto((await next.getAttribute("href"))!);
  await page.goto((await page.locator("a.slot").first().getAttribute("href"))!);
  await expect(page.getByLabel("Nom et prénom")).toHaveValue("");
  await expect(page.getByLabel("Téléphone")).toHaveValue("");
  expect(await page.content()).not.toContain("Personne-Précédente");
});

test("the map and every dashboard page work under the CSP", async ({ page }: { page: Page }) => {
  await signIn(page, "comite.montpellier@barometre.test");
  await page.goto("/staff/tableau-de-bord");
  await expect(page.getByTestId("dashboard-map")).toHaveAttribute("data-ready", "1", { timeout: 30_000 });
  await expectNoCspViolation(page);
});

test("malformed inputs get a clear 400/404 in French, never a 500", async ({ page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  const dashes = "-".repeat(36);
  // 36 dashes are not an id: not found, before the database sees them.
  for (const [path, form, text] of [
    [`/api/rappels/${dashes}/prendre`, {}, "Demande introuvable."],
    [`/api/rendez-vous/${dashes}/statut`, { status: "seen" }, "Rendez-vous introuvable."],
    [`/api/antennes/${dashes}/supprimer`, {}, "Antenne introuvable."],
    [`/api/kiosks/${dashes}/revoke`, { territory: "montpellier" }, "Borne inconnue."],
  ] as const) {
    const r = await page.request.post(path, { form, maxRedirects: 0 });
    expect(r.status(), path).toBe(404);
    expect(await r.text(), path).toBe(text);
  }
  for (const path of [`/staff/rappels/${dashes}`, `/staff/rendez-vous/${dashes}`]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  for (const path of [
    `/staff/rendez-vous/messages?voir=${dashes}`, "/staff/rendez-vous?date=2026-13-45", "/staff/rendez-vous?date=2026-02-30",
    `/staff/journal?from=2026-13-45&to=2026-02-30&actor=${dashes}&entityId=${dashes}`, `/staff/rappels?neighbourhood=${dashes}`,
    `/staff/rendez-vous/nouveau?demande=${dashes}&semaine=2026-13-45`, `/t/montpellier/rendez-vous?motif=${dashes}`,
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(200);
  }
  // A NUL (or any control character) in a text field is refused before it reaches PostgreSQL.
  for (const [path, form] of [
    ["/t/montpellier/answer", { section: "about_you", q__birth_year: "1980\u0000" }],
    ["/t/montpellier/ma-demande/voir", { receipt: "BM-\u0000AAAA" }],
    ["/t/montpellier/resume", { code: "abcd\u0000" }],
    ["/api/antennes", { name: "Antenne\u0000", neighbourhoodIds: ANY_ID }],
    ["/api/kiosks", { territory: "montpellier", name: "Borne\u0000", siteId: ANY_ID, idleSeconds: "60" }],
  ] as const) {
    const r = await page.request.post(path, { form, maxRedirects: 0 });
    expect(r.status(), path).toBe(400);
    expect(await r.text(), path).toContain("caractères non autorisés");
  }
  // A server action's body over the limit: 413 with a French message (it was a 500).
  const big = await page.request.post("/t/montpellier/etude-de-droits", {
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Origin: BASE.origin }, data: "x".repeat(70 * 1024),
  });
  expect(big.status()).toBe(413);
  expect(await big.text()).toBe("Formulaire trop volumineux.");

  // An absence at a time that does not exist in Paris (28 March 2027, 02:30) is refused, not moved.
  await page.goto("/staff/rendez-vous/reglages/absences");
  await page.getByLabel("Agent", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Début de l'absence, date").fill("2027-03-28");
  await page.getByLabel("Début de l'absence, heure").fill("02:30");
  await page.getByLabel("Fin de l'absence, date").fill("2027-03-28");
  await page.getByLabel("Fin de l'absence, heure").fill("12:00");
  await page.getByRole("button", { name: "Enregistrer l'absence" }).click();
  await expect(page.getByText("Cette heure n'existe pas ce jour-là à Paris (passage à l'heure d'été).").first()).toBeVisible();
  await expectAccessible(page);
});
