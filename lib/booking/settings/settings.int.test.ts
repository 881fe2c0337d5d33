import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentAbsences, auditLog, bookingPlaces, neighbourhoods, openingSlots, users } from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { fictionalTerritory } from "@/lib/territories/fictional";
import { listTerritories } from "@/lib/territories/queries";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import { ENGINES, openTestDatabase, type TestDatabase } from "@/test/databases";
import { createAbsence, deleteAbsence, listAbsences } from "./absences";
import { listBookableAgents } from "./agents";
import { archiveMotive, createMotive, getMotive, listMotives, updateMotive } from "./motives";
import { createOpeningSlot, deleteOpeningSlot, listOpeningSlots } from "./opening-slots";
import { archivePlace, createPlace, getPlace, listPlaces, updatePlace } from "./places";
import { absenceSchema, motiveSchema, openingSlotSchema, placeSchema } from "./schemas";

const motiveForm = {
  name: "Étude de droits", durationMinutes: "45", locationType: "on_site", minDelay: "2", minDelayUnit: "hours", maxDelayDays: "42",
  cancelDeadline: "4", cancelDeadlineUnit: "hours", moveDeadline: "48", moveDeadlineUnit: "hours", bookableOnline: "on",
};

describe.each(ENGINES)("booking settings on %s", (engine) => {
  let t: TestDatabase;
  let territoryId: string;
  let otherId: string;
  let adminId: string;
  let agentId: string;
  let otherAgentId: string;
  let committeeId: string;
  let actor: { userId: string };
  const audits = async (entityId: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).map((a) => ({ action: a.action, territoryId: a.territoryId, actor: a.actorUserId, details: a.details }));

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemo(t.db, { fixturesDir: "/nonexistent" }); // the fictional territory "demo" with one account per role
    territoryId = (await listTerritories(t.db)).find((x) => x.slug === "demo")!.id;
    // Start from no opening slot: the demo seed gives the agent weekday openings.
    await t.db.delete(openingSlots).where(eq(openingSlots.territoryId, territoryId));
    // A second territory, to check that nothing crosses the boundary.
    otherId = await upsertTerritory(t.db, { ...fictionalTerritory(), slug: "autre", name: "Autre territoire fictif" });
    const [o] = await t.db.insert(users).values({ email: "agent.autre@barometre.test", name: "Agent autre", role: "ccas_agent", territoryId: otherId }).returning();
    otherAgentId = o.id;
    const byEmail = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0].id;
    adminId = await byEmail("admin.demo@barometre.test");
    agentId = await byEmail("agent.demo@barometre.test");
    committeeId = await byEmail("comite.demo@barometre.test");
    actor = { userId: adminId };
  });
  afterAll(async () => t?.dispose());

  it("lists the territory's agents and project leads only", async () => {
    const ids = (await listBookableAgents(t.db, territoryId)).map((a) => a.id);
    expect(ids).toContain(agentId);
    expect(ids).toContain(adminId);
    expect(ids).not.toContain(committeeId);
    expect(ids).not.toContain(otherAgentId);
  });

  it("creates, updates and archives a place; fills its position from the neighbourhood", async () => {
    const [n] = await t.db.select().from(neighbourhoods).where(and(eq(neighbourhoods.territoryId, territoryId), eq(neighbourhoods.code, "FIC-QA")));
    const created = await createPlace(t.db, territoryId, actor, placeSchema.parse({ name: "Maison fictive int", address: "1 rue Imaginaire", neighbourhoodId: n.id }));
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const place = (await getPlace(t.db, territoryId, created.id))!;
    // Quartier fictif A is the square [4.5, 4.52] × [42.9, 42.92]: its centroid is its middle.
    expect(place.lon).toBeCloseTo(4.51, 6);
    expect(place.lat).toBeCloseTo(42.91, 6);
    expect(await audits(created.id)).toEqual([{ action: "booking_place.create", territoryId, actor: adminId, details: { positioned: true, fromNeighbourhood: true } }]);

    const dup = await createPlace(t.db, territoryId, actor, placeSchema.parse({ name: "Maison fictive int", address: "ailleurs", lon: "4.5", lat: "42.9" }));
    expect(dup).toEqual({ ok: false, errors: { name: "duplicate_name" } });

    const updated = await updatePlace(t.db, territoryId, actor, created.id, placeSchema.parse({ name: "Maison fictive int (rénovée)", address: "1 rue Imaginaire", lon: "4,515", lat: "42,905", phone: "0467000000" }));
    expect(updated).toEqual({ ok: true, id: created.id });
    expect(await getPlace(t.db, territoryId, created.id)).toMatchObject({ name: "Maison fictive int (rénovée)", lon: 4.515, lat: 42.905, phone: "04 67 00 00 00", neighbourhoodId: null });

    expect(await archivePlace(t.db, territoryId, actor, created.id)).toBe(true);
    expect((await listPlaces(t.db, territoryId)).map((p) => p.id)).not.toContain(created.id);
    expect((await listPlaces(t.db, territoryId, { includeArchived: true })).find((p) => p.id === created.id)?.archivedAt).toBeInstanceOf(Date);
    expect((await audits(created.id)).map((a) => a.action)).toEqual(["booking_place.create", "booking_place.update", "booking_place.archive"]);
  });

  it("refuses another territory's neighbourhood, place or motive as not found", async () => {
    const [foreignArea] = await t.db.select().from(neighbourhoods).where(eq(neighbourhoods.territoryId, otherId)).limit(1);
    expect(await createPlace(t.db, territoryId, actor, placeSchema.parse({ name: "Hors territoire", address: "x", neighbourhoodId: foreignArea.id })))
      .toEqual({ ok: false, errors: { neighbourhoodId: "neighbourhood" } });
    const foreign = await createPlace(t.db, otherId, actor, placeSchema.parse({ name: "Lieu de l'autre", address: "x", lon: "4.5", lat: "42.9" }));
    const foreignMotive = await createMotive(t.db, otherId, actor, motiveSchema.parse({ ...motiveForm, name: "Motif de l'autre" }));
    if (!foreign.ok || !foreignMotive.ok) throw new Error("setup");
    expect(await getPlace(t.db, territoryId, foreign.id)).toBeNull();
    expect(await getMotive(t.db, territoryId, foreignMotive.id)).toBeNull();
    expect(await updatePlace(t.db, territoryId, actor, foreign.id, placeSchema.parse({ name: "Piraté", address: "x", lon: "4.5", lat: "42.9" })))
      .toEqual({ ok: false, errors: { form: "not_found" } });
    expect(await archivePlace(t.db, territoryId, actor, foreign.id)).toBe(false);
    expect(await updateMotive(t.db, territoryId, actor, foreignMotive.id, motiveSchema.parse(motiveForm))).toEqual({ ok: false, errors: { form: "not_found" } });
    expect(await archiveMotive(t.db, territoryId, actor, foreignMotive.id)).toBe(false);
    expect((await getPlace(t.db, otherId, foreign.id))).toMatchObject({ name: "Lieu de l'autre", archivedAt: null });
    expect((await listPlaces(t.db, territoryId)).map((p) => p.id)).not.toContain(foreign.id);
    expect((await listMotives(t.db, territoryId)).map((m) => m.id)).not.toContain(foreignMotive.id);
  });

  it("creates, updates and archives a motive with an audit row of its settings", async () => {
    const created = await createMotive(t.db, territoryId, actor, motiveSchema.parse({ ...motiveForm, name: "Motif int" }));
    if (!created.ok) throw new Error("create");
    expect(await getMotive(t.db, territoryId, created.id)).toMatchObject({ durationMinutes: 45, minDelayMinutes: 120, cancelDeadlineMinutes: 240, moveDeadlineMinutes: 2880, bookableOnline: true });
    expect(await createMotive(t.db, territoryId, actor, motiveSchema.parse({ ...motiveForm, name: "Motif int" }))).toEqual({ ok: false, errors: { name: "duplicate_name" } });
    await updateMotive(t.db, territoryId, actor, created.id, motiveSchema.parse({ ...motiveForm, name: "Motif int", locationType: "phone", durationMinutes: "30", bookableOnline: undefined }));
    expect(await getMotive(t.db, territoryId, created.id)).toMatchObject({ locationType: "phone", durationMinutes: 30, bookableOnline: false });
    expect(await archiveMotive(t.db, territoryId, actor, created.id)).toBe(true);
    expect((await listMotives(t.db, territoryId)).map((m) => m.id)).not.toContain(created.id);
    const rows = await audits(created.id);
    expect(rows.map((a) => a.action)).toEqual(["booking_motive.create", "booking_motive.update", "booking_motive.archive"]);
    expect(rows[1].details).toMatchObject({ durationMinutes: 30, locationType: "phone", bookableOnline: false });
  });

  describe("opening slots", () => {
    let placeId: string;
    let otherPlaceId: string;
    let motiveId: string;
    const slot = (over: Record<string, unknown> = {}) =>
      openingSlotSchema.parse({ agentId, placeId, weekdays: ["1", "3"], startTime: "09:00", endTime: "12:00", motiveIds: [motiveId], validFrom: "2027-01-04", validUntil: "2027-06-30", ...over });

    beforeAll(async () => {
      const p = await createPlace(t.db, territoryId, actor, placeSchema.parse({ name: "Lieu plages A", address: "a", lon: "4.5", lat: "42.9" }));
      const q = await createPlace(t.db, territoryId, actor, placeSchema.parse({ name: "Lieu plages B", address: "b", lon: "4.52", lat: "42.9" }));
      const m = await createMotive(t.db, territoryId, actor, motiveSchema.parse({ ...motiveForm, name: "Motif plages" }));
      if (!p.ok || !q.ok || !m.ok) throw new Error("setup");
      [placeId, otherPlaceId, motiveId] = [p.id, q.id, m.id];
    });

    it("creates a slot with an audit row, and lists it with names", async () => {
      const r = await createOpeningSlot(t.db, territoryId, actor, slot());
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const listed = (await listOpeningSlots(t.db, territoryId)).find((s) => s.id === r.id);
      expect(listed).toMatchObject({ agentId, place: "Lieu plages A", weekdays: [1, 3], startTime: "09:00", endTime: "12:00", motives: [{ id: motiveId, name: "Motif plages", archived: false }], validFrom: "2027-01-04", validUntil: "2027-06-30" });
      const [a] = await audits(r.id);
      expect(a).toMatchObject({ action: "opening_slot.create", details: { agentId, placeId, weekdays: "1,3", motives: 1 } });
    });

    it("refuses a slot of the same agent elsewhere on a shared weekday and overlapping dates and hours", async () => {
      const before = (await t.db.select().from(openingSlots)).length;
      expect(await createOpeningSlot(t.db, territoryId, actor, slot({ placeId: otherPlaceId, weekdays: ["3", "5"], startTime: "11:30", endTime: "13:00" })))
        .toEqual({ ok: false, errors: { startTime: "overlap" } });
      // Open-ended validity overlaps too.
      expect(await createOpeningSlot(t.db, territoryId, actor, slot({ validFrom: "2026-12-01", validUntil: undefined }))).toEqual({ ok: false, errors: { startTime: "overlap" } });
      expect((await t.db.select().from(openingSlots)).length).toBe(before);
    });

    it("accepts touching hours, other weekdays, later validity, or another agent", async () => {
      for (const over of [
        { placeId: otherPlaceId, startTime: "12:00", endTime: "13:00" },
        { placeId: otherPlaceId, weekdays: ["2"] },
        { placeId: otherPlaceId, validFrom: "2027-07-01", validUntil: undefined },
        { agentId: adminId },
      ]) {
        const r = await createOpeningSlot(t.db, territoryId, actor, slot(over));
        expect(r.ok, JSON.stringify(over)).toBe(true);
      }
    });

    it("refuses an agent, place or motive of another territory, or archived ones", async () => {
      const foreignPlace = await createPlace(t.db, otherId, actor, placeSchema.parse({ name: "Lieu autre plages", address: "x", lon: "4.5", lat: "42.9" }));
      const foreignMotive = await createMotive(t.db, otherId, actor, motiveSchema.parse({ ...motiveForm, name: "Motif autre plages" }));
      if (!foreignPlace.ok || !foreignMotive.ok) throw new Error("setup");
      const free = { weekdays: ["7"] };
      expect(await createOpeningSlot(t.db, territoryId, actor, slot({ ...free, agentId: otherAgentId }))).toEqual({ ok: false, errors: { agentId: "agent" } });
      expect(await createOpeningSlot(t.db, territoryId, actor, slot({ ...free, agentId: committeeId }))).toEqual({ ok: false, errors: { agentId: "agent" } });
      expect(await createOpeningSlot(t.db, territoryId, actor, slot({ ...free, placeId: foreignPlace.id }))).toEqual({ ok: false, errors: { placeId: "place" } });
      expect(await createOpeningSlot(t.db, territoryId, actor, slot({ ...free, motiveIds: [motiveId, foreignMotive.id] }))).toEqual({ ok: false, errors: { motiveIds: "motive" } });
      const archived = await createMotive(t.db, territoryId, actor, motiveSchema.parse({ ...motiveForm, name: "Motif archivé plages" }));
      if (!archived.ok) throw new Error("setup");
      await archiveMotive(t.db, territoryId, actor, archived.id);
      expect(await createOpeningSlot(t.db, territoryId, actor, slot({ ...free, motiveIds: [archived.id] }))).toEqual({ ok: false, errors: { motiveIds: "motive" } });
    });

    it("lets only one of several concurrent overlapping slots in (the agent row is locked)", async () => {
      const tries = await Promise.all(Array.from({ length: 16 }, (_, i) => i).map((i) =>
        createOpeningSlot(t.db, territoryId, actor, slot({ agentId: adminId, weekdays: ["5"], startTime: `${String(i).padStart(2, "0")}:00`, endTime: "17:00", placeId: i % 2 ? placeId : otherPlaceId }))));
      expect(tries.filter((r) => r.ok)).toHaveLength(1);
      expect(tries.filter((r) => !r.ok).every((r) => !r.ok && r.errors.startTime === "overlap")).toBe(true);
    });

    it("deletes a slot of its own territory only", async () => {
      const r = await createOpeningSlot(t.db, territoryId, actor, slot({ weekdays: ["6"] }));
      if (!r.ok) throw new Error("create");
      expect(await deleteOpeningSlot(t.db, otherId, actor, r.id)).toBe(false);
      expect(await deleteOpeningSlot(t.db, territoryId, actor, r.id)).toBe(true);
      expect(await deleteOpeningSlot(t.db, territoryId, actor, r.id)).toBe(false);
      expect((await audits(r.id)).map((a) => a.action)).toEqual(["opening_slot.create", "opening_slot.delete"]);
    });
  });

  it("creates and deletes absences in Paris time, with no reason in the audit", async () => {
    const input = absenceSchema.parse({ agentId, startDate: "2027-02-01", startTime: "08:30", endDate: "2027-02-03", endTime: "18:00", reason: "Formation" });
    const r = await createAbsence(t.db, territoryId, actor, input);
    if (!r.ok) throw new Error("create");
    const [row] = await t.db.select().from(agentAbsences).where(eq(agentAbsences.id, r.id));
    expect(row.startsAt.toISOString()).toBe("2027-02-01T07:30:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2027-02-03T17:00:00.000Z");
    expect((await listAbsences(t.db, territoryId, new Date("2027-01-01T00:00:00Z"))).map((a) => a.id)).toContain(r.id);
    expect(await listAbsences(t.db, otherId, new Date("2027-01-01T00:00:00Z"))).toEqual([]);
    expect(await createAbsence(t.db, territoryId, actor, { ...input, agentId: otherAgentId })).toEqual({ ok: false, errors: { agentId: "agent" } });
    expect(await createAbsence(t.db, otherId, actor, input)).toEqual({ ok: false, errors: { agentId: "agent" } });
    expect(await deleteAbsence(t.db, otherId, actor, r.id)).toBe(false);
    expect(await deleteAbsence(t.db, territoryId, actor, r.id)).toBe(true);
    const rows = await audits(r.id);
    expect(rows.map((a) => a.action)).toEqual(["agent_absence.create", "agent_absence.delete"]);
    expect(JSON.stringify(rows)).not.toContain("Formation");
  });

  it("writes nothing, not even an audit row, when a write is refused", async () => {
    const before = (await t.db.select().from(auditLog).where(like(auditLog.action, "booking_%"))).length;
    const places = (await t.db.select().from(bookingPlaces)).length;
    await createPlace(t.db, territoryId, actor, placeSchema.parse({ name: "Lieu plages A", address: "dup", lon: "4.5", lat: "42.9" }));
    expect((await t.db.select().from(bookingPlaces)).length).toBe(places);
    expect((await t.db.select().from(auditLog).where(like(auditLog.action, "booking_%"))).length).toBe(before);
  });
});
