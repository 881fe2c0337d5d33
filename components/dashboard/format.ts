/** Client-side number formatting (the same as lib/dashboard/labels.ts formatRate). */
export function formatRate(v: number | null, locale: string): string {
  if (v === null) return "";
  return `${(v * 100).toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}
export function formatCount(v: number | null, locale: string): string {
  return v === null ? "" : v.toLocaleString(locale === "fr" ? "fr-FR" : "en-GB");
}
