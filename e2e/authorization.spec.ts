import { expect, test, type Browser } from "@playwright/test";
import { signIn, submitAndOptIn } from "./helpers";

/** Every route and action of the rights-review issue, with every role: allowed, forbidden or not found. */
async function createRequest(browser: Browser): Promise<string> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await submitAndOptIn(page, "Matrice");
  await ctx.close();
  // Find its id as the territory lead would.
  const lead = await browser.newContext();
  const p = await lead.newPage();
  await signIn(p, "admin.montpellier@barometre.test");
  const csv = await (await p.request.get("/api/rappels/export")).text();
  await lead.close();
  const ids = [...csv.matchAll(/"([0-9a-f-]{36})"/g)].map((m) => m[1]);
  return ids[ids.length - 1];
}

type Expect = { page: number | "login"; api: number; post: number[] };
const ROLES: [string | null, { queue: Expect; detail: Expect; journal: Expect; exportCsv: number }][] = [
  [null, { queue: { page: "login", api: 401, post: [401] }, detail: { page: "login", api: 401, post: [401] }, journal: { page: "login", api: 401, post: [] }, exportCsv: 401 }],
  ["comite.montpellier@barometre.test", { queue: { page: 404, api: 403, post: [403] }, detail: { page: 404, api: 403, post: [403] }, journal: { page: 404, api: 403, post: [] }, exportCsv: 403 }],
  ["enqueteur.montpellier@barometre.test", { queue: { page: 404, api: 403, post: [403] }, detail: { page: 404, api: 403, post: [403] }, journal: { page: 404, api: 403, post: [] }, exportCsv: 403 }],
  ["agent.grenoble@barometre.test", { queue: { page: 200, api: 200, post: [404] }, detail: { page: 404, api: 404, post: [404] }, journal: { page: 404, api: 403, post: [] }, exportCsv: 200 }],
  ["agent.montpellier@barometre.test", { queue: { page: 200, api: 200, post: [303] }, detail: { page: 200, api: 200, post: [303] }, journal: { page: 404, api: 403, post: [] }, exportCsv: 200 }],
  ["admin.montpellier@barometre.test", { queue: { page: 200, api: 200, post: [303] }, detail: { page: 200, api: 200, post: [303] }, journal: { page: 200, api: 200, post: [] }, exportCsv: 200 }],
  ["admin@barometre.test", { queue: { page: 200, api: 200, post: [303] }, detail: { page: 200, api: 200, post: [303] }, journal: { page: 200, api: 200, post: [] }, exportCsv: 200 }],
];

test("rights-review routes and actions by role and territory", async ({ browser }) => {
  const id = await createRequest(browser);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  for (const [email, exp] of ROLES) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    if (email) await signIn(page, email);
    const t = email === "admin@barometre.test" ? "?t=montpellier" : "";
    const who = email ?? "anonymous";
    for (const [path, e] of [[`/staff/rappels${t}`, exp.queue], [`/staff/rappels/${id}${t}`, exp.detail], [`/staff/journal${t}`, exp.journal]] as const) {
      const res = await page.goto(path);
      if (e.page === "login") expect(page.url(), `${who} ${path}`).toContain("/connexion");
      else expect(res?.status(), `${who} ${path}`).toBe(e.page);
      if (res?.status() !== 200 || e.page === "login") expect(await page.content(), who).not.toContain("Matrice");
    }
    for (const op of ["prendre", "appel", "attribuer", "etude", "cloturer"]) {
      const post = await page.request.post(`/api/rappels/${id}/${op}${t}`, { form: { outcome: "no_answer", agentId: "00000000-0000-0000-0000-000000000000" }, maxRedirects: 0 });
      expect(exp.detail.post, `${who} POST ${op}`).toContain(post.status());
    }
    const csv = await page.request.get(`/api/rappels/export${t}`);
    expect(csv.status(), `${who} export`).toBe(exp.exportCsv);
    if (email === "agent.grenoble@barometre.test") expect(await csv.text()).not.toContain(id);
    await ctx.close();
  }
});
