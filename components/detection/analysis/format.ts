/** Numbers as the rubriques print them (French or English conventions). */
export function formatNumber(v: number | null | undefined, locale: "fr" | "en", digits = 0): string {
  if (v === null || v === undefined) return "";
  return v.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
export function formatShare(v: number | null | undefined, locale: "fr" | "en"): string {
  if (v === null || v === undefined) return "";
  return `${(v * 100).toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}${locale === "fr" ? "\u00a0%" : "%"}`;
}
export type Tr = (key: string, values?: Record<string, string | number>) => string;
