import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/db/schema";
import { optInSchema } from "@/lib/callbacks/opt-in-schema";
import { createCallbackRequest } from "@/lib/callbacks/requests";
import { RECEIPT_COOKIE } from "@/lib/respondent/session-cookies";
import { submitTestResponse } from "@/lib/respondent/test-response";
import { seedDemo } from "@/lib/seed/demo";
import { listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { bookingContextFromReceipt } from "./respondent-context";

// The receipt cookie of "this browser", as next/headers would give it.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));

/** Issue 10, item 9: contact data is decrypted (and the view audited) only where it is shown. */
describe.each(ENGINES)("booking context from the receipt on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" });
    territoryId = (await listTerritories(t.db))[0].id;
  });
  afterAll(async () => t?.dispose());

  it("the place step and the booking action get the neighbourhood and the request, not the contact; the contact step gets it, audited", async () => {
    const r = await submitTestResponse(t.db, territoryId, { seed: 3 });
    const request = await createCallbackRequest(t.db, { id: r.responseId, territoryId, neighbourhoodId: r.neighbourhoodId }, optInSchema.parse({
      consent: "on", firstName: "Aïcha", phone: "06 12 34 56 78", channel: "phone", language: "fr", companion: "no", days: ["mon"], times: ["morning"],
    }));
    jar.set(RECEIPT_COOKIE, r.responseId);
    const prefills = async () => (await t.db.select({ n: count() }).from(auditLog)
      .where(and(eq(auditLog.action, "callback.contact_prefill"), eq(auditLog.entityId, request.id))))[0].n;

    const place = await bookingContextFromReceipt(t.db, territoryId);
    expect(place).toMatchObject({ neighbourhoodId: r.neighbourhoodId, prefill: null, callbackRequestId: request.id });
    expect(await prefills()).toBe(0);

    const contact = await bookingContextFromReceipt(t.db, territoryId, { withContact: true });
    expect(contact?.prefill).toEqual({ name: "Aïcha", phone: "+33612345678", email: "" });
    expect(await prefills()).toBe(1);

    jar.set(RECEIPT_COOKIE, "-".repeat(36));
    expect(await bookingContextFromReceipt(t.db, territoryId, { withContact: true })).toBeNull();
  });
});
