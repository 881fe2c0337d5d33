import type { ImportPlan } from "./types";

/** An area as stored, for comparison with an import. */
export type StoredArea = { levelKey: string; code: string; name: string; geometry: unknown; parentCode: string | null; retired: boolean };
export type AreaRef = { code: string; name: string };
export type LevelDiff = {
  key: string;
  name: string;
  added: AreaRef[];
  retired: AreaRef[];
  renamed: { code: string; from: string; to: string }[];
  reshaped: AreaRef[];
  reparented: AreaRef[];
  unchanged: number;
};
export type ImportDiff = { levels: LevelDiff[]; retiredLevels: string[]; changed: boolean };

/** Geometry equality on content, whatever the key order a database returned it in. */
export function sameGeometry(a: unknown, b: unknown): boolean {
  const g = (x: unknown) => (x && typeof x === "object" ? `${(x as { type?: string }).type}:${JSON.stringify((x as { coordinates?: unknown }).coordinates)}` : "null");
  return g(a) === g(b);
}

/**
 * What an import changes: per level, areas added (new code, or a retired code back), retired
 * (current code absent from the import), renamed, reshaped (geometry), moved to another parent,
 * and unchanged; plus the current levels that the import no longer has.
 */
export function diffImport(stored: StoredArea[], currentLevelKeys: string[], plan: ImportPlan): ImportDiff {
  const levels = plan.levels.map((level): LevelDiff => {
    const before = new Map(stored.filter((a) => a.levelKey === level.key).map((a) => [a.code, a]));
    const d: LevelDiff = { key: level.key, name: level.name, added: [], retired: [], renamed: [], reshaped: [], reparented: [], unchanged: 0 };
    const incoming = new Set<string>();
    for (const a of level.areas) {
      incoming.add(a.code);
      const old = before.get(a.code);
      if (!old || old.retired) {
        d.added.push({ code: a.code, name: a.name });
        continue;
      }
      let same = true;
      if (old.name !== a.name) { d.renamed.push({ code: a.code, from: old.name, to: a.name }); same = false; }
      if (!sameGeometry(old.geometry, a.geometry)) { d.reshaped.push({ code: a.code, name: a.name }); same = false; }
      if ((old.parentCode ?? null) !== (a.parentCode ?? null)) { d.reparented.push({ code: a.code, name: a.name }); same = false; }
      if (same) d.unchanged += 1;
    }
    for (const old of before.values()) if (!old.retired && !incoming.has(old.code)) d.retired.push({ code: old.code, name: old.name });
    return d;
  });
  const keys = new Set(plan.levels.map((l) => l.key));
  const retiredLevels = currentLevelKeys.filter((k) => !keys.has(k));
  const changed = retiredLevels.length > 0 || currentLevelKeys.join() !== plan.levels.map((l) => l.key).join()
    || levels.some((l) => l.added.length + l.retired.length + l.renamed.length + l.reshaped.length + l.reparented.length > 0);
  return { levels, retiredLevels, changed };
}
