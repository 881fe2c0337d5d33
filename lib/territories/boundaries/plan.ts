import { attributeParents } from "./attribute";
import { parseGeoJson } from "./parse";
import { DEFAULT_LIMITS, type ImportLimits, type ImportPlan, type Issue, type LevelFile, type ParsedFile } from "./types";
import { validateLevel, type ReadArea } from "./validate";

export type PlanResult = { plan: ImportPlan | null; issues: Issue[]; parsed: ParsedFile[] };

/**
 * The pure core of a boundaries import: parse → validate → attribute parents, level by level,
 * coarsest first. Returns a plan only when there is no issue at all (nothing is half-imported).
 * `onLevel` reports progress (the command's progress bar).
 */
export function planImport(files: LevelFile[], limits: ImportLimits = DEFAULT_LIMITS, onLevel?: (done: number, total: number) => void): PlanResult {
  const issues: Issue[] = [];
  const parsed: ParsedFile[] = [];
  if (files.length === 0) return { plan: null, issues: [{ code: "no_levels", file: "" }], parsed };
  const keys = new Set<string>();
  for (const f of files) {
    if (keys.has(f.key)) issues.push({ code: "duplicate_level", file: f.file, params: { key: f.key } });
    keys.add(f.key);
  }
  const levels: { file: LevelFile; areas: ReadArea[]; ok: boolean }[] = [];
  for (const [i, f] of files.entries()) {
    const r = parseGeoJson(f.file, f.text, limits);
    issues.push(...r.issues);
    if (r.parsed) {
      parsed.push(r.parsed);
      const v = validateLevel(r.parsed, f, limits);
      issues.push(...v.issues);
      const parent = levels[i - 1];
      // Parents are looked for only when both levels are sound (else every child would be an orphan).
      if (parent?.ok && v.issues.length === 0) {
        issues.push(...attributeParents(f.file, v.areas, parent.areas, !!f.parentProperty));
      }
      levels.push({ file: f, areas: v.areas, ok: v.issues.length === 0 });
    } else {
      levels.push({ file: f, areas: [], ok: false });
    }
    onLevel?.(i + 1, files.length);
  }
  if (issues.length > 0) return { plan: null, issues, parsed };
  return {
    plan: {
      levels: levels.map((l) => ({
        key: l.file.key, name: l.file.name, file: l.file.file,
        areas: l.areas.map((a) => ({ code: a.code, name: a.name, parentCode: a.parentCode, geometry: a.geometry })),
      })),
    },
    issues, parsed,
  };
}
