import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, callbackRequests, drafts } from "@/db/schema";
import { decryptJson } from "@/lib/crypto/contact-cipher";
import { resolveVisibility } from "@/lib/questionnaire/flow";
import { currentVersionIds, loadFlow } from "@/lib/questionnaire/versions";
import { createDraft, saveAnswers } from "@/lib/respondent/drafts";
import { submitDraft } from "@/lib/respondent/submit";
import { completeAnswers } from "@/lib/respondent/test-answers";
import { seedDemo } from "@/lib/seed/demo";
import { listNeighbourhoodChoices, listTerritories } from "@/lib/territories/queries";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { optInSchema } from "./opt-in-schema";
import { contactAad, createCallbackRequest, findRequestByReceipt, withdrawCallbackRequest } from "./requests";

const optIn = optInSchema.parse({
  consent: "on", firstName: "Aïcha", phone: "06 12 34 56 78", channel: "phone", language: "ar", companion: "yes", days: ["mon"], times: ["morning"],
});

describe.each(ENGINES)("rights-review opt-in on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  async function newResponse(seed: number) {
    const versions = await currentVersionIds(t.db, territoryId);
    const flow = await loadFlow(t.db, versions.commonVersionId, versions.moduleVersionId);
    const choices = await listNeighbourhoodChoices(t.db, territoryId);
    const { draft } = await createDraft(t.db, {
      territoryId, ...versions, mode: "self", locale: "fr", siteId: null, interviewerId: null, kioskDeviceId: null,
      currentSection: resolveVisibility(flow, {}).sections[0].id,
    });
    await saveAnswers(t.db, draft, completeAnswers(flow, choices[0].code, seed), "verifier");
    const saved = (await t.db.select().from(drafts).where(eq(drafts.id, draft.id)))[0];
    const r = await submitDraft(t.db, flow, saved, { neighbourhoodCodes: choices.map((c) => c.code), now: new Date() }, choices);
    if (!r.ok) throw new Error("submission failed");
    return { id: r.responseId, receiptCode: r.receiptCode, territoryId, neighbourhoodId: choices[0].id };
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { geoDir: "/nonexistent" }); // the fictional territory is enough here
    territoryId = (await listTerritories(t.db))[0].id;
  });
  afterAll(async () => t?.dispose());

  it("stores contact data encrypted, apart from the answers, once per response, with an audit row", async () => {
    const response = await newResponse(1);
    const first = await createCallbackRequest(t.db, response, optIn);
    const again = await createCallbackRequest(t.db, response, { ...optIn, firstName: "Autre" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, first.id));
    expect(row.contactCiphertext).not.toContain("Aïcha");
    expect(row.contactCiphertext).not.toContain("612345678");
    expect(decryptJson(row.contactCiphertext!, contactAad(row))).toMatchObject({ firstName: "Aïcha", phone: "+33612345678", companion: true });
    expect(row).toMatchObject({ language: "ar", preferredChannel: "phone", status: "new", neighbourhoodId: response.neighbourhoodId });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, first.id));
    expect(audits.map((a) => a.action)).toEqual(["callback.opt_in"]);
    expect(JSON.stringify(audits)).not.toContain("Aïcha");
  });

  it("finds the request with the receipt code, and withdrawal erases the contact data but not the answers", async () => {
    const response = await newResponse(2);
    const { id } = await createCallbackRequest(t.db, response, optIn);
    const found = await findRequestByReceipt(t.db, territoryId, response.receiptCode.toLowerCase().replace("-", " "));
    expect(found).toMatchObject({ requestId: id, status: "new" });
    expect(await findRequestByReceipt(t.db, territoryId, "BM-ZZZZZZZZ")).toBeNull();
    expect(await withdrawCallbackRequest(t.db, territoryId, id)).toBe(true);
    expect(await withdrawCallbackRequest(t.db, territoryId, id)).toBe(false); // idempotent
    const [row] = await t.db.select().from(callbackRequests).where(eq(callbackRequests.id, id));
    expect(row).toMatchObject({ status: "withdrawn", contactCiphertext: null });
    expect(row.contactErasedAt).not.toBeNull();
    expect((await findRequestByReceipt(t.db, territoryId, response.receiptCode))?.responseId).toBe(response.id);
    const [n] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(n.n).toBe(2);
  });
});
