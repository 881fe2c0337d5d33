import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { registerKiosk, findKiosk, revokeKiosk } from "@/lib/kiosk/devices";
import { DEMO_PASSWORD, demoEmail, seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug, listSites } from "@/lib/territories/queries";
import { DEMO_GEO_DIR, ENGINES, HAS_DEMO_GEO, openTestDatabase, type TestDatabase } from "@/test/databases";
import { authenticate } from "./authenticate";

describe.runIf(HAS_DEMO_GEO).each(ENGINES)("staff accounts on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { geoDir: DEMO_GEO_DIR });
  });
  afterAll(async () => t?.dispose());

  it("signs in every demo role, bound to its territory", async () => {
    const mtp = (await getTerritoryBySlug(t.db, "montpellier"))!;
    for (const prefix of ["admin", "agent", "enqueteur", "comite"]) {
      const r = await authenticate(t.db, { email: demoEmail(prefix, "montpellier"), password: DEMO_PASSWORD });
      expect(r.ok && r.user.territoryId).toBe(mtp.id);
    }
    const admin = await authenticate(t.db, { email: "ADMIN@barometre.test ", password: DEMO_PASSWORD });
    expect(admin.ok && admin.user).toMatchObject({ role: "admin", territoryId: null });
  });

  it("locks after five failures, even against the right password, and unlocks after 15 minutes", async () => {
    const email = demoEmail("comite", "grenoble");
    const now = new Date("2026-05-01T10:00:00Z");
    for (let i = 0; i < 4; i++) expect(await authenticate(t.db, { email, password: "wrong" }, now)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t.db, { email, password: "wrong" }, now)).toEqual({ ok: false, reason: "locked" });
    expect(await authenticate(t.db, { email, password: DEMO_PASSWORD }, new Date(now.getTime() + 60_000))).toEqual({ ok: false, reason: "locked" });
    const later = await authenticate(t.db, { email, password: DEMO_PASSWORD }, new Date(now.getTime() + 16 * 60_000));
    expect(later.ok).toBe(true);
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    expect(u.failedLogins).toBe(0);
    expect(u.lockedUntil).toBeNull();
  });

  it("refuses malformed input and unknown accounts alike", async () => {
    expect(await authenticate(t.db, { email: "not-an-email", password: "x" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t.db, { email: "nobody@barometre.test", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t.db, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("binds a kiosk to a site of its own territory only", async () => {
    const mtp = (await getTerritoryBySlug(t.db, "montpellier"))!;
    const gre = (await getTerritoryBySlug(t.db, "grenoble"))!;
    const [site] = await listSites(t.db, mtp.id);
    expect(await registerKiosk(t.db, gre.id, (await t.db.select().from(users).limit(1))[0].id, { name: "x", siteId: site.id, idleSeconds: 60 })).toBeNull();
    const k = await registerKiosk(t.db, mtp.id, (await t.db.select().from(users).limit(1))[0].id, { name: "Accueil", siteId: site.id, idleSeconds: 60 });
    expect((await findKiosk(t.db, k!.token))?.siteId).toBe(site.id);
    expect(await revokeKiosk(t.db, gre.id, k!.id)).toBe(false);
    expect(await revokeKiosk(t.db, mtp.id, k!.id)).toBe(true);
    expect(await findKiosk(t.db, k!.token)).toBeNull();
  });
});
