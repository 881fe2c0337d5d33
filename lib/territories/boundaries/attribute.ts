import { contains } from "@/lib/geo/geometry";
import { pointOnSurface } from "./point-on-surface";
import type { Issue } from "./types";
import type { ReadArea } from "./validate";

/**
 * Gives each area of a level its parent among the areas of the level above: by the parent-code
 * property when mapped (the code must exist), otherwise the parent area containing a point
 * on the area's surface. An area left without a parent is an issue (a fine area must belong).
 */
export function attributeParents(file: string, areas: ReadArea[], parents: ReadArea[], byProperty: boolean): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(parents.map((p) => p.code));
  for (const a of areas) {
    const at = { file, index: a.index, areaCode: a.code };
    if (byProperty) {
      if (!a.parentValue) issues.push({ code: "no_parent", ...at });
      else if (!known.has(a.parentValue)) issues.push({ code: "unknown_parent", ...at, params: { parent: a.parentValue } });
      else a.parentCode = a.parentValue;
      continue;
    }
    const p = pointOnSurface(a.geometry);
    const parent = parents.find((q) => contains(q.geometry, p));
    if (parent) a.parentCode = parent.code;
    else issues.push({ code: "no_parent", ...at });
  }
  return issues;
}
