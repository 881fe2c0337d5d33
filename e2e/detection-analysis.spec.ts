import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * The eight rubriques (issue 13 item 3) on the demo's synthetic Grenoble 2015 sheet (182
 * situations, 69 ASF and 113 EP, imported by the seed): exact for a CCAS agent, protected for
 * the committee; filters without JavaScript; exports; the printable report.
 */
const stat = (page: Page, id: string) => page.locator(`[data-stat="${id}"] dd`);
const row = (page: Page, table: string, label: string) => page.locator(`[data-table="${table}"] tr`).filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });

test("a CCAS agent reads the exact rubriques, filters them, exports them and prints the report", async ({ page }) => {
  await signIn(page, "agent.grenoble@barometre.test");
  await page.getByRole("link", { name: "Analyse du repérage (huit rubriques)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Analyse du repérage");
  await expect(page.getByTestId("figures-notice")).toContainText("Chiffres exacts");
  await expect(stat(page, "situations")).toHaveText("182");
  await expect(stat(page, "households")).toHaveText("148");
  await expect(row(page, "by_service", "Écrivains publics")).toContainText("113");
  await expect(row(page, "by_service", "Aide sociale facultative")).toContainText("69");
  // Formes over all 182 situations (the report's 63.2 % non-réception), abandon apart.
  await expect(row(page, "formes", "Non réception")).toContainText("115");
  await expect(row(page, "formes", "Non réception")).toContainText("63,2");
  await expect(row(page, "abandon", "Abandon")).toContainText("25");
  await expect(page.locator('[data-table="formes"] caption')).toContainText("Base : 182");
  await expect(stat(page, "multi_households")).toContainText("25");
  await expect(stat(page, "ticks")).toHaveText("361");
  await expect(page.locator('[data-table="by_worker"]')).toBeVisible();
  await expect(page.locator('[data-table="households"]')).toBeVisible();
  await expectAccessible(page);

  // Filters are a GET form: the service filter keeps the ASF situations only.
  await page.getByLabel("Service détecteur").selectOption("asf");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/service=asf/);
  await expect(stat(page, "situations")).toHaveText("69");

  const csv = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).click();
  const csvFile = await csv;
  expect(csvFile.suggestedFilename()).toBe("rubriques-reperage-grenoble-chiffres-exacts.csv");
  const text = fs.readFileSync((await csvFile.path())!, "utf8");
  expect(text).toContain("Non connaissance");
  expect(text).not.toMatch(/M-[A-Z0-9]{6}/); // no household code leaves in a file
  const xlsx = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en XLSX" }).click();
  expect((await xlsx).suggestedFilename()).toBe("rubriques-reperage-grenoble-chiffres-exacts.xlsx");

  await page.getByRole("link", { name: "Rapport imprimable" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rapport du repérage du non-recours");
  await expect(stat(page, "situations")).toHaveText("69");
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  expect(pdf.length).toBeGreaterThan(20_000);
});

test("the committee reads protected rubriques: no worker, no household, nothing under the threshold", async ({ page, request }) => {
  await signIn(page, "comite.grenoble@barometre.test");
  await page.goto("/staff/reperage/analyse");
  await expect(page.getByTestId("figures-notice")).toContainText("Chiffres publiés au comité");
  await expect(page.locator('[data-table="formes"]')).toBeVisible();
  await expect(page.locator('[data-table="by_worker"]')).toHaveCount(0);
  await expect(page.locator('[data-table="households"]')).toHaveCount(0);
  const situations = Number((await stat(page, "situations").textContent())?.replace(/\s/g, ""));
  expect(Math.abs(situations - 182)).toBeLessThanOrEqual(24);
  await expectAccessible(page);

  // The JSON contract: the same protected figures; counts are 0, hidden or at least 5.
  const api = await page.request.get("/api/reperage/rubriques?t=grenoble");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.audience).toBe("committee");
  expect(body.households).toBeNull();
  for (const b of body.blocks) for (const t of b.tables) for (const r of t.rows) expect(r.n === null || r.n === 0 || r.n >= 5).toBe(true);
  // Another territory is not found; without a session, no access.
  expect((await page.request.get("/api/reperage/rubriques?t=montpellier")).status()).toBe(404);
  expect((await request.get("/api/reperage/rubriques?t=grenoble")).status()).toBe(401);
});

test("an interviewer has no access to the rubriques", async ({ page }) => {
  await signIn(page, "enqueteur.grenoble@barometre.test");
  expect((await page.request.get("/api/reperage/rubriques")).status()).toBe(403);
  await expect(page.getByRole("link", { name: "Analyse du repérage (huit rubriques)" })).toHaveCount(0);
});

test("without JavaScript, the filter form works and bad filters are refused in French", async ({ browser }) => {
  // Signed in with JavaScript (the sign-in page's own checks), then the same session without it.
  const signedIn = await browser.newContext();
  await signIn(await signedIn.newPage(), "admin.grenoble@barometre.test");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  const page = await context.newPage();
  await page.goto("/staff/reperage/analyse");
  await page.getByLabel("Du", { exact: true }).fill("2015-01-01");
  await page.getByLabel("Au", { exact: true }).fill("2015-06-30");
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page).toHaveURL(/from=2015-01-01/);
  const n = Number((await stat(page, "situations").textContent())?.replace(/\s/g, ""));
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(182);
  await page.goto("/staff/reperage/analyse?from=2015-13-01");
  await expect(page.getByRole("alert")).toContainText("Ces filtres ont été refusés");
  await context.close();
  await signedIn.close();
});
