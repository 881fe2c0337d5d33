import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, questionnaireVersions, users } from "@/db/schema";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { latestVersion, publishVersion } from "@/lib/questionnaire/versions";
import { fictionalTerritory } from "@/lib/territories/fictional";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { getModuleDraft, publishModuleDraft, uploadModuleDraft } from "./drafts";
import { importModuleFixture, moduleFixturePath } from "./fixtures";
import { importModuleFile } from "./import-module";
import { XlsformError } from "./xlsform/issues";
import { writeSheets } from "./xlsform/write-sheets";

const fixture = (slug: string) => new Uint8Array(readFileSync(moduleFixturePath(slug)!));

describe.each(ENGINES)("module import on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let userId: string;
  const versions = async () => (await t.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.territoryId, territoryId))).length;
  const audits = async (action: string) =>
    (await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, territoryId), eq(auditLog.action, action)))).length;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await publishVersion(t.db, null, commonQuestionnaire);
    territoryId = await upsertTerritory(t.db, fictionalTerritory());
    const [u] = await t.db.insert(users).values({ email: "lead@example.test", name: "Lead", role: "territory_admin", territoryId, passwordHash: "x" }).returning({ id: users.id });
    userId = u.id;
  });
  afterAll(async () => t?.dispose());

  it("imports each fixture as a new published version, audited; the same file again publishes nothing", async () => {
    const first = await importModuleFixture(t.db, "montpellier", territoryId);
    expect(first).toMatchObject({ created: true, version: 1, key: "montpellier" });
    expect(await importModuleFixture(t.db, "montpellier", territoryId)).toMatchObject({ created: false, version: 1 });
    const second = await importModuleFile(t.db, territoryId, fixture("grenoble"), "system");
    expect(second).toMatchObject({ created: true, version: 2, key: "grenoble" });
    expect((await latestVersion(t.db, territoryId))?.definition.key).toBe("grenoble");
    expect(await versions()).toBe(2);
    expect(await audits("module.publish")).toBe(2);
    expect(await importModuleFixture(t.db, "nowhere", territoryId)).toBeNull();
  });

  it("a refused file changes nothing and names the place of each fault", async () => {
    const bad = await writeSheets({
      survey: [["type", "name", "label::fr"], ["text", "ok", "Bien"], ["geopoint", "where", "Où ?"], ["text", "t", "Texte"]],
      choices: [["list_name", "name", "label::fr"]],
      settings: [["form_title", "form_id"], ["Mauvais", "bad"]],
    });
    const before = { versions: await versions(), audits: await audits("module.publish") };
    const err = await importModuleFile(t.db, territoryId, bad, "system").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsformError);
    expect((err as XlsformError).issues).toEqual([{ code: "unknown_type", sheet: "survey", row: 3, column: "A (type)", params: { type: "geopoint" } }]);
    const notZip = await importModuleFile(t.db, territoryId, new TextEncoder().encode("type,name\ntext,a"), "system").catch((e: unknown) => e);
    expect((notZip as XlsformError).issues[0].code).toBe("not_xlsx");
    expect({ versions: await versions(), audits: await audits("module.publish") }).toEqual(before);
  });

  it("keeps an upload as a draft (or its faults), then publishes the draft once", async () => {
    const refused = await uploadModuleDraft(t.db, territoryId, new Uint8Array([1, 2, 3]), "x.xlsx", { userId });
    expect(refused.accepted).toBe(false);
    expect((await getModuleDraft(t.db, territoryId))?.issues[0].code).toBe("not_xlsx");
    expect(await publishModuleDraft(t.db, territoryId, { userId })).toBeNull();

    const accepted = await uploadModuleDraft(t.db, territoryId, fixture("montpellier"), "montpellier.xlsx", { userId });
    expect(accepted).toEqual({ accepted: true, issues: [] });
    const draft = await getModuleDraft(t.db, territoryId);
    expect(draft?.definition?.key).toBe("montpellier");
    expect(draft?.formVersion).toBe("2026-11");
    expect(await versions()).toBe(2); // a draft is not published

    const published = await publishModuleDraft(t.db, territoryId, { userId });
    expect(published).toMatchObject({ created: true, version: 3 });
    expect(await getModuleDraft(t.db, territoryId)).toBeNull();
    const [row] = await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, territoryId), eq(auditLog.action, "module.publish"), eq(auditLog.actorUserId, userId)));
    expect(row.details).toMatchObject({ version: 3, key: "montpellier", source: "upload", formVersion: "2026-11" });
    expect(await audits("module.draft_upload")).toBe(2);
  });
});
