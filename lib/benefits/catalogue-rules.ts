import { z } from "zod";
import { BENEFITS } from "@/lib/questionnaire/content/benefits";
import type { Option } from "@/lib/questionnaire/definition-schema";
import { safeText } from "@/lib/validation/parsers";

/**
 * A territory's benefit catalogue (pure rules). The common questionnaire's benefits are always
 * in it and never archived (RSA and prime d'activité are the law's mandatory targets; all nine
 * stay, so that territories compare); the territory adds its own, orders and archives them.
 */
export type CatalogueEntry = {
  id: string | null; code: string; kind: "common" | "extra"; labelFr: string; labelEn: string; position: number; archivedAt: Date | null;
};

export const COMMON_CODES: string[] = BENEFITS.map((b) => b.value);

/** The stored rows completed by any common benefit they lack (a territory that never edited its catalogue has none), in order. */
export function mergeCatalogue(stored: CatalogueEntry[]): CatalogueEntry[] {
  const byCode = new Map(stored.map((e) => [e.code, e]));
  const sorted = [...stored].sort((a, b) => a.position - b.position);
  let next = sorted.length ? sorted[sorted.length - 1].position + 1 : 0;
  const missing = BENEFITS.filter((b) => !byCode.has(b.value)).map((b): CatalogueEntry => ({
    id: null, code: b.value, kind: "common", labelFr: b.label.fr, labelEn: b.label.en ?? b.label.fr, position: next++, archivedAt: null,
  }));
  // Common benefits always use the questionnaire's labels; they are never archived.
  return [...sorted, ...missing].map((e) => {
    const common = BENEFITS.find((b) => b.value === e.code);
    return common ? { ...e, kind: "common" as const, labelFr: common.label.fr, labelEn: common.label.en ?? common.label.fr, archivedAt: null } : e;
  });
}

/** The rows of the respondent's benefit grid: the active entries, in the catalogue's order. */
export function gridRows(catalogue: CatalogueEntry[]): Option[] {
  return catalogue.filter((e) => !e.archivedAt).map((e) => ({ value: e.code, label: { fr: e.labelFr, en: e.labelEn || e.labelFr } }));
}

/** The new order after moving one entry up or down (positions renumbered 0..n-1), or null at an end. */
export function moveEntry(catalogue: CatalogueEntry[], code: string, direction: "up" | "down"): { code: string; position: number }[] | null {
  const list = [...catalogue];
  const i = list.findIndex((e) => e.code === code);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= list.length) return null;
  [list[i], list[j]] = [list[j], list[i]];
  return list.map((e, position) => ({ code: e.code, position }));
}

export const newBenefitSchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: "code" }),
  labelFr: safeText(120, { message: "labelFr" }).pipe(z.string().min(2, { error: "labelFr" })),
  labelEn: safeText(120, { message: "labelEn" }),
});
