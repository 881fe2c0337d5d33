import { expect, test, type Locator, type Page } from "@playwright/test";
import { breaches, evaluate, viewId, type AdversaryView, type Hierarchy } from "../lib/dashboard/adversary";
import { MAX_NOISE } from "../lib/dashboard/perturbation";
import type { DashboardView } from "../lib/dashboard/view";
import { expectAccessible, signIn } from "./helpers";

/**
 * Committee dashboards, on the e2e server's demo data plus 600 deterministic synthetic
 * responses in Montpellier (BAROMETRE_SEED_SYNTHETIC, set by scripts/e2e-server.mjs).
 */
type MapState = Record<string, { colour: string; suppressed: boolean }>;

async function mapState(map: Locator): Promise<MapState> {
  return JSON.parse((await map.getAttribute("data-map-state")) ?? "{}");
}

/** Runs a change and waits until the map has applied new feature states and repainted. */
async function recoloured(map: Locator, change: () => Promise<unknown>): Promise<MapState> {
  const before = Number((await map.getAttribute("data-recolour-count")) ?? 0);
  await change();
  await expect.poll(async () => Number((await map.getAttribute("data-recolour-count")) ?? 0)).toBeGreaterThan(before);
  return mapState(map);
}

/** Rendered pixels of the map's canvas, bucketed by colour (proves the repaint, not only the state). */
async function pixels(map: Locator): Promise<{ buckets: Record<string, number>; hatch: number }> {
  return map.locator("canvas").evaluate((gl: HTMLCanvasElement) => {
    const c = document.createElement("canvas");
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(gl, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const buckets: Record<string, number> = {};
    let hatch = 0;
    for (let i = 0; i < d.length; i += 16) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      if (Math.abs(r - 0x5b) < 12 && Math.abs(g - 0x5b) < 12 && Math.abs(b - 0x6b) < 12) hatch++;
      const k = `${r >> 4},${g >> 4},${b >> 4}`;
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    return { buckets, hatch };
  });
}

/** The table as { area name → "rate|num|den" or "hidden" }. */
async function tableFigures(page: Page): Promise<Record<string, string>> {
  return page.getByTestId("indicator-table").evaluate((table) => {
    const out: Record<string, string> = {};
    for (const tr of table.querySelectorAll("tbody tr, tfoot tr")) {
      const name = tr.querySelector("th")!.textContent!.trim();
      const num = tr.querySelector('[data-col="num"]')?.textContent?.replace(/\s/g, "");
      const den = tr.querySelector('[data-col="den"]')?.textContent?.replace(/\s/g, "");
      out[name] = tr.querySelector(".hidden-cell") ? "hidden" : num !== undefined ? `${num}/${den}` : "empty";
    }
    return out;
  });
}

function csvFigures(csv: string): Record<string, string> {
  const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(";").map((c) => c.replace(/^"|"$/g, "").replace(/""/g, '"')));
  const [header, ...rows] = lines;
  expect(header).toEqual(["Zone", "Taux (%)", "Borne basse IC 95 % (%)", "Borne haute IC 95 % (%)", "Numérateur", "Dénominateur", "Masqué"]);
  // Rates for French Excel: a decimal comma, e.g. "61,3".
  for (const r of rows) if (r[1]) expect(r[1]).toMatch(/^\d{1,3},\d$/);
  return Object.fromEntries(rows.map((r) => [r[0], r[6] === "oui" ? "hidden" : r[5] === "0" ? "empty" : `${r[4]}/${r[5]}`]));
}

test("a committee member maps an indicator, filters it, sees hidden small areas, and exports the same numbers", async ({ page }) => {
  await signIn(page, "comite.montpellier@barometre.test");
  await page.getByRole("link", { name: "Tableaux de bord du comité" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord — Montpellier");
  const map = page.getByTestId("dashboard-map");
  await expect(map).toHaveAttribute("data-ready", "1", { timeout: 30_000 });
  // Real responses only by default; the synthetic ones are offered, and marked once shown.
  await expect(page.getByTestId("synthetic-banner")).toHaveCount(0);
  const progressBefore = await page.getByTestId("progress-site").textContent();
  const synthetic = await recoloured(map, () => page.getByLabel("Données", { exact: true }).selectOption("synthetic"));
  await expect(page.getByTestId("synthetic-banner")).toBeVisible();
  // Collection progress follows the view changed in place (600 synthetic responses, not the real ones).
  await expect.poll(() => page.getByTestId("progress-site").textContent()).not.toBe(progressBefore);
  expect(Object.keys(synthetic)).toHaveLength(7); // Montpellier's 7 quartiers

  const pixelsBefore = await pixels(map);
  const figuresBefore = await tableFigures(page);
  const byIndicator = await recoloured(map, () => page.getByLabel("Indicateur", { exact: true }).selectOption("difficulty.online"));
  await expect.poll(() => tableFigures(page)).not.toEqual(figuresBefore);
  // Quantile classes may rank two indicators alike; when the colours moved, the canvas did too.
  if (JSON.stringify(byIndicator) !== JSON.stringify(synthetic)) expect((await pixels(map)).buckets).not.toEqual(pixelsBefore.buckets);
  // Colour classes are quantiles of each view, so a filter may keep every colour: compare the figures.
  await expect(page.getByTestId("indicator-table")).toBeVisible();
  const figuresByIndicator = await tableFigures(page);
  const filtered = await recoloured(map, () => page.getByLabel("Mode de collecte", { exact: true }).selectOption("self"));
  await expect.poll(() => tableFigures(page)).not.toEqual(figuresByIndicator);
  expect(page.url()).toMatch(/indicator=difficulty\.online/);
  expect(page.url()).toMatch(/mode=self/);
  expect(page.url()).toMatch(/source=synthetic/);

  // The map shows what the table says, area by area.
  const rows = page.getByTestId("indicator-table").locator("tbody tr");
  for (const [key, s] of Object.entries(filtered)) {
    const row = rows.and(page.locator(`[data-key="${key}"]`));
    await expect(row).toHaveCount(1);
    expect(await row.getAttribute("data-suppressed"), key).toBe(s.suppressed ? "1" : null);
    if (!s.suppressed) expect(s.colour).toMatch(/^#[0-9a-f]{6}$/);
  }

  // The shared link gives the same view; at IRIS level some areas fall under the threshold.
  await page.getByLabel("Découpage", { exact: true }).selectOption("iris");
  await page.waitForURL(/level=iris/);
  await expect(map).toHaveAttribute("data-ready", "1", { timeout: 30_000 });
  await expect.poll(async () => Object.keys(await mapState(map)).length, { timeout: 30_000 }).toBe(88);
  const iris = await mapState(map);
  const hidden = Object.entries(iris).filter(([, s]) => s.suppressed).map(([k]) => k);
  const shown = Object.entries(iris).filter(([, s]) => !s.suppressed && s.colour !== "#ffffff");
  expect(hidden.length).toBeGreaterThan(0);
  expect(shown.length).toBeGreaterThan(0);
  expect((await pixels(map)).hatch).toBeGreaterThan(0); // hidden areas are drawn hatched
  await page.screenshot({ path: "test-results/dashboard-iris.png", fullPage: true });
  const hiddenRow = page.locator(`[data-testid="indicator-table"] tbody tr[data-key="${hidden[0]}"]`);
  await expect(hiddenRow).toContainText("masqué");
  await expect(hiddenRow.locator('[data-col="num"]')).toHaveCount(0);
  await hiddenRow.getByRole("button").click();
  await expect(page.getByTestId("details")).toContainText("masqué");

  // CSV export of the view: the same numbers and the same hidden cells as the table.
  const table = await tableFigures(page);
  const href = await page.getByTestId("export-csv").getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  const csv = csvFigures(await res.text());
  expect(csv).toEqual({ ...table, "Quartier non renseigné ou hors territoire": csv["Quartier non renseigné ou hors territoire"] });
  expect(Object.values(csv).filter((v) => v === "hidden").length).toBe(hidden.length + (table["Quartier non renseigné ou hors territoire"] === "hidden" ? 1 : 0));
  const xlsx = await page.request.get(href!.replace("format=csv", "format=xlsx"));
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

  await expectAccessible(page);
  await page.goto(`/staff/tableau-de-bord/rapport?${new URL(page.url()).searchParams}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rapport du comité — Montpellier");
  await expect(page.locator("svg path")).toHaveCount(88);
  await expectAccessible(page);
});

test("a committee member maps a question of the territory's module, filters it and exports the same numbers", async ({ page }) => {
  await signIn(page, "comite.montpellier@barometre.test");
  await page.goto("/staff/tableau-de-bord?source=synthetic");
  const map = page.getByTestId("dashboard-map");
  await expect(map).toHaveAttribute("data-ready", "1", { timeout: 30_000 });
  // The picker lists the module's choice questions by section, after the common questionnaire's.
  const picker = page.getByLabel("Indicateur", { exact: true });
  const groups = await picker.locator("optgroup").evaluateAll((gs) => gs.map((g) => (g as HTMLOptGroupElement).label));
  const firstModule = groups.findIndex((g) => g.startsWith("Module du territoire — "));
  expect(firstModule).toBeGreaterThan(groups.findIndex((g) => g.startsWith("Questionnaire commun — ")));
  const option = picker.locator("optgroup").nth(firstModule).locator("option").first();
  const [value, label] = [(await option.getAttribute("value"))!, (await option.textContent())!];
  expect(value).toMatch(/^q\.[a-z0-9_]+\.[a-z0-9_]+$/);

  const mapped = await recoloured(map, () => picker.selectOption(value));
  expect(Object.keys(mapped)).toHaveLength(7);
  expect(page.url()).toContain(`indicator=${value}`);
  await expect(page.getByTestId("indicator-table").locator("caption")).toContainText(label.split(/\s:\s/)[0]);
  const filtered = await recoloured(map, () => page.getByLabel("Sexe", { exact: true }).selectOption("femme"));
  expect(page.url()).toMatch(/sex=femme/);
  const table = await tableFigures(page);
  // Shares of respondents who answered: a total with figures, perturbed for the committee.
  expect(Object.values(table).some((v) => /^\d+\/\d+$/.test(v))).toBe(true);
  const json = await (await page.request.get(`/api/tableau-de-bord/vue?${new URL(page.url()).searchParams}`)).json() as DashboardView;
  expect([json.indicator, json.audience]).toEqual([value, "committee"]);
  expect(Object.fromEntries(json.rows.map((r) => [r.key, r.suppressed]))).toEqual(Object.fromEntries(Object.entries(filtered).map(([k, s]) => [k, s.suppressed])));
  const csv = csvFigures(await (await page.request.get((await page.getByTestId("export-csv").getAttribute("href"))!)).text());
  expect(csv).toEqual({ ...table, "Quartier non renseigné ou hors territoire": csv["Quartier non renseigné ou hors territoire"] });
  await expectAccessible(page);
  // The report names the question too.
  await page.goto(`/staff/tableau-de-bord/rapport?${new URL(page.url()).searchParams}`);
  await expect(page.locator("#report-map")).toContainText(label.split(/\s:\s/)[0]);
  await expectAccessible(page);
  // A question the territory never published is refused, in French.
  const unknown = await page.request.get("/api/tableau-de-bord/vue?indicator=q.nope.yes");
  expect([unknown.status(), await unknown.text()]).toEqual([400, "Indicateur inconnu pour ce territoire."]);
});

test("bad filters give a French message and the default view", async ({ page }) => {
  await signIn(page, "comite.montpellier@barometre.test");
  await page.goto("/staff/tableau-de-bord?indicator=drop&sex=x");
  await expect(page.locator(".error-summary[role=alert]")).toContainText("Indicateur inconnu.");
  await expect(page.getByTestId("indicator-table")).toBeVisible();
  const api = await page.request.get("/api/tableau-de-bord/vue?indicator=drop");
  expect(api.status()).toBe(400);
  expect(await api.text()).toBe("Indicateur inconnu.");
  expect((await page.request.get("/api/tableau-de-bord/vue?level=nope")).status()).toBe(400);
});

test("the committee never reaches a respondent-level route, nor another territory", async ({ page }) => {
  await signIn(page, "comite.montpellier@barometre.test");
  const id = "00000000-0000-4000-8000-000000000000";
  for (const path of ["/staff/rappels", `/staff/rappels/${id}`, "/staff/journal", "/staff/kiosques", "/staff/antennes", "/staff/tableau-de-bord?t=grenoble", "/staff/tableau-de-bord/rapport?t=grenoble"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  for (const path of ["/api/rappels/export", `/api/rappels/${id}/prendre`]) {
    const res = path.includes("prendre") ? await page.request.post(path, { form: {}, maxRedirects: 0 }) : await page.request.get(path);
    expect(res.status(), path).toBe(403);
  }
  expect((await page.request.get("/api/tableau-de-bord/vue?t=grenoble")).status()).toBe(404);
  expect((await page.request.get("/api/tableau-de-bord/export?t=grenoble")).status()).toBe(404);
  // What the committee can fetch is aggregates: no receipt code, no response id.
  const view = await (await page.request.get("/api/tableau-de-bord/vue?source=synthetic&level=iris")).text();
  expect(view).not.toMatch(/SY-\d|BM-|responseId|receipt/i);
  const csv = await (await page.request.get("/api/tableau-de-bord/export?source=synthetic&level=iris")).text();
  expect(csv).not.toMatch(/SY-\d|BM-/);
});

test("roles: the interviewer and the anonymous visitor get no dashboard; the admin picks any territory", async ({ browser }) => {
  const anon = await browser.newContext();
  const a = await anon.newPage();
  await a.goto("/staff/tableau-de-bord");
  expect(a.url()).toContain("/connexion");
  expect((await a.request.get("/api/tableau-de-bord/vue")).status()).toBe(401);
  await anon.close();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "enqueteur.montpellier@barometre.test");
  expect((await page.goto("/staff/tableau-de-bord"))?.status()).toBe(404);
  expect((await page.request.get("/api/tableau-de-bord/export")).status()).toBe(403);
  await ctx.close();
  const admin = await browser.newContext();
  const p = await admin.newPage();
  await signIn(p, "admin@barometre.test");
  expect((await p.goto("/staff/tableau-de-bord?t=grenoble"))?.status()).toBe(200);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord — Grenoble");
  await admin.close();
});

test("the territory lead sets the threshold (never below 3); bad input changes nothing", async ({ page }) => {
  await signIn(page, "admin.montpellier@barometre.test");
  await page.goto("/staff/tableau-de-bord");
  await expect(page.getByText("Les effectifs inférieurs à 5 sont masqués")).toBeVisible();
  // A refused value comes back to the form with its message, never as a raw text page.
  const bad = await page.request.post("/api/tableau-de-bord/reglages", { form: { suppressionThreshold: "2" }, maxRedirects: 0 });
  expect(bad.status()).toBe(303);
  expect(bad.headers()["location"]).toContain("reglages=seuil");
  await page.goto("/staff/tableau-de-bord?reglages=seuil#reglages");
  await expect(page.locator("#err-threshold")).toHaveText("Le seuil doit être un nombre entier entre 3 et 100.");
  await expect(page.getByRole("spinbutton", { name: "Seuil de masquage" })).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("spinbutton", { name: "Seuil de masquage" }).fill("7");
  await page.getByLabel("Objectif de collecte (nombre de réponses)").fill("1200");
  await page.getByRole("button", { name: "Enregistrer le seuil" }).click();
  await expect(page.getByText("Seuil enregistré.")).toBeVisible();
  await expect(page.getByText("Les effectifs inférieurs à 7 sont masqués")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("spinbutton", { name: "Seuil de masquage" }).fill("5");
  await page.getByLabel("Objectif de collecte (nombre de réponses)").fill("");
  await page.getByRole("button", { name: "Enregistrer le seuil" }).click();
  await expect(page.getByText("Les effectifs inférieurs à 5 sont masqués")).toBeVisible();
  // The committee reads the dashboard but cannot change its settings.
  await page.context().clearCookies();
  await signIn(page, "comite.montpellier@barometre.test");
  expect((await page.request.post("/api/tableau-de-bord/reglages", { form: { suppressionThreshold: "3" }, maxRedirects: 0 })).status()).toBe(403);
});

/** A view of the JSON route, as the differencing adversary reads it. */
async function adversaryView(page: Page, level: string, extra = ""): Promise<{ view: DashboardView; adv: AdversaryView }> {
  const res = await page.request.get(`/api/tableau-de-bord/vue?source=synthetic&level=${level}${extra}`);
  expect(res.status()).toBe(200);
  const view = (await res.json()) as DashboardView;
  const cells = new Map(view.rows.map((r) => [r.key, { num: r.num, den: r.den }]));
  cells.set("unknown", { num: view.unknown.num, den: view.unknown.den });
  cells.set("total", { num: view.total.num, den: view.total.den });
  return { view, adv: { indicator: view.indicator, benefit: null, level, filter: null, cells } };
}

test("the committee's IRIS map of a sous-quartier with one tiny IRIS reveals nothing by subtraction from the sous-quartier map", async ({ browser }) => {
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, "admin.montpellier@barometre.test");
  const committee = await (await browser.newContext()).newPage();
  await signIn(committee, "comite.montpellier@barometre.test");
  const [exactSq, exactIris] = [await adversaryView(lead, "sous_quartier"), await adversaryView(lead, "iris")];
  const [pubSq, pubIris] = [await adversaryView(committee, "sous_quartier"), await adversaryView(committee, "iris")];
  expect([exactSq.view.audience, pubSq.view.audience, pubIris.view.audience]).toEqual(["exact", "committee", "committee"]);
  // Asking for exact figures changes nothing for the committee.
  expect((await adversaryView(committee, "iris", "&figures=exact")).view).toEqual(pubIris.view);

  const hierarchy: Hierarchy = {
    levels: ["sous_quartier", "iris"],
    parentOf: new Map(pubIris.view.rows.filter((r) => r.parent).map((r) => [r.key, r.parent!])),
    levelOf: new Map([...pubSq.view.rows.map((r) => [r.key, "sous_quartier"] as [string, string]), ...pubIris.view.rows.map((r) => [r.key, "iris"] as [string, string])]),
  };
  // The scenario exists: with exact figures (the lead's), sous-quartier − its visible IRIS gives tiny IRIS back.
  const exactFound = breaches([exactSq.adv, exactIris.adv], hierarchy, {}, [], 0, 5).filter((b) => b.attack === "levels" && b.description.startsWith("sous_quartier"));
  expect(exactFound.length).toBeGreaterThan(0);
  // The committee's maps give nothing exact back, by any subtraction of these two views.
  expect(breaches([pubSq.adv, pubIris.adv], hierarchy, {}, [], MAX_NOISE, 5)).toEqual([]);
  // The same subtractions on the committee's figures give noise, not the group: the figures are not the exact ones.
  const pub = new Map([pubSq.adv, pubIris.adv].map((v) => [viewId(v), v]));
  const naive = exactFound.map((b) => ({ truth: b.value, published: evaluate(pub, b) }));
  expect(naive.length).toBeGreaterThan(0);
  const differing = [...pubIris.view.rows, ...pubSq.view.rows].filter((r) => {
    const e = [...exactIris.view.rows, ...exactSq.view.rows].find((x) => x.key === r.key)!;
    return !r.suppressed && !e.suppressed && (r.num !== e.num || r.den !== e.den);
  });
  expect(differing.length).toBeGreaterThan(0);

  // The page says what the figures are; the lead can preview the committee's.
  await committee.goto("/staff/tableau-de-bord?source=synthetic&level=iris");
  await expect(committee.getByTestId("figures-notice")).toHaveAttribute("data-audience", "committee");
  await expect(committee.getByLabel("Chiffres", { exact: true })).toHaveCount(0);
  await lead.goto("/staff/tableau-de-bord?source=synthetic&level=iris");
  await expect(lead.getByTestId("figures-notice")).toHaveAttribute("data-audience", "exact");
  await lead.getByLabel("Chiffres", { exact: true }).selectOption("published");
  await lead.waitForURL(/figures=published/);
  await expect(lead.getByTestId("figures-notice")).toHaveAttribute("data-audience", "committee");
  await expectAccessible(lead);
});

test("a view where every area is hidden says so, and the printed map names the areas", async ({ page }) => {
  // The lead's exact figures: the committee's perturbed ones may show a cell of a tiny group.
  await signIn(page, "admin.montpellier@barometre.test");
  await page.goto("/staff/tableau-de-bord?source=synthetic&level=iris&sex=autre&age=15_24");
  await expect(page.getByTestId("all-hidden")).toContainText("Aucune zone ne peut être affichée");
  await page.goto("/staff/tableau-de-bord/rapport?source=synthetic&level=quartier");
  await expect(page.locator("svg text.svg-map-label")).toHaveCount(7);
  await expect(page.locator("svg text.svg-map-label").first()).not.toBeEmpty();
  await expectAccessible(page);
});
