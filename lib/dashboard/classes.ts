/**
 * Class breaks of the choropleth legend, computed on the visible (not suppressed) rates only,
 * so that a hidden value cannot be guessed from the legend's bounds.
 */
export type ClassMethod = "quantile" | "equal";

export const PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] as const;

export type Legend = { breaks: number[]; classes: { index: number; from: number; to: number; colour: string; count: number }[] };

/** Upper bounds of at most `n` classes (ascending, deduplicated); the last bound is the maximum. */
export function classBreaks(values: number[], n = 5, method: ClassMethod = "quantile"): number[] {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return [];
  const min = v[0];
  const max = v[v.length - 1];
  if (min === max) return [max];
  const breaks: number[] = [];
  for (let i = 1; i <= n; i++) {
    if (method === "equal") breaks.push(i === n ? max : min + ((max - min) * i) / n);
    else breaks.push(i === n ? max : v[Math.min(v.length - 1, Math.ceil((i / n) * v.length) - 1)]);
  }
  return [...new Set(breaks)];
}

/** Index of the class a value falls into (first break ≥ value), or −1 when it has none. */
export function classOf(value: number | null, breaks: number[]): number {
  if (value === null || !Number.isFinite(value) || !breaks.length) return -1;
  const i = breaks.findIndex((b) => value <= b + 1e-12);
  return i === -1 ? breaks.length - 1 : i;
}

/** Colour of class i out of `count` classes, spread over the palette. */
export function classColour(i: number, count: number): string {
  if (i < 0) return "";
  if (count <= 1) return PALETTE[PALETTE.length - 1];
  return PALETTE[Math.round((i * (PALETTE.length - 1)) / (count - 1))];
}

export function buildLegend(values: number[], n = 5, method: ClassMethod = "quantile"): Legend {
  const breaks = classBreaks(values, n, method);
  const sorted = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const classes = breaks.map((to, index) => ({
    index,
    from: index === 0 ? (sorted[0] ?? to) : breaks[index - 1],
    to,
    colour: classColour(index, breaks.length),
    count: values.filter((v) => classOf(v, breaks) === index).length,
  }));
  return { breaks, classes };
}
