/**
 * Class breaks of the choropleth legend, computed on the visible (not suppressed) rates only,
 * so that a hidden value cannot be guessed from the legend's bounds.
 */
export type ClassMethod = "quantile" | "equal";

/**
 * Light to dark blues; even the lightest has a 3:1 contrast with the map's background (#f4f4f6)
 * and with white ("no answer"), so that the lowest class is never mistaken for an empty area.
 */
export const PALETTE = ["#4f8fcc", "#3a78b5", "#2a649c", "#1b4f80", "#0b3160"] as const;

export type Legend = {
  breaks: number[];
  classes: { index: number; from: number; to: number; colour: string; count: number }[];
  /** True when every visible area's 95 % interval shares a common value: the differences may be chance. */
  overlap: boolean;
};

/** Below this spread (max − min) the areas are shown as one class: 3 points is noise, not contrast. */
export const MIN_SPREAD = 0.03;

/**
 * How many classes the visible areas deserve: one per three areas at most (five areas never get
 * five classes), five at most, one when the spread is too small to mean anything.
 */
export function classCount(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length < 2 || Math.max(...v) - Math.min(...v) < MIN_SPREAD) return 1;
  return Math.min(5, Math.max(2, Math.floor(v.length / 3)));
}

/** Whether the intervals all overlap (the largest lower bound does not exceed the smallest upper bound). */
export function intervalsOverlap(intervals: { low: number | null; high: number | null }[]): boolean {
  const ok = intervals.filter((i): i is { low: number; high: number } => i.low !== null && i.high !== null);
  if (ok.length < 2) return false;
  return Math.max(...ok.map((i) => i.low)) <= Math.min(...ok.map((i) => i.high));
}

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

export function buildLegend(
  values: number[], n = classCount(values), method: ClassMethod = "quantile", intervals: { low: number | null; high: number | null }[] = [],
): Legend {
  const sorted = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  let breaks = n <= 1 && sorted.length ? [sorted[sorted.length - 1]] : classBreaks(values, n, method);
  // A first class "from 83.1 % to 83.1 %" says nothing: merge it into the next one.
  if (breaks.length > 1 && breaks[0] <= sorted[0]) breaks = breaks.slice(1);
  const classes = breaks.map((to, index) => ({
    index,
    from: index === 0 ? (sorted[0] ?? to) : breaks[index - 1],
    to,
    colour: classColour(index, breaks.length),
    count: values.filter((v) => classOf(v, breaks) === index).length,
  }));
  return { breaks, classes, overlap: intervalsOverlap(intervals) };
}
