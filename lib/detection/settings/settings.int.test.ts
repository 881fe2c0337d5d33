import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, detectionHouseholds, detectionServices, detectionSituations } from "@/db/schema";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { twoTerritories } from "../test-territories";
import { active, loadLists } from "../options";
import { listServices } from "../services";
import { addOption, renameOption, setOptionArchived } from "./manage-options";
import { addService, deleteService, renameService, serviceUsage, setServiceArchived, setServiceInstructsAid } from "./manage-services";

describe.each(ENGINES)("detection settings on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let otherTerritoryId: string;
  let actor: string;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    ({ actor, territoryId, otherTerritoryId } = await twoTerritories(t));
  });
  afterAll(async () => t?.dispose());

  it("adds a reason under its forme with a code made from the label; a second submit adds nothing", async () => {
    const first = await addOption(t.db, territoryId, actor, "reason", { label: "Pièces égarées par l'organisme", parent: "non_reception" });
    expect(first).toEqual({ ok: true, code: "pieces_egarees_par_l_organisme" });
    expect(await addOption(t.db, territoryId, actor, "reason", { label: "Pièces égarées par l’organisme", parent: "non_reception" })).toEqual(first);
    const lists = await loadLists(t.db, territoryId);
    expect(lists.reason.filter((r) => r.code.startsWith("pieces_egarees"))).toEqual([
      { code: "pieces_egarees_par_l_organisme", label: "Pièces égarées par l'organisme", parent: "non_reception", archived: false, own: true },
    ]);
    // Another territory's lists do not see it.
    expect((await loadLists(t.db, otherTerritoryId)).reason.some((r) => r.code.startsWith("pieces_egarees"))).toBe(false);
  });

  it("refuses a reason without a forme, and a label already a default code gets a new code", async () => {
    expect(await addOption(t.db, territoryId, actor, "reason", { label: "Sans forme" })).toEqual({ ok: false, reason: "parent" });
    expect(await addOption(t.db, territoryId, actor, "reason", { label: "Sans forme", parent: "inconnue" })).toEqual({ ok: false, reason: "parent" });
    // "Civisme" exists under non_demande; under non_proposition it is another entry with another code.
    expect(await addOption(t.db, territoryId, actor, "reason", { label: "Civisme", parent: "non_proposition" })).toEqual({ ok: true, code: "civisme_2" });
  });

  it("renames and archives a default entry without changing its code, and restores it", async () => {
    expect(await renameOption(t.db, territoryId, actor, "actor", "caf", "CAF de l'Isère")).toEqual({ ok: true, code: "caf" });
    expect((await loadLists(t.db, territoryId)).actor.find((a) => a.code === "caf")?.label).toBe("CAF de l'Isère");
    await setOptionArchived(t.db, territoryId, actor, "actor", "msa", true);
    expect(active((await loadLists(t.db, territoryId)).actor).map((a) => a.code)).not.toContain("msa");
    await setOptionArchived(t.db, territoryId, actor, "actor", "msa", false);
    expect(active((await loadLists(t.db, territoryId)).actor).map((a) => a.code)).toContain("msa");
    expect(await renameOption(t.db, territoryId, actor, "actor", "inconnu", "X")).toEqual({ ok: false, reason: "not_found" });
  });

  it("adds a benefit with its group; re-adding an archived label brings it back", async () => {
    const r = await addOption(t.db, territoryId, actor, "benefit", { label: "Aide au permis", parent: "autres" });
    expect(r).toEqual({ ok: true, code: "aide_au_permis" });
    await setOptionArchived(t.db, territoryId, actor, "benefit", "aide_au_permis", true);
    expect(await addOption(t.db, territoryId, actor, "benefit", { label: "Aide au permis", parent: "autres" })).toEqual(r);
    expect((await loadLists(t.db, territoryId)).benefit.find((b) => b.code === "aide_au_permis")).toMatchObject({ archived: false, parent: "autres" });
  });

  it("manages services: add with a code, rename, flag, archive; never deletes one that has situations", async () => {
    const seeded = await listServices(t.db, territoryId);
    expect(seeded.map((s) => s.code)).toEqual(["asf", "ep"]);
    const added = await addService(t.db, territoryId, actor, { label: "Accueil général", instructsOptionalAid: false });
    if (!added.ok) throw new Error("add");
    expect(await addService(t.db, territoryId, actor, { label: "Accueil general", instructsOptionalAid: false })).toEqual(added);
    await renameService(t.db, territoryId, actor, added.id, "Accueil du CCAS");
    await setServiceInstructsAid(t.db, territoryId, actor, added.id, true);
    const [row] = await t.db.select().from(detectionServices).where(eq(detectionServices.id, added.id));
    expect(row).toMatchObject({ code: "accueil_general", label: "Accueil du CCAS", instructsOptionalAid: true });

    const [h] = await t.db.insert(detectionHouseholds).values({ territoryId, code: "H-1" }).returning();
    await t.db.insert(detectionSituations).values({ territoryId, householdId: h.id, idempotencyKey: "form:1", detectedOn: "2015-01-02", serviceId: seeded[1].id });
    expect((await serviceUsage(t.db, territoryId)).get(seeded[1].id)).toBe(1);
    expect(await deleteService(t.db, territoryId, actor, seeded[1].id)).toEqual({ ok: false, reason: "in_use" });
    expect(await setServiceArchived(t.db, territoryId, actor, seeded[1].id, true)).toEqual({ ok: true, id: seeded[1].id });
    expect((await listServices(t.db, territoryId)).map((s) => s.code)).toEqual(["asf", "accueil_general"]);
    // Another territory cannot touch it.
    expect(await deleteService(t.db, otherTerritoryId, actor, added.id)).toEqual({ ok: false, reason: "not_found" });
    expect(await renameService(t.db, otherTerritoryId, actor, added.id, "X")).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteService(t.db, territoryId, actor, added.id)).toEqual({ ok: true, id: added.id });
  });

  it("audits every settings change", async () => {
    const actions = (await t.db.select().from(auditLog).where(and(eq(auditLog.territoryId, territoryId), like(auditLog.action, "detection.%")))).map((a) => a.action);
    for (const a of ["detection.option.add", "detection.option.rename", "detection.option.archive", "detection.option.restore",
      "detection.service.add", "detection.service.rename", "detection.service.flag", "detection.service.archive", "detection.service.delete"]) {
      expect(actions).toContain(a);
    }
  });
});
