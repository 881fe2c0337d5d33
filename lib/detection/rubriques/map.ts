import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { neighbourhoods } from "@/db/schema";
import { areaFeatures } from "@/lib/dashboard/areas";
import { classBreaks, classColour, classCount, classOf } from "@/lib/dashboard/classes";
import type { AreaRow } from "@/components/dashboard/types";
import type { Rubriques } from "./types";

/**
 * The map of situations by the household's neighbourhood: the level most households were placed
 * at, its areas' shapes, and one row per area coloured by its share (hidden areas hatched, as on
 * the dashboard map; the figures are the rubriques' own, so the committee's are protected).
 */
export async function loadSituationMap(db: Db, territoryId: string, r: Rubriques) {
  const table = r.blocks.find((b) => b.id === "map")?.tables[0];
  if (!table?.rows.length) return null;
  const levels = await db.select({ id: neighbourhoods.id, levelId: neighbourhoods.levelId }).from(neighbourhoods)
    .where(inArray(neighbourhoods.id, table.rows.map((x) => x.key)));
  const count = new Map<string, number>();
  for (const l of levels) count.set(l.levelId, (count.get(l.levelId) ?? 0) + 1);
  const levelId = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!levelId) return null;
  const inLevel = new Set(levels.filter((l) => l.levelId === levelId).map((l) => l.id));
  const areas = await areaFeatures(db, territoryId, levelId);
  const shares = table.rows.filter((x) => inLevel.has(x.key) && x.share !== null).map((x) => x.share!);
  const breaks = classBreaks(shares, classCount(shares));
  const rows: AreaRow[] = table.rows.filter((x) => inLevel.has(x.key)).map((x) => {
    const cls = classOf(x.share, breaks);
    return {
      key: x.key, name: x.label, parent: null, num: x.n, den: table.den, rate: x.share, low: null, high: null,
      suppressed: x.suppressed, reason: x.suppressed ? "small_count" : null, cls, colour: classColour(cls, breaks.length),
    };
  });
  return { areas, rows };
}
