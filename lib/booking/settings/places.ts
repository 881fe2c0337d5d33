import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { bookingPlaces, neighbourhoods } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { centroid, type PolygonGeometry } from "@/lib/geo/geometry";
import { fail, guardName, type Actor, type WriteResult } from "./result";
import type { PlaceInput } from "./schemas";

/** Places of the territory, active first then archived, by name. */
export async function listPlaces(db: Db, territoryId: string, opts: { includeArchived?: boolean } = {}) {
  return db
    .select({
      id: bookingPlaces.id, name: bookingPlaces.name, address: bookingPlaces.address, phone: bookingPlaces.phone,
      accessNotes: bookingPlaces.accessNotes, accessNotesEn: bookingPlaces.accessNotesEn, lon: bookingPlaces.lon, lat: bookingPlaces.lat,
      neighbourhoodId: bookingPlaces.neighbourhoodId, neighbourhood: neighbourhoods.name, archivedAt: bookingPlaces.archivedAt,
    })
    .from(bookingPlaces)
    .leftJoin(neighbourhoods, eq(neighbourhoods.id, bookingPlaces.neighbourhoodId))
    .where(and(eq(bookingPlaces.territoryId, territoryId), opts.includeArchived ? undefined : isNull(bookingPlaces.archivedAt)))
    .orderBy(sql`${bookingPlaces.archivedAt} is not null`, asc(bookingPlaces.name));
}

export async function getPlace(db: Db, territoryId: string, id: string) {
  const [p] = await db.select().from(bookingPlaces).where(and(eq(bookingPlaces.id, id), eq(bookingPlaces.territoryId, territoryId))).limit(1);
  return p ?? null;
}

/**
 * The stored position: the one typed, or else the centroid of the chosen neighbourhood (which
 * must belong to the territory). Null when the neighbourhood is unknown.
 */
const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

async function resolvePosition(tx: Tx, territoryId: string, input: PlaceInput) {
  if (!input.neighbourhoodId) return { lon: input.lon, lat: input.lat };
  const [n] = await tx
    .select({ geometry: neighbourhoods.geometry })
    .from(neighbourhoods)
    .where(and(eq(neighbourhoods.id, input.neighbourhoodId), eq(neighbourhoods.territoryId, territoryId)));
  if (!n) return null;
  if (input.lon !== null && input.lat !== null) return { lon: input.lon, lat: input.lat };
  const g = n.geometry as PolygonGeometry | null;
  if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) return { lon: null, lat: null };
  const [lon, lat] = centroid(g);
  // Seven decimals are about a centimetre: enough, and readable in the edit form.
  return { lon: round7(lon), lat: round7(lat) };
}


export async function createPlace(db: Db, territoryId: string, actor: Actor, input: PlaceInput): Promise<WriteResult> {
  return guardName(() => db.transaction(async (tx) => {
    const pos = await resolvePosition(tx, territoryId, input);
    if (!pos) return fail("neighbourhoodId", "neighbourhood");
    const [p] = await tx.insert(bookingPlaces).values({ territoryId, ...input, ...pos }).returning({ id: bookingPlaces.id });
    await writeAudit(tx, {
      territoryId, actorUserId: actor.userId, actorKind: "staff", action: "booking_place.create", entity: "booking_place", entityId: p.id,
      details: { positioned: pos.lon !== null, fromNeighbourhood: input.lon === null && !!input.neighbourhoodId },
    });
    return { ok: true as const, id: p.id };
  }));
}

export async function updatePlace(db: Db, territoryId: string, actor: Actor, id: string, input: PlaceInput): Promise<WriteResult> {
  return guardName(() => db.transaction(async (tx) => {
    const pos = await resolvePosition(tx, territoryId, input);
    if (!pos) return fail("neighbourhoodId", "neighbourhood");
    const [p] = await tx
      .update(bookingPlaces)
      .set({ ...input, ...pos })
      .where(and(eq(bookingPlaces.id, id), eq(bookingPlaces.territoryId, territoryId)))
      .returning({ id: bookingPlaces.id });
    if (!p) return fail("form", "not_found");
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "booking_place.update", entity: "booking_place", entityId: p.id });
    return { ok: true as const, id: p.id };
  }));
}

/** Archived places are no longer offered; past appointments keep pointing at them. */
export async function archivePlace(db: Db, territoryId: string, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .update(bookingPlaces)
      .set({ archivedAt: sql`coalesce(${bookingPlaces.archivedAt}, now())` })
      .where(and(eq(bookingPlaces.id, id), eq(bookingPlaces.territoryId, territoryId)))
      .returning({ id: bookingPlaces.id });
    if (!p) return false;
    await writeAudit(tx, { territoryId, actorUserId: actor.userId, actorKind: "staff", action: "booking_place.archive", entity: "booking_place", entityId: p.id });
    return true;
  });
}
