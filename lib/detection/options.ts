import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { detectionOptions } from "@/db/schema";
import { listCatalogue } from "@/lib/benefits/catalogue";
import { ACTIONS, ACTORS, DETECTION_BENEFITS, DOMAINS, LEVELS, REASONS, type RefEntry } from "./reference";

export const OPTION_LISTS = ["reason", "level", "action", "domain", "actor", "benefit"] as const;
export type OptionList = (typeof OPTION_LISTS)[number];

export type OptionRow = { list: string; code: string; label: string; parentCode: string | null; position: number; archivedAt: Date | null };
export type DetectionEntry = RefEntry & { archived: boolean; own: boolean };
export type DetectionLists = Record<OptionList, DetectionEntry[]>;

const DEFAULTS: Record<OptionList, RefEntry[]> = {
  reason: REASONS, level: LEVELS, action: ACTIONS, domain: DOMAINS, actor: ACTORS, benefit: DETECTION_BENEFITS,
};

/**
 * Pure: the defaults of each list, with the territory's rows applied — a row with a default's code
 * archives or relabels it, any other row adds an entry after the defaults (by position).
 * `catalogue` adds the territory's own benefits (group "autres" unless an option row says otherwise).
 */
export function mergeLists(rows: OptionRow[], catalogue: { code: string; labelFr: string; archived: boolean }[] = []): DetectionLists {
  const out = {} as DetectionLists;
  for (const list of OPTION_LISTS) {
    const own = rows.filter((r) => r.list === list);
    const byCode = new Map(own.map((r) => [r.code, r]));
    const entries: DetectionEntry[] = DEFAULTS[list].map((d) => {
      const r = byCode.get(d.code);
      return { ...d, label: r?.label ?? d.label, archived: r?.archivedAt != null, own: false };
    });
    const known = new Set(entries.map((e) => e.code));
    if (list === "benefit") {
      for (const c of catalogue) {
        if (known.has(c.code)) continue;
        const r = byCode.get(c.code);
        entries.push({ code: c.code, label: r?.label ?? c.labelFr, parent: r?.parentCode ?? "autres", archived: c.archived || r?.archivedAt != null, own: true });
        known.add(c.code);
      }
    }
    for (const r of [...own].sort((a, b) => a.position - b.position)) {
      if (known.has(r.code)) continue;
      entries.push({ code: r.code, label: r.label, ...(r.parentCode ? { parent: r.parentCode } : {}), archived: r.archivedAt != null, own: true });
    }
    out[list] = entries;
  }
  return out;
}

/** The territory's detection lists (archived entries included, flagged: old situations still name them). */
export async function loadLists(db: Db | Tx, territoryId: string): Promise<DetectionLists> {
  const rows = await db.select({
    list: detectionOptions.list, code: detectionOptions.code, label: detectionOptions.label,
    parentCode: detectionOptions.parentCode, position: detectionOptions.position, archivedAt: detectionOptions.archivedAt,
  }).from(detectionOptions).where(eq(detectionOptions.territoryId, territoryId));
  const catalogue = (await listCatalogue(db as Db, territoryId)).map((e) => ({ code: e.code, labelFr: e.labelFr, archived: e.archivedAt !== null }));
  return mergeLists(rows, catalogue);
}

/** Active entries only (what a form offers). */
export function active(entries: DetectionEntry[]): DetectionEntry[] {
  return entries.filter((e) => !e.archived);
}

/** The label of a code in a list (the code itself when unknown, e.g. a code removed from the lists). */
export function labelOf(lists: DetectionLists, list: OptionList, code: string): string {
  return lists[list].find((e) => e.code === code)?.label ?? code;
}
