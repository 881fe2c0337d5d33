import { CELL_KEY_MODULUS } from "@/lib/dashboard/perturbation";

/**
 * One aggregated cell of the rubriques: a set of situations (or of households) with its count,
 * its cell key (the sum of its members' record keys modulo 2³², decision 0007) and the sums the
 * cost and impact rubriques need. Cells are additive: the cell of a union of disjoint sets is the
 * sum of their cells, the cell of a complement is a difference (except min and max).
 */
export type Cell = {
  n: number;
  key: number;
  people: number; peopleN: number;
  minutesN: number; minutesSum: number; minutesMin: number | null; minutesMax: number | null;
  grantedN: number; grantedSum: number;
  missedN: number; missedSum: number;
  missedTotalN: number; missedTotalSum: number;
  openedN: number; openedSum: number;
};
export type Tally = Record<string, Cell>;

export const EMPTY_CELL: Cell = {
  n: 0, key: 0, people: 0, peopleN: 0, minutesN: 0, minutesSum: 0, minutesMin: null, minutesMax: null,
  grantedN: 0, grantedSum: 0, missedN: 0, missedSum: 0, missedTotalN: 0, missedTotalSum: 0, openedN: 0, openedSum: 0,
};

const SUMMED = ["n", "people", "peopleN", "minutesN", "minutesSum", "grantedN", "grantedSum", "missedN", "missedSum", "missedTotalN", "missedTotalSum", "openedN", "openedSum"] as const;
const mod = (v: number) => ((v % CELL_KEY_MODULUS) + CELL_KEY_MODULUS) % CELL_KEY_MODULUS;
const ext = (a: number | null, b: number | null, f: (x: number, y: number) => number) => (a === null ? b : b === null ? a : f(a, b));

export function addCells(a: Cell, b: Cell): Cell {
  const out = { ...a, key: mod(a.key + b.key) };
  for (const k of SUMMED) out[k] = a[k] + b[k];
  out.minutesMin = ext(a.minutesMin, b.minutesMin, Math.min);
  out.minutesMax = ext(a.minutesMax, b.minutesMax, Math.max);
  return out;
}

/** a − b for b ⊂ a (min and max are unknown for a complement). */
export function minusCell(a: Cell, b: Cell): Cell {
  const out = { ...a, key: mod(a.key - b.key), minutesMin: null, minutesMax: null };
  for (const k of SUMMED) out[k] = a[k] - b[k];
  return out;
}

export const cellOf = (t: Tally | undefined, key: string): Cell => t?.[key] ?? EMPTY_CELL;
export const sumCells = (cells: Cell[]): Cell => cells.reduce(addCells, EMPTY_CELL);
/** The sum of the tally's cells whose key passes `keep`. */
export const sumTally = (t: Tally | undefined, keep: (key: string) => boolean = () => true): Cell =>
  sumCells(Object.entries(t ?? {}).filter(([k]) => keep(k)).map(([, c]) => c));
