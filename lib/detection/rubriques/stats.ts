/**
 * Pearson's chi-square test of independence on a contingency table, with the p-value and the
 * cells that depart from independence (adjusted standardised residuals beyond ±1.96, i.e. 5 %
 * two-sided per cell). Pure; rows or columns with a zero total are dropped (they carry no test).
 */
export type ChiSquare = {
  statistic: number; df: number; pValue: number;
  /** Smallest expected count: below 5 the test is approximate (the page says so). */
  minExpected: number;
  cells: { row: number; col: number; observed: number; expected: number; residual: number; flag: "over" | "under" | null }[];
};

export function chiSquare(table: number[][]): ChiSquare | null {
  const rowsKept = table.map((r, i) => i).filter((i) => table[i].reduce((a, b) => a + b, 0) > 0);
  const colsKept = (table[0] ?? []).map((_, j) => j).filter((j) => table.reduce((a, r) => a + r[j], 0) > 0);
  if (rowsKept.length < 2 || colsKept.length < 2) return null;
  const n = rowsKept.reduce((a, i) => a + colsKept.reduce((b, j) => b + table[i][j], 0), 0);
  const rowSum = (i: number) => colsKept.reduce((a, j) => a + table[i][j], 0);
  const colSum = (j: number) => rowsKept.reduce((a, i) => a + table[i][j], 0);
  let statistic = 0;
  let minExpected = Infinity;
  const cells: ChiSquare["cells"] = [];
  for (const i of rowsKept) for (const j of colsKept) {
    const ri = rowSum(i), cj = colSum(j);
    const expected = (ri * cj) / n;
    const observed = table[i][j];
    statistic += (observed - expected) ** 2 / expected;
    minExpected = Math.min(minExpected, expected);
    const residual = (observed - expected) / Math.sqrt(expected * (1 - ri / n) * (1 - cj / n));
    cells.push({ row: i, col: j, observed, expected, residual, flag: residual > 1.96 ? "over" : residual < -1.96 ? "under" : null });
  }
  const df = (rowsKept.length - 1) * (colsKept.length - 1);
  return { statistic, df, pValue: chiSquareSurvival(statistic, df), minExpected, cells };
}

/** P(X ≥ x) for X ~ χ²(df): the regularised upper incomplete gamma function Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return upperGamma(df / 2, x / 2);
}

function logGamma(z: number): number {
  // Lanczos approximation (g = 7, n = 9), precise to ~1e-15 for z > 0.
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const zz = z - 1;
  let a = c[0];
  const t = zz + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (zz + i);
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Q(a, x): the series below a + 1, the continued fraction above (Numerical Recipes §6.2). */
function upperGamma(a: number, x: number): number {
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a, term = sum;
    for (let k = 1; k < 500; k++) {
      term *= x / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - lg));
  }
  let b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b; if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c; if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(-x + a * Math.log(x) - lg) * h);
}
