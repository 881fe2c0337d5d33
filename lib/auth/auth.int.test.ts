import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { registerKiosk, findKiosk, revokeKiosk } from "@/lib/kiosk/devices";
import { DEMO_PASSWORD, demoEmail, seedDemo } from "@/lib/seed/demo";
import { getTerritoryBySlug, listSites } from "@/lib/territories/queries";
import { DEMO_GEO_DIR, ENGINES, HAS_DEMO_GEO, openTestDatabase, type TestDatabase } from "@/test/databases";
import { LIMITS } from "@/lib/security/limits";
import { hitLimit } from "@/lib/security/rate-limit";
import { authenticate } from "./authenticate";
import { dummyHash, verifyPassword } from "./password";
import { revokeSessions } from "./revoke";
import { sessionStillValid } from "./session";

// The real bcrypt, observed: which hash each attempt was compared against.
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const MAX_INVALID_BEFORE_LOCK = 4;

describe.runIf(HAS_DEMO_GEO).each(ENGINES)("staff accounts on %s", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: DEMO_GEO_DIR });
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

  it("counts 40 parallel wrong passwords atomically: 4 refused, then locked, even with the right password", async () => {
    const email = demoEmail("agent", "grenoble");
    const now = new Date("2026-05-02T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => authenticate(t.db, { email, password: `wrong-${i}` }, now)));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(MAX_INVALID_BEFORE_LOCK);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(40 - MAX_INVALID_BEFORE_LOCK);
    expect(await authenticate(t.db, { email, password: DEMO_PASSWORD }, new Date(now.getTime() + 60_000))).toEqual({ ok: false, reason: "locked" });
    expect((await authenticate(t.db, { email, password: DEMO_PASSWORD }, new Date(now.getTime() + 16 * 60_000))).ok).toBe(true);
  }, 120_000); // 40 bcrypt comparisons on a busy 2-core machine

  it("answers an unknown e-mail like a known one: dummy hash of the same cost, same messages, same lock", async () => {
    const now = new Date("2026-05-03T10:00:00Z");
    const spy = vi.mocked(verifyPassword);
    const known = demoEmail("enqueteur", "grenoble");
    const unknown = "personne.inconnue@barometre.test";
    const seq = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        spy.mockClear();
        const r = await authenticate(t.db, { email, password: `wrong-${i}` }, now);
        out.push(r.ok ? "ok" : r.reason);
        if (i === 0) {
          // The first attempt always costs one bcrypt comparison at the portal's cost.
          expect(spy).toHaveBeenCalledTimes(1);
          const hash = spy.mock.calls[0][1];
          expect(hash).toMatch(/^\$2[aby]\$11\$/);
          if (email === unknown) expect(hash).toBe(await dummyHash());
        }
      }
      return out;
    };
    const knownAnswers = await seq(known);
    expect(knownAnswers).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"]);
    expect(await seq(unknown)).toEqual(knownAnswers);
    // A locked unknown e-mail is released after the same 15 minutes.
    expect(await authenticate(t.db, { email: unknown, password: "x" }, new Date(now.getTime() + 16 * 60_000))).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles failures per client address, whatever the e-mails, without touching other addresses", async () => {
    const now = new Date("2026-05-04T10:00:00Z");
    const client = { addressKey: "test-address-1" };
    // The first max - 1 failures counted straight in the limiter (bcrypt is slow), the last one for real.
    for (let i = 0; i < LIMITS.signinAddress.max - 1; i++) await hitLimit(t.db, LIMITS.signinAddress, client.addressKey, now);
    expect(await authenticate(t.db, { email: "guess@barometre.test", password: "wrong" }, now, client)).toEqual({ ok: false, reason: "invalid" });
    const email = demoEmail("admin", "grenoble");
    expect(await authenticate(t.db, { email, password: DEMO_PASSWORD }, now, client)).toEqual({ ok: false, reason: "locked" });
    expect((await authenticate(t.db, { email, password: DEMO_PASSWORD }, now, { addressKey: "test-address-2" })).ok).toBe(true);
    expect((await authenticate(t.db, { email, password: DEMO_PASSWORD }, new Date(now.getTime() + 16 * 60_000), client)).ok).toBe(true);
  });

  it("revokes sessions: sign-out, and by trigger password, role, territory and disabling changes", async () => {
    const email = demoEmail("comite", "montpellier");
    const r = await authenticate(t.db, { email, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error("sign-in failed");
    const version = async () => (await t.db.select().from(users).where(eq(users.id, r.user.id)))[0];
    expect(sessionStillValid(await version(), r.user.sessionVersion)).toBe(true);
    await revokeSessions(t.db, r.user.id);
    expect(sessionStillValid(await version(), r.user.sessionVersion)).toBe(false);
    let v = (await version()).sessionVersion;
    // Changes that do not touch the account's rights keep the sessions.
    await t.db.update(users).set({ name: "Comité (renommé)", failedLogins: 0 }).where(eq(users.id, r.user.id));
    expect((await version()).sessionVersion).toBe(v);
    for (const change of [{ role: "interviewer" as const }, { passwordHash: "$2a$11$x" }, { disabledAt: new Date() }, { territoryId: null }]) {
      await t.db.update(users).set(change).where(eq(users.id, r.user.id));
      expect((await version()).sessionVersion).toBe(v + 1);
      v += 1;
    }
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
